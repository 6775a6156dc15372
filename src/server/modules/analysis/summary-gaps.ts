import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { LABELS } from './gap-analysis';
import { type GroupSummary, meanCi95, welchGap } from './stats';

/**
 * Group cells and gaps from sufficient statistics (n, sum, sum of squares) rather than pupil rows:
 * the same numbers as methods.md §1 computes from the values themselves, so the summary table can
 * answer trust-wide questions. Pure, so suppression is tested without a database.
 */
export type Sums = { n: number; total: number; totalSquares: number };
type Cell = GapAnalysis['scopes'][number]['groups'][number];
type Gap = NonNullable<GapAnalysis['scopes'][number]['gap']>;

export const emptySums = (): Sums => ({ n: 0, total: 0, totalSquares: 0 });
export const addSums = (a: Sums, b: Sums): Sums => ({
  n: a.n + b.n,
  total: a.total + b.total,
  totalSquares: a.totalSquares + b.totalSquares,
});

/** Mean and sample SD (n - 1) from the sums; the variance is clamped at 0 against rounding. */
export function summaryOf(s: Sums): GroupSummary | null {
  if (s.n < 1) return null;
  const mean = s.total / s.n;
  const variance = s.n > 1 ? Math.max(0, (s.totalSquares - s.total * mean) / (s.n - 1)) : 0;
  return { n: s.n, mean, sd: Math.sqrt(variance) };
}

/**
 * The focus group and the rest, with the gap (rest minus focus, Welch). For readers without
 * pupil-level access, a group below the threshold hides both groups and the gap (a two-group table
 * with a total would otherwise reveal it, methods.md §6).
 */
export function pairCells(
  focus: Sums,
  other: Sums,
  groupBy: string,
  opts: { threshold: number; pupilLevel: boolean },
): { groups: Cell[]; gap: Gap | null; suppressed: boolean } {
  const [focusLabel, otherLabel] = (LABELS[groupBy] ?? { labels: ['Group', 'Others'] }).labels;
  const small = (s: Sums) => s.n < opts.threshold;
  const suppressed = !opts.pupilLevel && (small(focus) || small(other));
  const cell = (key: string, label: string, s: Sums): Cell => {
    const summary = summaryOf(s);
    const ci = summary && summary.n > 1 ? meanCi95(summary) : null;
    return {
      key,
      label,
      n: suppressed ? null : s.n,
      mean: suppressed || !summary ? null : summary.mean,
      ci: suppressed || !ci ? null : [ci.ci[0], ci.ci[1]],
      suppressed,
      smallGroup: small(s),
    };
  };
  const f = summaryOf(focus);
  const o = summaryOf(other);
  const g = suppressed || !f || !o ? null : welchGap(o, f);
  return {
    groups: [cell('focus', focusLabel, focus), cell('other', otherLabel, other)],
    gap: g ? { difference: g.difference, ci: [g.ci[0], g.ci[1]], distinguishable: g.distinguishable } : null,
    suppressed,
  };
}

/**
 * Secondary suppression across schools for one subject (methods.md §6): when a trust row is shown and
 * exactly one school is hidden, the next-smallest school is hidden too, so no subtraction reveals it.
 */
export function secondarySuppress<T extends { suppressed: boolean; size: number; isTrust: boolean }>(
  rows: T[],
  hide: (row: T) => T,
): T[] {
  if (!rows.some((r) => r.isTrust)) return rows;
  const schools = rows.filter((r) => !r.isTrust);
  const hidden = schools.filter((r) => r.suppressed);
  if (hidden.length !== 1) return rows;
  const next = schools.filter((r) => !r.suppressed).sort((a, b) => a.size - b.size)[0];
  return next ? rows.map((r) => (r === next ? hide(r) : r)) : rows;
}
