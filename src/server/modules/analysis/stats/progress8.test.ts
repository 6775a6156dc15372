import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type A8Estimate,
  applyFloor,
  estimatedA8,
  findEstimate,
  ks2FineLevel,
  type Progress8Floor,
  progress8Interval,
  pupilElementProgress8,
  pupilProgress8,
  schoolProgress8,
} from './progress8';

// Real DfE files, committed under test-data/ so every clone can run these checks.
const DATA = '../../../../../test-data/dfe/';
const ESTIMATES_FILE = new URL(`${DATA}ks4-attainment8-estimates-2023.csv`, import.meta.url);
const KS4_FILE = new URL(`${DATA}england_ks4provisional.csv`, import.meta.url);

const FINE_LEVEL = 'Key stage 2 fine level';
const TOTAL_OVER_10 = 'Attainment 8 estimate';
const ELEMENTS = {
  english: 'A8 Nat Est - English',
  maths: 'A8 Nat Est - Maths',
  ebacc: 'A8 Nat Est - EBacc',
  open: 'A8 Nat Est - Open',
} as const;

type CsvRow = Record<string, string>;
const readCsv = (url: URL): CsvRow[] =>
  parse(readFileSync(url, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });

const estimateRows = readCsv(ESTIMATES_FILE);
const table: A8Estimate[] = estimateRows.map((row) => ({
  fineLevel: Number(row[FINE_LEVEL]),
  english: Number(row[ELEMENTS.english]),
  maths: Number(row[ELEMENTS.maths]),
  ebacc: Number(row[ELEMENTS.ebacc]),
  open: Number(row[ELEMENTS.open]),
}));

describe('the 2023 Attainment 8 estimates table', () => {
  it('has the columns this test reads', () => {
    expect(Object.keys(estimateRows[0] ?? {})).toEqual(
      expect.arrayContaining([FINE_LEVEL, TOTAL_OVER_10, ...Object.values(ELEMENTS)]),
    );
  });

  it('covers fine levels 59.0 to 120.0 in steps of 0.5', () => {
    expect(table).toHaveLength(123);
    expect(table.map((row) => row.fineLevel)).toEqual(Array.from({ length: 123 }, (_, i) => 59 + i / 2));
  });

  it('has a total (sum of the four elements) that is ten times its "Attainment 8 estimate" column', () => {
    for (const row of estimateRows) {
      const estimate = findEstimate(table, Number(row[FINE_LEVEL]));
      if (estimate === null) throw new Error(`no estimate for ${row[FINE_LEVEL]}`);
      // Elements are published to 2 dp and the column to 2 dp of a tenth, so they agree within 0.0075.
      expect(Math.abs(estimatedA8(estimate) / 10 - Number(row[TOTAL_OVER_10]))).toBeLessThanOrEqual(0.0075);
    }
  });
});

describe('pupil Progress 8', () => {
  it('is (A8 - estimate) / 10 with the estimate summed from the elements', () => {
    // Fine level 105.0 in 2023: English 9.88, maths 8.9, EBacc 12.9, open 13.79 -> 45.47.
    const estimate = findEstimate(table, 105);
    if (estimate === null) throw new Error('no estimate for 105.0');
    expect(estimatedA8(estimate)).toBeCloseTo(45.47, 10);
    expect(pupilProgress8(50, estimate)).toBeCloseTo(0.453, 10);
    expect(pupilProgress8(40, estimate)).toBeCloseTo(-0.547, 10);
  });

  it('divides element scores by their number of slots', () => {
    const estimate = findEstimate(table, 100);
    if (estimate === null) throw new Error('no estimate for 100.0');
    const elements = pupilElementProgress8({ english: 10, maths: 8, ebacc: 12, open: 15 }, estimate);
    expect(elements.english).toBeCloseTo((10 - 8.15) / 2, 10);
    expect(elements.maths).toBeCloseTo((8 - 6.94) / 2, 10);
    expect(elements.ebacc).toBeCloseTo((12 - 9.89) / 3, 10);
    expect(elements.open).toBeCloseTo((15 - 11.32) / 3, 10);
  });

  it('takes the fine level as the mean of reading and maths scaled scores, and needs both', () => {
    expect(ks2FineLevel(104, 107)).toBe(105.5);
    expect(ks2FineLevel(104, null)).toBeNull();
    expect(ks2FineLevel(undefined, 100)).toBeNull();
  });

  it('never invents an estimate for a fine level the table lacks', () => {
    expect(findEstimate(table, 58.5)).toBeNull();
    expect(findEstimate(table, 105.25)).toBeNull();
  });
});

const floors: Progress8Floor[] = [
  { fromFineLevel: 59, toFineLevel: 94.5, floor: -3.5 },
  { fromFineLevel: 95, toFineLevel: 120, floor: -2.5 },
];

describe('floor adjustment', () => {
  it("raises a score below its group's floor to the floor and leaves others alone", () => {
    expect(applyFloor(-4.2, 90, floors)).toBe(-3.5);
    expect(applyFloor(-3, 90, floors)).toBe(-3);
    expect(applyFloor(-3, 100, floors)).toBe(-2.5);
  });

  it('refuses a fine level with no prior-attainment group', () => {
    expect(() => applyFloor(-1, 50, floors)).toThrow(RangeError);
  });
});

describe('school Progress 8', () => {
  it('averages floored pupil scores and gives a CI of ±1.96 × sigma / √n', () => {
    const pupils = [
      { score: -4.2, fineLevel: 90 },
      { score: 0.6, fineLevel: 100 },
      { score: 1.1, fineLevel: 105 },
      { score: 0.1, fineLevel: 110 },
      { score: 0.5, fineLevel: null },
      { score: null, fineLevel: 100 },
    ];
    const school = schoolProgress8(pupils, { sigma: 1.28, floors });
    const mean = (-3.5 + 0.6 + 1.1 + 0.1) / 4;
    expect(school?.n).toBe(4);
    expect(school?.raisedToFloor).toBe(1);
    expect(school?.score).toBeCloseTo(mean, 12);
    expect(school?.ci[0]).toBeCloseTo(mean - (1.96 * 1.28) / 2, 12);
    expect(school?.ci[1]).toBeCloseTo(mean + (1.96 * 1.28) / 2, 12);
    expect(school?.band).toBe('average');
  });

  it('applies no adjustment without a floor table, and has no score without pupils', () => {
    expect(schoolProgress8([{ score: -6, fineLevel: 90 }], { sigma: 1.28 })?.score).toBe(-6);
    expect(schoolProgress8([{ score: null, fineLevel: 90 }], { sigma: 1.28 })).toBeNull();
  });

  it("matches the CI width of DfE's published limits for every school, with one national sigma", () => {
    // The file does not state sigma; every school's published half-width is within rounding (each
    // limit is to 2 dp, so ±0.01) of 1.96 × sigma / √n for sigma from about 1.275 to 1.291.
    const toNumber = (v: string | undefined) =>
      v !== undefined && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
    let checked = 0;
    for (const row of readCsv(KS4_FILE)) {
      if (row.RECTYPE !== '1' && row.RECTYPE !== '2') continue;
      const score = toNumber(row.P8MEA);
      const lower = toNumber(row.P8CILOW);
      const upper = toNumber(row.P8CIUPP);
      const n = toNumber(row.P8PUP);
      if (score === null || lower === null || upper === null || n === null) continue;
      const [ourLower, ourUpper] = progress8Interval(score, n, 1.28);
      expect(Math.abs((ourUpper - ourLower) / 2 - (upper - lower) / 2)).toBeLessThanOrEqual(0.01 + 1e-9);
      checked += 1;
    }
    expect(checked).toBe(3525);
  });

  it('has a CI that contains its score and narrows as n grows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (scores, sigma) => {
          const pupils = scores.map((score) => ({ score, fineLevel: 100 }));
          const one = schoolProgress8(pupils, { sigma });
          const two = schoolProgress8([...pupils, ...pupils], { sigma });
          if (one === null || two === null) throw new Error('pupils must give a score');
          expect(one.ci[0]).toBeLessThanOrEqual(one.score);
          expect(one.ci[1]).toBeGreaterThanOrEqual(one.score);
          expect(two.ci[1] - two.ci[0]).toBeLessThan(one.ci[1] - one.ci[0]);
        },
      ),
    );
  });
});
