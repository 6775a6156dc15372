import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentAgreement,
  cohensKappa,
  duplicateKeys,
  groupSizeLabel,
  invalidGrades,
  missingData,
  pearson,
  shiftCheck,
} from './data-quality';

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('missingData', () => {
  it('flags more than 5% missing, not exactly 5%', () => {
    expect(missingData([...repeat(5, 95), ...repeat(null, 5)])).toEqual({
      expected: 100,
      missing: 5,
      rate: 0.05,
      flagged: false,
    });
    expect(missingData([...repeat(5, 94), null, undefined, Number.NaN, null, null, null])?.flagged).toBe(
      true,
    );
  });

  it('counts a zero as a result, not as missing', () => {
    expect(missingData([0, 0, 0])?.missing).toBe(0);
  });

  it('has no rate when nothing was expected', () => {
    expect(missingData([])).toBeNull();
  });
});

describe('code and duplicate checks', () => {
  it('finds grades outside the grade set', () => {
    const gcse = new Set(['9', '8', '7', '6', '5', '4', '3', '2', '1', 'U']);
    expect(invalidGrades(['9', 'A*', '4', '10', 'U'], gcse)).toEqual([1, 3]);
  });

  it('lists each repeated key once', () => {
    expect(duplicateKeys(['p1:maths', 'p2:maths', 'p1:maths', 'p1:maths', 'p2:english'])).toEqual([
      'p1:maths',
    ]);
  });
});

describe('shiftCheck', () => {
  it('flags a mean moving more than 0.5 pooled SD between consecutive points', () => {
    const shifts = shiftCheck([
      { n: 50, mean: 5.0, sd: 1.0 },
      { n: 50, mean: 5.5, sd: 1.0 },
      { n: 50, mean: 6.1, sd: 1.0 },
    ]);
    expect(shifts).toHaveLength(2);
    expect(shifts[0]?.standardised).toBeCloseTo(0.5, 12);
    expect(shifts[0]?.flagged).toBe(false);
    expect(shifts[1]?.standardised).toBeCloseTo(0.6, 12);
    expect(shifts[1]?.flagged).toBe(true);
  });

  it('pools the SDs weighted by group size', () => {
    const [shift] = shiftCheck([
      { n: 11, mean: 4, sd: 1 },
      { n: 31, mean: 5, sd: 2 },
    ]);
    expect(shift?.standardised).toBeCloseTo(1 / Math.sqrt((10 * 1 + 30 * 4) / 40), 12);
  });

  it('flags any change when there is no spread at all, and needs two points', () => {
    expect(
      shiftCheck([
        { n: 5, mean: 4, sd: 0 },
        { n: 5, mean: 4.1, sd: 0 },
      ])[0]?.flagged,
    ).toBe(true);
    expect(shiftCheck([{ n: 5, mean: 4, sd: 0 }])).toEqual([]);
  });
});

describe('pearson', () => {
  it('matches an independent calculation', () => {
    const scaled = [98, 104, 110, 95, 101, 107, 99, 112, 103, 96];
    const assessed = [4, 5, 6, 3, 5, 6, 4, 7, 5, 4];
    expect(pearson(scaled, assessed)).toBeCloseTo(0.968495996958186, 12);
  });

  it('drops pairs with a missing side and is null without spread or pairs', () => {
    expect(pearson([1, 2, null, 3], [2, 4, 9, 6])).toBe(1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it('lies in [-1, 1] and is symmetric (property)', () => {
    const values = fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(values, values, (x, y) => {
        const n = Math.min(x.length, y.length);
        const r = pearson(x.slice(0, n), y.slice(0, n));
        if (r === null) return;
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
        expect(pearson(y.slice(0, n), x.slice(0, n))).toBeCloseTo(r, 12);
      }),
    );
  });
});

describe('cohensKappa', () => {
  it('gives 0.4 for the textbook table 20 / 5 / 10 / 15', () => {
    const a = [...repeat(true, 25), ...repeat(false, 25)];
    const b = [...repeat(true, 20), ...repeat(false, 5), ...repeat(true, 10), ...repeat(false, 15)];
    expect(cohensKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('is 1 for perfect agreement and null when chance agreement is certain', () => {
    expect(cohensKappa([true, false, true], [true, false, true])).toBe(1);
    expect(cohensKappa([true, true], [true, true])).toBeNull();
    expect(cohensKappa([], [])).toBeNull();
  });
});

describe('assessmentAgreement', () => {
  it('reports correlation, inflation and agreement on the threshold over complete pairs', () => {
    const teacher = [105, 102, 99, 110, null, 96];
    const test = [101, 100, 100, 108, 104, 95];
    const agreement = assessmentAgreement(teacher, test, { teacherAssessment: 100 });
    expect(agreement.pairs).toBe(5);
    expect(agreement.meanDifference).toBeCloseTo((4 + 2 - 1 + 2 + 1) / 5, 12);
    // Meets 100: teacher T T F T F, test T T T T F -> agreement 4/5, chance 0.6·0.8 + 0.4·0.2 = 0.56.
    expect(agreement.kappa).toBeCloseTo((0.8 - 0.56) / (1 - 0.56), 12);
    expect(agreement.correlation).not.toBeNull();
  });
});

describe('groupSizeLabel', () => {
  it('labels groups below 30 and below the suppression threshold', () => {
    expect(groupSizeLabel(5)).toBe('suppressed');
    expect(groupSizeLabel(6)).toBe('small - wide uncertainty');
    expect(groupSizeLabel(29)).toBe('small - wide uncertainty');
    expect(groupSizeLabel(30)).toBeNull();
    expect(groupSizeLabel(9, 10)).toBe('suppressed');
  });
});
