/**
 * Change in an attainment gap between two collection points with independent cohorts.
 * Source: methods.md §1, last bullet ("Change in a gap between two collection points").
 *
 * Sign convention: gap = comparison (non-disadvantaged) mean minus disadvantaged mean, so a positive gap
 * means the comparison group is ahead. The direction of "narrowing" is taken from the first point's gap:
 * - gap before > 0: narrowed when the whole 95% CI of (gap after - gap before) is below 0, widened when
 *   it is wholly above 0;
 * - gap before < 0 (disadvantaged pupils ahead): the mirror image;
 * - gap before = 0: there is nothing to narrow, so any clear change is a widening;
 * - otherwise (CI contains 0): no clear change.
 * A narrowing that overshoots zero is still "narrowed" (the lead was lost) and is marked `reversed`.
 */
import { type GroupSummary, welchGap } from './descriptive';
import { excludesZero, type Interval, Z95 } from './interval';

/** One collection point: the two group means and the standard error of their difference. */
export type GapPoint = {
  readonly comparisonMean: number;
  readonly disadvantagedMean: number;
  /** SE of the gap, e.g. `welchGap(...).se`; the two cohorts are assumed independent. */
  readonly se: number;
};

export type GapDirection = 'narrowed' | 'widened' | 'no_clear_change';
export type GroupMovement = 'rose' | 'fell' | 'unchanged';
/**
 * Why a narrowing is not the good news it looks like (§1 "always say which group moved"):
 * - both_fell: both groups' means fell;
 * - comparison_fell / disadvantaged_fell: the group that was ahead fell while the other did not rise.
 */
export type GapFlag = 'both_fell' | 'comparison_fell' | 'disadvantaged_fell';

export type GapTrend = {
  readonly gapBefore: number;
  readonly gapAfter: number;
  /** gapAfter - gapBefore. */
  readonly change: number;
  readonly se: number;
  readonly ci: Interval;
  readonly direction: GapDirection;
  /** The gap changed sign: the group that was behind is now ahead. */
  readonly reversed: boolean;
  readonly comparison: GroupMovement;
  readonly disadvantaged: GroupMovement;
  /** Set only when the gap narrowed. */
  readonly flag: GapFlag | null;
};

/** A collection point from the two groups' summaries, with the Welch SE of the gap; null if a group has n < 2. */
export function gapPoint(comparison: GroupSummary, disadvantaged: GroupSummary): GapPoint | null {
  const gap = welchGap(comparison, disadvantaged);
  if (gap === null) return null;
  return { comparisonMean: comparison.mean, disadvantagedMean: disadvantaged.mean, se: gap.se };
}

/**
 * Compares the gap at two points: difference of gaps, SE = √(SE₁² + SE₂²), normal 95% CI (z = 1.959964).
 * `unchangedWithin` is how far a group mean may move and still count as unchanged (default 0: any move).
 */
export function gapTrend(
  before: GapPoint,
  after: GapPoint,
  options: { unchangedWithin?: number } = {},
): GapTrend {
  const tolerance = options.unchangedWithin ?? 0;
  const gapBefore = before.comparisonMean - before.disadvantagedMean;
  const gapAfter = after.comparisonMean - after.disadvantagedMean;
  const change = gapAfter - gapBefore;
  const se = Math.sqrt(before.se ** 2 + after.se ** 2);
  const ci: Interval = [change - Z95 * se, change + Z95 * se];
  const direction = classify(gapBefore, ci);
  const comparison = movement(after.comparisonMean - before.comparisonMean, tolerance);
  const disadvantaged = movement(after.disadvantagedMean - before.disadvantagedMean, tolerance);
  return {
    gapBefore,
    gapAfter,
    change,
    se,
    ci,
    direction,
    reversed: Math.sign(gapBefore) * Math.sign(gapAfter) === -1,
    comparison,
    disadvantaged,
    flag: direction === 'narrowed' ? flagFor(gapBefore, comparison, disadvantaged) : null,
  };
}

function classify(gapBefore: number, ci: Interval): GapDirection {
  if (!excludesZero(ci)) return 'no_clear_change';
  if (gapBefore === 0) return 'widened';
  const changeSign = ci[0] > 0 ? 1 : -1;
  return changeSign === Math.sign(gapBefore) ? 'widened' : 'narrowed';
}

function movement(delta: number, tolerance: number): GroupMovement {
  if (Math.abs(delta) <= tolerance) return 'unchanged';
  return delta > 0 ? 'rose' : 'fell';
}

function flagFor(gapBefore: number, comparison: GroupMovement, disadvantaged: GroupMovement): GapFlag | null {
  if (comparison === 'fell' && disadvantaged === 'fell') return 'both_fell';
  // The gap closed from the top: the group that was ahead fell and the one behind did not rise.
  if (gapBefore > 0 && comparison === 'fell' && disadvantaged === 'unchanged') return 'comparison_fell';
  if (gapBefore < 0 && disadvantaged === 'fell' && comparison === 'unchanged') return 'disadvantaged_fell';
  return null;
}
