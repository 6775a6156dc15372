import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, mean, meanCi95, newcombe, sd, summarise, t975, welchGap, wilson } from './descriptive';

// Reference values below were computed independently (SciPy's t distribution, ttest_1samp and
// ttest_ind with equal_var=False) or are the published worked examples of Newcombe (1998).

describe('mean, SD and count', () => {
  it('ignores null, undefined and NaN rather than counting them as zero', () => {
    const values = [4, null, 6, undefined, Number.NaN, 8];
    expect(count(values)).toBe(3);
    expect(mean(values)).toBe(6);
    expect(sd(values)).toBe(2);
  });

  it('uses the n - 1 divisor for the standard deviation', () => {
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 12);
  });

  it('has no mean without values and no SD below two values', () => {
    expect(mean([])).toBeNull();
    expect(mean([null, Number.NaN])).toBeNull();
    expect(sd([5])).toBeNull();
    expect(summarise([5, null])).toBeNull();
  });
});

describe('t quantile', () => {
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749464],
    [9, 2.262157162798205],
    [29, 2.045229642132704],
    [199, 1.971956544249395],
  ])('t(0.975, %i) is the exact Student t quantile', (df, expected) => {
    expect(t975(df)).toBeCloseTo(expected, 6);
  });

  it('matches the textbook t(0.975, 9) = 2.262157', () => {
    expect(t975(9)).toBeCloseTo(2.262157, 6);
  });
});

describe('meanCi95', () => {
  it('uses t(0.975, n - 1), not 1.96', () => {
    const result = meanCi95([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(result?.ci[0]).toBeCloseTo(3.21251208176379, 10);
    expect(result?.ci[1]).toBeCloseTo(6.787487918236209, 10);
  });

  it('accepts a summary as well as raw values', () => {
    const result = meanCi95({ n: 10, mean: 50, sd: 10 });
    const half = (2.262157162798205 * 10) / Math.sqrt(10);
    expect(result?.ci[0]).toBeCloseTo(50 - half, 10);
    expect(result?.ci[1]).toBeCloseTo(50 + half, 10);
  });

  it('has no interval for fewer than two values', () => {
    expect(meanCi95([3])).toBeNull();
  });

  it('always contains its mean (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          const r = meanCi95(xs);
          expect(r).not.toBeNull();
          if (r === null) return;
          expect(r.ci[0]).toBeLessThanOrEqual(r.mean);
          expect(r.ci[1]).toBeGreaterThanOrEqual(r.mean);
        },
      ),
    );
  });
});

describe('wilson', () => {
  it('reproduces Newcombe (1998): 81/263 gives 0.2553 to 0.3662', () => {
    const r = wilson(81, 263);
    expect(r?.ci[0]).toBeCloseTo(0.2553, 4);
    expect(r?.ci[1]).toBeCloseTo(0.3662, 4);
  });

  it('stays within [0, 1] and does not collapse at 0% and 100%', () => {
    const none = wilson(0, 10);
    const all = wilson(10, 10);
    expect(none?.ci[0]).toBe(0);
    expect(none?.ci[1]).toBeCloseTo(0.2775, 4);
    expect(all?.ci[0]).toBeCloseTo(0.7225, 4);
    expect(all?.ci[1]).toBe(1);
  });

  it('has no interval when n is 0, and refuses impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(2.5, 10)).toThrow(RangeError);
  });

  it('is inside [0, 1] and contains its proportion (property)', () => {
    const counts = fc
      .integer({ min: 1, max: 2000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const r = wilson(x, n);
        if (r === null) throw new Error('n > 0 must give an interval');
        expect(r.ci[0]).toBeGreaterThanOrEqual(0);
        expect(r.ci[1]).toBeLessThanOrEqual(1);
        expect(r.ci[0]).toBeLessThanOrEqual(r.proportion);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.proportion);
      }),
    );
  });
});

describe('welchGap', () => {
  const a = [5.1, 4.8, 6.0, 5.5, 5.9, 4.7, 6.2];
  const b = [4.0, 4.6, 3.9, 5.8, 3.1, 4.4, 4.9, 2.8, 5.0, 4.2];

  it('matches an independent Welch t interval with Welch–Satterthwaite df', () => {
    const r = welchGap(a, b);
    expect(r?.difference).toBeCloseTo(1.187142857142856, 10);
    expect(r?.df).toBeCloseTo(14.998532259145675, 8);
    expect(r?.ci[0]).toBeCloseTo(0.41514779324182083, 8);
    expect(r?.ci[1]).toBeCloseTo(1.959137921043891, 8);
    expect(r?.distinguishable).toBe(true);
  });

  it('is not distinguishable when the interval straddles zero', () => {
    const r = welchGap([4, 5, 6], [3.5, 5.5, 6.5]);
    expect(r?.distinguishable).toBe(false);
  });

  it('negates when the groups are swapped', () => {
    const ab = welchGap(a, b);
    const ba = welchGap(b, a);
    expect(ba?.difference).toBeCloseTo(-(ab?.difference ?? 0), 12);
    expect(ba?.ci[0]).toBeCloseTo(-(ab?.ci[1] ?? 0), 12);
  });

  it('handles two constant groups without dividing by zero', () => {
    expect(welchGap([5, 5, 5], [3, 3])).toEqual({
      difference: 2,
      se: 0,
      df: 3,
      ci: [2, 2],
      distinguishable: true,
    });
  });

  it('has no gap when a group has fewer than two values', () => {
    expect(welchGap([1], [2, 3])).toBeNull();
    expect(welchGap([1, 2], [null, 3])).toBeNull();
  });

  it('always contains its difference (property)', () => {
    const group = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(group, group, (x, y) => {
        const r = welchGap(x, y);
        if (r === null) throw new Error('two values each must give a gap');
        expect(r.ci[0]).toBeLessThanOrEqual(r.difference);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.difference);
      }),
    );
  });
});

describe('newcombe (method 10)', () => {
  // Newcombe RG (1998) Statistics in Medicine 17:873-890, table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i minus %i/%i gives %f to %f', (x1, n1, x2, n2, lower, upper) => {
    const r = newcombe(x1, n1, x2, n2);
    expect(r?.ci[0]).toBeCloseTo(lower, 4);
    expect(r?.ci[1]).toBeCloseTo(upper, 4);
  });

  it('has no interval when either group is empty', () => {
    expect(newcombe(0, 0, 1, 2)).toBeNull();
  });

  it('stays within [-1, 1] and contains its difference (property)', () => {
    const counts = fc
      .integer({ min: 1, max: 500 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, counts, ([x1, n1], [x2, n2]) => {
        const r = newcombe(x1, n1, x2, n2);
        if (r === null) throw new Error('non-empty groups must give an interval');
        expect(r.ci[0]).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(r.ci[1]).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.ci[0]).toBeLessThanOrEqual(r.difference + 1e-12);
        expect(r.ci[1]).toBeGreaterThanOrEqual(r.difference - 1e-12);
      }),
    );
  });
});
