import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineEquivalence,
  effectSize,
  effectSizeSe,
  hedgesG,
  monthsOfProgress,
  pooledSd,
} from './effect-size';

// Worked example computed by hand from the §5 formulas:
// intervention n 30, mean 25, SD 5; comparison n 28, mean 22, SD 6.
const intervention = { n: 30, mean: 25, sd: 5 };
const comparison = { n: 28, mean: 22, sd: 6 };

describe('effect size', () => {
  it('uses the pooled SD of both groups', () => {
    expect(pooledSd(intervention, comparison)).toBeCloseTo(Math.sqrt((29 * 25 + 27 * 36) / 56), 12);
  });

  it("gives Cohen's d, Hedges' g, SE(d) and d ± 1.96 × SE", () => {
    const es = effectSize(intervention, comparison);
    expect(es?.d).toBeCloseTo(0.5449721979360749, 12);
    expect(es?.g).toBeCloseTo(0.5376407333898496, 12);
    expect(es?.se).toBeCloseTo(0.267596558564527, 12);
    expect(es?.ci[0]).toBeCloseTo(0.020482943149601973, 12);
    expect(es?.ci[1]).toBeCloseTo(1.069461452722548, 12);
    expect(es?.n).toEqual({ intervention: 30, comparison: 28 });
  });

  it('works from raw scores, ignoring missing ones', () => {
    const es = effectSize([12, 14, 16, null], [10, 12, 14]);
    // Means 14 and 12, both SDs 2, so d = 1.
    expect(es?.d).toBeCloseTo(1, 12);
    expect(es?.n).toEqual({ intervention: 3, comparison: 3 });
  });

  it('applies the small-sample correction g = d × (1 - 3 / (4N - 9))', () => {
    expect(hedgesG(0.5, 10, 10)).toBeCloseTo(0.5 * (1 - 3 / 71), 12);
    expect(effectSizeSe(0, 10, 10)).toBeCloseTo(Math.sqrt(0.2), 12);
  });

  it('has no effect size without two pupils a group or with no spread', () => {
    expect(effectSize([5], [4, 6])).toBeNull();
    expect(effectSize([5, 5], [5, 5])).toBeNull();
  });

  it('has a CI containing d, shrinks g towards 0 and negates when the groups swap (property)', () => {
    const group = fc.record({
      n: fc.integer({ min: 2, max: 500 }),
      mean: fc.double({ min: -50, max: 50, noNaN: true }),
      sd: fc.double({ min: 0.1, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const es = effectSize(a, b);
        const swapped = effectSize(b, a);
        if (es === null || swapped === null) throw new Error('valid groups must give an effect size');
        expect(es.ci[0]).toBeLessThanOrEqual(es.d);
        expect(es.ci[1]).toBeGreaterThanOrEqual(es.d);
        expect(Math.abs(es.g)).toBeLessThanOrEqual(Math.abs(es.d));
        expect(swapped.d).toBeCloseTo(-es.d, 9);
      }),
    );
  });
});

describe('baseline equivalence', () => {
  it('flags a pre-test effect size beyond ±0.25, not at it', () => {
    // Pooled SD 10, so the effect size is the difference in means over 10.
    const pre = (diff: number) =>
      baselineEquivalence({ n: 50, mean: 50 + diff, sd: 10 }, { n: 50, mean: 50, sd: 10 });
    expect(pre(2.5)?.imbalanced).toBe(false);
    expect(pre(-2.5)?.imbalanced).toBe(false);
    expect(pre(2.6)?.imbalanced).toBe(true);
    expect(pre(-2.6)?.imbalanced).toBe(true);
  });
});

describe('months of progress', () => {
  // Each row of the EEF table at both of its ends (§5).
  it.each([
    [0, 0],
    [0.01, 0],
    [0.02, 1],
    [0.09, 1],
    [0.1, 2],
    [0.18, 2],
    [0.19, 3],
    [0.26, 3],
    [0.27, 4],
    [0.35, 4],
    [0.36, 5],
    [0.44, 5],
    [0.45, 6],
    [0.52, 6],
    [0.53, 7],
    [0.61, 7],
    [0.62, 8],
    [0.69, 8],
    [0.7, 9],
    [0.78, 9],
    [0.79, 10],
    [0.87, 10],
    [0.88, 11],
    [0.95, 11],
    [0.96, 12],
    [1.5, 12],
  ])('effect size %f is %i months', (effect, months) => {
    expect(monthsOfProgress(effect)).toBe(months);
    // Negative values mirror.
    expect(monthsOfProgress(-effect)).toBe(months === 0 ? 0 : -months);
  });

  it('rounds the effect size to 2 dp before looking it up', () => {
    expect(monthsOfProgress(0.014)).toBe(0);
    expect(monthsOfProgress(0.015)).toBe(1);
    expect(monthsOfProgress(0.094)).toBe(1);
    expect(monthsOfProgress(0.095)).toBe(2);
    expect(monthsOfProgress(0.955)).toBe(12);
    expect(monthsOfProgress(-0.185)).toBe(-3);
  });

  it('is 0 at -0.01, the bottom of the 0-month row', () => {
    expect(monthsOfProgress(-0.01)).toBe(0);
  });

  it('never decreases as the effect size grows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(monthsOfProgress(lo)).toBeLessThanOrEqual(monthsOfProgress(hi));
        },
      ),
    );
  });
});
