import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapPoint, gapTrend } from './gap-trend';
import { describeGapTrend } from './gap-trend-sentence';

// gap = comparison mean - disadvantaged mean; small SEs make the change clear, large ones do not.
const point = (comparisonMean: number, disadvantagedMean: number, se = 0.05) => ({
  comparisonMean,
  disadvantagedMean,
  se,
});

describe('gapTrend', () => {
  it('takes the difference of the gaps with SE = √(SE₁² + SE₂²) and a normal 95% CI', () => {
    const t = gapTrend(point(5.0, 4.1, 0.3), point(5.0, 4.5, 0.4));
    expect(t.gapBefore).toBeCloseTo(0.9, 12);
    expect(t.gapAfter).toBeCloseTo(0.5, 12);
    expect(t.change).toBeCloseTo(-0.4, 12);
    expect(t.se).toBeCloseTo(0.5, 12);
    expect(t.ci[0]).toBeCloseTo(-0.4 - 1.959964 * 0.5, 12);
    expect(t.ci[1]).toBeCloseTo(-0.4 + 1.959964 * 0.5, 12);
    expect(t.direction).toBe('no_clear_change');
  });

  it('calls a positive gap narrowed only when the whole CI of the change is below 0', () => {
    const t = gapTrend(point(5.0, 4.1), point(5.0, 4.5));
    expect(t.direction).toBe('narrowed');
    expect(t.ci[1]).toBeLessThan(0);
  });

  it('calls a positive gap widened when the whole CI is above 0', () => {
    expect(gapTrend(point(5.0, 4.5), point(5.2, 4.3)).direction).toBe('widened');
  });

  it('mirrors the direction when disadvantaged pupils were ahead', () => {
    expect(gapTrend(point(4.0, 4.8), point(4.4, 4.6)).direction).toBe('narrowed');
    expect(gapTrend(point(4.4, 4.6), point(4.0, 4.8)).direction).toBe('widened');
  });

  it('calls any clear change from a zero gap a widening', () => {
    expect(gapTrend(point(4.5, 4.5), point(4.5, 4.0)).direction).toBe('widened');
    expect(gapTrend(point(4.5, 4.5), point(4.0, 4.5)).direction).toBe('widened');
  });

  it('marks a narrowing that overshoots zero as reversed', () => {
    const t = gapTrend(point(5.0, 4.7), point(4.5, 5.0));
    expect(t.direction).toBe('narrowed');
    expect(t.reversed).toBe(true);
  });

  it("flags both_fell when the gap narrowed while both groups' means fell", () => {
    const t = gapTrend(point(5.2, 4.3), point(4.6, 4.1));
    expect(t.direction).toBe('narrowed');
    expect(t.flag).toBe('both_fell');
  });

  it('flags comparison_fell when only the comparison group moved, downwards', () => {
    const t = gapTrend(point(5.0, 4.1), point(4.6, 4.1));
    expect(t).toMatchObject({ direction: 'narrowed', comparison: 'fell', disadvantaged: 'unchanged' });
    expect(t.flag).toBe('comparison_fell');
  });

  it('flags disadvantaged_fell when disadvantaged pupils were ahead and only they fell', () => {
    expect(gapTrend(point(4.0, 4.8), point(4.0, 4.3)).flag).toBe('disadvantaged_fell');
  });

  it('raises no flag when disadvantaged pupils rose', () => {
    expect(gapTrend(point(5.0, 4.1), point(4.9, 4.5)).flag).toBeNull();
    expect(gapTrend(point(5.0, 4.1), point(5.0, 4.5)).flag).toBeNull();
  });

  it('raises no flag unless the gap narrowed', () => {
    expect(gapTrend(point(5.2, 4.3, 1), point(4.6, 4.1, 1)).flag).toBeNull();
    expect(gapTrend(point(5.2, 4.3), point(4.8, 3.5)).flag).toBeNull();
  });

  it('treats a group mean moving within the tolerance as unchanged', () => {
    const t = gapTrend(point(5.0, 4.1), point(4.6, 4.08), { unchangedWithin: 0.05 });
    expect(t.disadvantaged).toBe('unchanged');
    expect(t.flag).toBe('comparison_fell');
  });

  it('builds a point from group summaries with the Welch SE', () => {
    const p = gapPoint({ n: 100, mean: 5, sd: 1.5 }, { n: 30, mean: 4.2, sd: 1.8 });
    expect(p?.se).toBeCloseTo(Math.sqrt(1.5 ** 2 / 100 + 1.8 ** 2 / 30), 12);
    expect(gapPoint({ n: 1, mean: 5, sd: 0 }, { n: 30, mean: 4.2, sd: 1.8 })).toBeNull();
  });

  it('never classifies a change whose CI contains 0, and its CI always contains the change (property)', () => {
    const mean = fc.double({ min: 0, max: 9, noNaN: true });
    const se = fc.double({ min: 0, max: 2, noNaN: true });
    fc.assert(
      fc.property(mean, mean, se, mean, mean, se, (c1, d1, s1, c2, d2, s2) => {
        const t = gapTrend(point(c1, d1, s1), point(c2, d2, s2));
        expect(t.ci[0]).toBeLessThanOrEqual(t.change);
        expect(t.ci[1]).toBeGreaterThanOrEqual(t.change);
        if (t.ci[0] <= 0 && t.ci[1] >= 0) expect(t.direction).toBe('no_clear_change');
        if (t.direction !== 'narrowed') expect(t.flag).toBeNull();
      }),
    );
  });
});

describe('describeGapTrend', () => {
  it('says when a narrowing is only because the comparison group fell', () => {
    const t = gapTrend(point(5.0, 4.1), point(4.6, 4.1));
    expect(describeGapTrend(t)).toBe(
      "The gap narrowed from 0.9 to 0.5, but only because non-disadvantaged pupils' results fell.",
    );
  });

  it('says when both groups fell', () => {
    const t = gapTrend(point(5.2, 4.3), point(4.6, 4.1));
    expect(describeGapTrend(t)).toBe("The gap narrowed from 0.9 to 0.5, but both groups' results fell.");
  });

  it('says which group moved when the gap genuinely narrowed', () => {
    const t = gapTrend(point(5.0, 4.1), point(5.0, 4.5));
    expect(describeGapTrend(t)).toBe(
      "The gap narrowed from 0.9 to 0.5. Disadvantaged pupils' results rose and non-disadvantaged pupils' results stayed the same.",
    );
  });

  it('describes a widening', () => {
    const t = gapTrend(point(5.0, 4.5), point(5.2, 4.3));
    expect(describeGapTrend(t)).toBe(
      "The gap widened from 0.5 to 0.9. Disadvantaged pupils' results fell and non-disadvantaged pupils' results rose.",
    );
  });

  it('does not claim a change that the CI does not support', () => {
    const t = gapTrend(point(5.0, 4.1, 0.3), point(5.0, 4.3, 0.3));
    expect(describeGapTrend(t)).toBe(
      "There was no clear change in the gap (0.9, then 0.7): the difference is within what chance alone could produce. Disadvantaged pupils' results rose and non-disadvantaged pupils' results stayed the same.",
    );
  });

  it('says who is ahead when disadvantaged pupils lead, and when the gap reverses', () => {
    expect(describeGapTrend(gapTrend(point(4.0, 4.8), point(4.0, 4.3)))).toBe(
      "The gap in disadvantaged pupils' favour narrowed from 0.8 to 0.3, but only because disadvantaged pupils' results fell.",
    );
    expect(describeGapTrend(gapTrend(point(5.0, 4.7), point(4.5, 5.0)))).toBe(
      "The gap closed and reversed, from 0.3 in non-disadvantaged pupils' favour to 0.5 in disadvantaged pupils' favour. Disadvantaged pupils' results rose and non-disadvantaged pupils' results fell.",
    );
  });

  it('uses the labels and precision it is given', () => {
    const t = gapTrend(point(5.04, 4.1), point(4.6, 4.1));
    expect(
      describeGapTrend(t, {
        decimals: 2,
        comparisonLabel: 'other pupils',
        disadvantagedLabel: 'pupil premium pupils',
      }),
    ).toBe("The gap narrowed from 0.94 to 0.50, but only because other pupils' results fell.");
  });
});
