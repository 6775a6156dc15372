import type { GapTrendResult } from '../../../shared/contracts/analysis';
import { LABELS } from './gap-analysis';
import { describeGapTrend, gapPoint, gapTrend } from './stats';
import { pairCells, type Sums, summaryOf } from './summary-gaps';

type Point = GapTrendResult['points'][number];
type Change = NonNullable<GapTrendResult['overall']>;

/**
 * A gap series over collection points (methods.md §1): each point's groups and gap, the change between
 * consecutive points that can be shown, and the change from the first to the last, each with its 95%
 * CI, direction and a sentence that says which group moved. Suppressed points are skipped, never
 * compared. The SE of a change treats the two points as independent cohorts (methods.md §1); for the
 * same pupils followed over time that is cautious (the interval is wider than it need be).
 */
export function trendOf(
  series: { assessment: Point['assessment']; pair: [focus: Sums, other: Sums] }[],
  groupBy: string,
  opts: { threshold: number; pupilLevel: boolean },
): { points: Point[]; changes: Change[]; overall: Change | null } {
  const [focusPhrase, otherPhrase] = (LABELS[groupBy] ?? { phrases: ['the group', 'others'] }).phrases;
  const built = series
    .filter((s) => s.pair[0].n + s.pair[1].n > 0)
    .map((s) => {
      const cells = pairCells(s.pair[0], s.pair[1], groupBy, opts);
      const focus = summaryOf(s.pair[0]);
      const other = summaryOf(s.pair[1]);
      const gp = cells.suppressed || !focus || !other ? null : gapPoint(other, focus);
      return { point: { assessment: s.assessment, groups: cells.groups, gap: cells.gap }, gp };
    });
  const shown = built.filter((b) => b.gp !== null);
  const change = (a: (typeof shown)[number], b: (typeof shown)[number]): Change => {
    const t = gapTrend(a.gp!, b.gp!);
    return {
      fromAssessmentId: a.point.assessment.id,
      toAssessmentId: b.point.assessment.id,
      change: t.change,
      ci: [t.ci[0], t.ci[1]],
      direction: t.direction,
      flag: t.flag,
      sentence: describeGapTrend(t, { comparisonLabel: otherPhrase, disadvantagedLabel: focusPhrase }),
    };
  };
  const changes = shown.slice(1).map((b, i) => change(shown[i]!, b));
  const overall = shown.length >= 2 ? change(shown[0]!, shown[shown.length - 1]!) : null;
  return { points: built.map((b) => b.point), changes, overall };
}
