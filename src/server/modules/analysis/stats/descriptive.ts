/**
 * Descriptive statistics and the intervals built on them.
 * Source: methods.md §1 "Descriptive statistics".
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { excludesZero, type Interval, Z95 } from './interval';

/** A recorded value; null, undefined and NaN all mean "no result", never zero (§1). */
export type Observation = number | null | undefined;

/** The summary a group of results reduces to; enough for every interval in this module. */
export type GroupSummary = { readonly n: number; readonly mean: number; readonly sd: number };

/**
 * The values that count. Infinite values are treated as missing too: no attainment measure can be
 * infinite, so one can only be a data error, and letting it through would make every statistic infinite.
 */
export function present(values: readonly Observation[]): number[] {
  return values.filter(isPresent);
}

/** True for a value that counts (see `present`). */
export const isPresent = (value: Observation): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Number of non-missing values. */
export const count = (values: readonly Observation[]): number => present(values).length;

/** Arithmetic mean of the non-missing values; null when there are none. */
export function mean(values: readonly Observation[]): number | null {
  const xs = present(values);
  if (xs.length === 0) return null;
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/** Sample standard deviation (divisor n - 1) of the non-missing values; null below two values. */
export function sd(values: readonly Observation[]): number | null {
  const xs = present(values);
  if (xs.length < 2) return null;
  const m = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  // Two-pass sum of squared deviations: the one-pass formula loses precision when the mean is large.
  const ss = xs.reduce((sum, x) => sum + (x - m) ** 2, 0);
  return Math.sqrt(ss / (xs.length - 1));
}

/** n, mean and sample SD together; null below two values, where no SD (and so no interval) exists. */
export function summarise(values: readonly Observation[]): GroupSummary | null {
  const m = mean(values);
  const s = sd(values);
  if (m === null || s === null) return null;
  return { n: count(values), mean: m, sd: s };
}

const isSummary = (input: readonly Observation[] | GroupSummary): input is GroupSummary =>
  !Array.isArray(input);

/** A group given either as raw values or as a summary, as a summary; null below two values. */
export const asSummary = (input: readonly Observation[] | GroupSummary): GroupSummary | null =>
  isSummary(input) ? input : summarise(input);

/** Number of pupils in a group given either way. */
export const sizeOf = (input: readonly Observation[] | GroupSummary): number =>
  isSummary(input) ? input.n : count(input);

/** The 0.975 quantile of Student's t with `df` degrees of freedom (df need not be a whole number). */
export function t975(df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  return tQuantile(0.975, df);
}

export type MeanCi = GroupSummary & { readonly se: number; readonly ci: Interval };

/**
 * 95% CI of a mean: mean ± t(0.975, n - 1) × sd / √n. The exact t quantile is used at every n: §1
 * requires it below 200, and using it above too avoids a jump in the interval's width at n = 200.
 * Takes raw values (missing ones ignored) or an existing summary; null when fewer than two values.
 */
export function meanCi95(input: readonly Observation[] | GroupSummary): MeanCi | null {
  const summary = asSummary(input);
  if (summary === null || summary.n < 2) return null;
  const se = summary.sd / Math.sqrt(summary.n);
  const half = t975(summary.n - 1) * se;
  return { ...summary, se, ci: [summary.mean - half, summary.mean + half] };
}

export type ProportionCi = {
  readonly successes: number;
  readonly n: number;
  readonly proportion: number;
  readonly ci: Interval;
};

/**
 * Wilson score 95% interval for a proportion, z = 1.959964 (§1). Unlike the Wald interval it stays
 * inside [0, 1] and does not collapse to a point at 0% or 100%. Null when n is 0 (no proportion).
 */
export function wilson(successes: number, n: number): ProportionCi | null {
  assertCounts(successes, n);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n the exact lower limit is 0 and at n/n the upper is 1; floating point misses both by a
  // hair, and the clamps keep rounding error from pushing a limit past the proportion or out of [0, 1].
  const lower = successes === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const upper = successes === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return { successes, n, proportion: p, ci: [lower, upper] };
}

function assertCounts(successes: number, n: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new RangeError(`need whole numbers with 0 <= successes <= n, got ${successes} of ${n}`);
  }
}

export type Gap = {
  /** Mean of group A minus mean of group B. */
  readonly difference: number;
  readonly se: number;
  readonly df: number;
  readonly ci: Interval;
  /** True when the 95% CI excludes 0: the groups can be told apart at this sample size. */
  readonly distinguishable: boolean;
};

/**
 * The gap between two group means (A minus B) with Welch's t interval and Welch–Satterthwaite degrees
 * of freedom (§1), which do not assume equal variances. For an attainment gap pass the comparison
 * group as A and the disadvantaged group as B, so a positive gap means the comparison group is ahead.
 * Null when either group has fewer than two values.
 */
export function welchGap(
  groupA: readonly Observation[] | GroupSummary,
  groupB: readonly Observation[] | GroupSummary,
): Gap | null {
  const a = asSummary(groupA);
  const b = asSummary(groupB);
  if (a === null || b === null || a.n < 2 || b.n < 2) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const difference = a.mean - b.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    // Both groups constant: Welch-Satterthwaite is 0/0. The difference is then known without error,
    // so the interval is the point; df falls back to the pooled n1 + n2 - 2.
    return {
      difference,
      se,
      df: a.n + b.n - 2,
      ci: [difference, difference],
      distinguishable: difference !== 0,
    };
  }
  // Welch–Satterthwaite, (va + vb)² / (va²/(na - 1) + vb²/(nb - 1)), written with variance shares
  // so that tiny variances cannot underflow to 0/0.
  const wa = va / (va + vb);
  const wb = vb / (va + vb);
  const df = 1 / (wa ** 2 / (a.n - 1) + wb ** 2 / (b.n - 1));
  const half = t975(df) * se;
  const ci: Interval = [difference - half, difference + half];
  return { difference, se, df, ci, distinguishable: excludesZero(ci) };
}

export type ProportionGap = {
  /** Proportion 1 minus proportion 2. */
  readonly difference: number;
  readonly ci: Interval;
  readonly distinguishable: boolean;
};

/**
 * Difference of two independent proportions (x1/n1 - x2/n2) with Newcombe's hybrid score interval,
 * method 10 of Newcombe (1998), built from the two Wilson intervals (§1). Null when either n is 0.
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number): ProportionGap | null {
  const one = wilson(x1, n1);
  const two = wilson(x2, n2);
  if (one === null || two === null) return null;
  const [l1, u1] = one.ci;
  const [l2, u2] = two.ci;
  const p1 = one.proportion;
  const p2 = two.proportion;
  const difference = p1 - p2;
  const ci: Interval = [
    difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  ];
  return { difference, ci, distinguishable: excludesZero(ci) };
}
