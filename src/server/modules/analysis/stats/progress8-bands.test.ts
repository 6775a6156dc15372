import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PROGRESS8_BAND_CODES, progress8Band } from './progress8-bands';

// DfE's 2018/19 KS4 performance tables school-level file, as published (UTF-8 with a byte-order mark).
const KS4_FILE = new URL('../../../../../test-data/dfe/england_ks4provisional.csv', import.meta.url);

/** A published number, or null for the no-data codes (NA, NE, SUPP, NP, LOWCOV, NEW, blank). */
const published = (raw: string | undefined): number | null =>
  raw !== undefined && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : null;

describe('progress8Band', () => {
  it.each([
    // score, lower, upper, band: each rule at and either side of its boundary
    [0.5, 0.01, 0.99, 'well_above_average'],
    [0.49, 0.01, 0.97, 'above_average'],
    [0.5, 0, 1, 'average'],
    [0.3, -0.01, 0.61, 'average'],
    [0, 0, 0, 'average'],
    [-0.3, -0.61, 0, 'average'],
    [-0.5, -0.99, -0.01, 'below_average'],
    [-0.51, -1.01, -0.01, 'well_below_average'],
    [-0.2, -0.35, -0.05, 'below_average'],
  ] as const)('P8 %f with CI %f to %f is %s', (score, lower, upper, band) => {
    expect(progress8Band(score, lower, upper)).toBe(band);
  });

  it('bands the rounded score and limits, as DfE publishes them', () => {
    // 0.497 publishes as 0.50, so "well above"; a lower limit of 0.004 publishes as 0.00, so "average".
    expect(progress8Band(0.497, 0.02, 0.97)).toBe('well_above_average');
    expect(progress8Band(0.3, 0.004, 0.6)).toBe('average');
    expect(progress8Band(-0.3, -0.6, -0.004)).toBe('average');
    expect(progress8Band(-0.504, -0.9, -0.1)).toBe('below_average');
    expect(progress8Band(-0.505, -0.9, -0.1)).toBe('well_below_average');
  });

  it('refuses an interval whose lower limit is above its upper limit', () => {
    expect(() => progress8Band(0.2, 0.3, 0.1)).toThrow(RangeError);
    expect(() => progress8Band(Number.NaN, 0.3, 0.1)).toThrow(RangeError);
  });

  it("reproduces DfE's published P8_BANDING for every banded row of the real 2019 KS4 file", () => {
    const rows: Record<string, string>[] = parse(readFileSync(KS4_FILE, 'utf8'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['RECTYPE', 'P8MEA', 'P8CILOW', 'P8CIUPP', 'P8_BANDING']),
    );
    const checked: Record<string, number> = {};
    const mismatches: string[] = [];
    for (const row of rows) {
      const code = published(row.P8_BANDING);
      const score = published(row.P8MEA);
      const lower = published(row.P8CILOW);
      const upper = published(row.P8CIUPP);
      if (code === null || score === null || lower === null || upper === null) continue;
      const ours = PROGRESS8_BAND_CODES[progress8Band(score, lower, upper)];
      if (ours !== code)
        mismatches.push(`${row.URN} ${row.SCHNAME}: ${score} (${lower}, ${upper}) DfE ${code}, ours ${ours}`);
      const level = row.RECTYPE ?? '?';
      checked[level] = (checked[level] ?? 0) + 1;
    }
    expect(mismatches).toEqual([]);
    // Mainstream (1) and special (2) schools, and the local authority totals (4), which DfE bands too.
    expect(checked).toEqual({ '1': 3058, '2': 343, '4': 150 });
  });
});
