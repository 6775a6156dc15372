import { describe, expect, it } from 'vitest';
import { CROSSES_ZERO_CAVEAT, impactReading, SMALL_N_CAVEAT } from './impact-reading';
import { interventionImpact } from './stats';

const group = (n: number, mean: number, sd = 10) => ({ n, mean, sd });

describe('impactReading', () => {
  it('reads a clear effect in effect-size units and EEF months', () => {
    const r = impactReading(
      interventionImpact({
        post: { intervention: group(120, 55), comparison: group(110, 50) },
        pre: { intervention: group(120, 50), comparison: group(110, 50) },
      }),
    );
    expect(r.caveats).toEqual([]);
    expect(r.reading).toBe(
      'The 120 pupils who received the intervention scored 0.50 standard deviations higher on the post-test than the 110 in the comparison group (95% CI 0.24 to 0.76): about 6 months of additional progress.',
    );
  });

  it('warns about small groups and an interval that crosses zero', () => {
    const r = impactReading(
      interventionImpact({
        post: { intervention: group(12, 51), comparison: group(14, 50) },
        pre: { intervention: group(12, 50), comparison: group(14, 50) },
      }),
    );
    expect(r.caveats).toEqual([SMALL_N_CAVEAT, CROSSES_ZERO_CAVEAT]);
  });

  it('gives no effect without a comparison group', () => {
    const r = impactReading(interventionImpact({ post: { intervention: [4, 5, 6] } }));
    expect(r.reading).toMatch(/no comparison group/);
  });
});
