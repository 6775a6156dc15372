/**
 * Intervention impact as in the EEF DIY evaluation guide: effect size, its interval, baseline
 * equivalence and months of additional progress.
 * Source: methods.md §5 "Intervention impact (EEF DIY evaluation)".
 */
import { asSummary, type GroupSummary, type Observation } from './descriptive';
import { type Interval, Z95_ROUNDED } from './interval';
import { roundHalfAwayFromZero } from './round';

type Group = readonly Observation[] | GroupSummary;

export type EffectSize = {
  /** Cohen's d: difference in means over the pooled SD. */
  readonly d: number;
  /** Hedges' g: d corrected for small-sample bias. */
  readonly g: number;
  readonly se: number;
  /** d ± 1.96 × SE. */
  readonly ci: Interval;
  readonly n: { readonly intervention: number; readonly comparison: number };
};

/** Pooled SD: √(((n₁ - 1)s₁² + (n₂ - 1)s₂²) / (n₁ + n₂ - 2)). */
export const pooledSd = (a: GroupSummary, b: GroupSummary): number =>
  Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / (a.n + b.n - 2));

/** Hedges' g = d × (1 - 3 / (4(n₁ + n₂) - 9)). */
export const hedgesG = (d: number, n1: number, n2: number): number => d * (1 - 3 / (4 * (n1 + n2) - 9));

/** SE(d) = √((n₁ + n₂) / (n₁n₂) + d² / (2(n₁ + n₂))). */
export const effectSizeSe = (d: number, n1: number, n2: number): number =>
  Math.sqrt((n1 + n2) / (n1 * n2) + d ** 2 / (2 * (n1 + n2)));

/**
 * Effect size of the intervention over the comparison group (positive = intervention ahead), from raw
 * scores (missing ones ignored) or group summaries. Null when a group has fewer than two pupils or the
 * pooled SD is 0, where no effect size exists.
 */
export function effectSize(intervention: Group, comparison: Group): EffectSize | null {
  const a = asSummary(intervention);
  const b = asSummary(comparison);
  if (a === null || b === null || a.n < 2 || b.n < 2) return null;
  const sPooled = pooledSd(a, b);
  if (!(sPooled > 0)) return null;
  const d = (a.mean - b.mean) / sPooled;
  const se = effectSizeSe(d, a.n, b.n);
  return {
    d,
    g: hedgesG(d, a.n, b.n),
    se,
    ci: [d - Z95_ROUNDED * se, d + Z95_ROUNDED * se],
    n: { intervention: a.n, comparison: b.n },
  };
}

/** Pre-test effect size beyond which the groups did not start out alike (§5). */
export const BASELINE_IMBALANCE_THRESHOLD = 0.25;

/**
 * Baseline equivalence: the same effect size on the pre-test. `imbalanced` when |d| > 0.25, in which
 * case a post-test difference may be one the groups started with. Null when no effect size exists.
 */
export function baselineEquivalence(
  intervention: Group,
  comparison: Group,
): { readonly d: number; readonly imbalanced: boolean } | null {
  const pre = effectSize(intervention, comparison);
  if (pre === null) return null;
  return { d: pre.d, imbalanced: Math.abs(pre.d) > BASELINE_IMBALANCE_THRESHOLD };
}

/**
 * Highest effect size, in hundredths, for each month of the EEF table (index = months): 0 is -0.01 to
 * 0.01, 1 is 0.02 to 0.09, ... 11 is 0.88 to 0.95, and 12 is 0.96 and above.
 */
const MONTH_UPPER_HUNDREDTHS = [1, 9, 18, 26, 35, 44, 52, 61, 69, 78, 87, 95] as const;

/**
 * EEF months of additional progress for an effect size. The size is first rounded to 2 dp, as the table
 * is written in hundredths; negative sizes mirror the positive ones (-0.10 is -2 months).
 */
export function monthsOfProgress(effect: number): number {
  if (!Number.isFinite(effect)) throw new RangeError(`effect size must be a number, got ${effect}`);
  // Whole hundredths, so that the table's boundaries are compared exactly.
  const hundredths = Math.round(roundHalfAwayFromZero(Math.abs(effect), 2) * 100);
  const index = MONTH_UPPER_HUNDREDTHS.findIndex((upper) => hundredths <= upper);
  const months = index === -1 ? MONTH_UPPER_HUNDREDTHS.length : index;
  return effect < 0 && months > 0 ? -months : months;
}
