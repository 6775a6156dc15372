import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { gapIndex, meanCi95, welchGap } from './stats';

/**
 * Builds one scope of the gap view (methods.md §1, §2 and §6) from pupil rows: each group's n, mean
 * and 95% CI, the gap between the focus group and the rest with its Welch CI, the gap index, and a
 * plain-English reading. Pure, so the suppression and wording are tested without a database.
 */
export type Row = { value: number; inFocus: boolean };
type Scope = GapAnalysis['scopes'][number];

const LABELS: Record<string, [string, string]> = {
  disadvantaged: ['Disadvantaged', 'Not disadvantaged'],
  sen: ['SEN (support or EHCP)', 'No SEN'],
  eal: ['EAL', 'Not EAL'],
  sex: ['Girls', 'Boys'],
};

const oneDp = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export function buildScope(
  base: { scope: Scope['scope']; schoolId: string | null; label: string },
  rows: readonly Row[],
  groupBy: string,
  opts: { threshold: number; pupilLevel: boolean },
): Scope {
  const [focusLabel, otherLabel] = LABELS[groupBy] ?? ['Group', 'Others'];
  const focus = rows.filter((r) => r.inFocus).map((r) => r.value);
  const other = rows.filter((r) => !r.inFocus).map((r) => r.value);
  const small = (xs: number[]) => xs.length < opts.threshold;
  // Secondary suppression for a two-group table with a total: hiding one group alone would let the
  // total reveal it, so both go.
  const suppressAll = !opts.pupilLevel && (small(focus) || small(other));
  const cell = (key: string, label: string, xs: number[]) => {
    const ci = meanCi95(xs);
    return {
      key,
      label,
      n: suppressAll ? null : xs.length,
      mean: suppressAll || !ci ? null : ci.mean,
      ci: suppressAll || !ci ? null : ([ci.ci[0], ci.ci[1]] as [number, number]),
      suppressed: suppressAll,
      smallGroup: small(xs),
    };
  };
  const groups = [cell('focus', focusLabel, focus), cell('other', otherLabel, other)];
  const g = suppressAll ? null : welchGap(other, focus);
  const gap = g
    ? {
        difference: g.difference,
        ci: [g.ci[0], g.ci[1]] as [number, number],
        distinguishable: g.distinguishable,
      }
    : null;
  const index =
    suppressAll || groupBy !== 'disadvantaged'
      ? null
      : gapIndex(rows.map((r) => ({ value: r.value, disadvantaged: r.inFocus })));
  return { ...base, groups, gap, gapIndex: index, reading: reading(base.label, groups, gap, suppressAll) };
}

function reading(label: string, groups: Scope['groups'], gap: Scope['gap'], suppressed: boolean): string {
  const [f, o] = groups;
  if (suppressed) return `${label}: a group is too small to report without risking identifying pupils.`;
  if (!f || !o || f.mean === null || o.mean === null || !gap)
    return `${label}: not enough results to compare the groups.`;
  const caution = f.smallGroup || o.smallGroup ? ' Small group - interpret with caution.' : '';
  const sentence = `${label}: ${f.label.toLowerCase()} pupils averaged ${oneDp(f.mean)} against ${oneDp(o.mean)} for ${o.label.toLowerCase()} pupils (gap ${oneDp(gap.difference)}, likely between ${oneDp(gap.ci[0])} and ${oneDp(gap.ci[1])}).`;
  const verdict = gap.distinguishable
    ? ' The gap is larger than chance alone would explain.'
    : ' The difference could be down to chance.';
  return sentence + verdict + caution;
}
