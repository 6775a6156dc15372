import { describe, expect, it } from 'vitest';
import { interventionImpact, NO_COMPARISON_CAVEAT, NO_PRE_TEST_CAVEAT } from './intervention-impact';

const group = (n: number, mean: number, sd = 10) => ({ n, mean, sd });

describe('interventionImpact', () => {
  it('reports n per group, attrition, effect size and months', () => {
    const impact = interventionImpact({
      post: { intervention: group(45, 55), comparison: group(40, 50) },
      pre: { intervention: group(45, 50), comparison: group(40, 50) },
      started: { intervention: 50, comparison: 50 },
    });
    expect(impact.n).toEqual({ intervention: 45, comparison: 40 });
    expect(impact.attrition.intervention).toBeCloseTo(0.1, 12);
    expect(impact.attrition.comparison).toBeCloseTo(0.2, 12);
    expect(impact.attrition.overall).toBeCloseTo(0.15, 12);
    expect(impact.effect?.d).toBeCloseTo(0.5, 12);
    expect(impact.months).toBe(6);
    expect(impact.baseline).toEqual({ d: 0, imbalanced: false });
    expect(impact.caveats).toEqual([]);
  });

  it('says that the change cannot be attributed without a comparison group', () => {
    const impact = interventionImpact({ post: { intervention: [4, 5, 6] }, started: { intervention: 4 } });
    expect(impact.effect).toBeNull();
    expect(impact.months).toBeNull();
    expect(impact.n).toEqual({ intervention: 3, comparison: null });
    expect(impact.attrition).toEqual({ intervention: 0.25, comparison: null, overall: null });
    expect(impact.caveats).toEqual([NO_COMPARISON_CAVEAT]);
  });

  it('warns when there was no pre-test, and when the groups started apart', () => {
    const noPre = interventionImpact({ post: { intervention: group(30, 55), comparison: group(30, 50) } });
    expect(noPre.caveats).toEqual([NO_PRE_TEST_CAVEAT]);
    const apart = interventionImpact({
      post: { intervention: group(30, 55), comparison: group(30, 50) },
      pre: { intervention: group(30, 53), comparison: group(30, 50) },
    });
    expect(apart.baseline?.imbalanced).toBe(true);
    expect(apart.caveats).toEqual([
      'The groups differed at the start (pre-test effect size 0.30), so some of the difference may have been there before the intervention.',
    ]);
  });
});
