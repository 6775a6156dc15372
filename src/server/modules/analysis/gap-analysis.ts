import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { gapIndex, meanCi95, welchGap } from './stats';

/**
 * Builds one scope of the gap view (methods.md §1, §2 and §6) from pupil rows: each group's n, mean
 * and 95% CI, the gap between the focus group and the rest with its Welch CI, the gap index, and a
 * plain-English reading. Pure, so the suppression and wording are tested without a database.
 */
export type Row = { value: number; inFocus: boolean };
type Scope = GapAnalysis['scopes'][number];

/** Column labels, and the phrases a sentence uses for the same groups. */
export const LABELS: Record<string, { labels: [string, string]; phrases: [string, string] }> = {
  disadvantaged: {
    labels: ['Disadvantaged', 'Not disadvantaged'],
    phrases: ['disadvantaged pupils', 'other pupils'],
  },
  sen: { labels: ['SEN (support or EHCP)', 'No SEN'], phrases: ['pupils with SEN', 'pupils without SEN'] },
  eal: {
    labels: ['EAL', 'Not EAL'],
    phrases: ['pupils with English as an additional language', 'other pupils'],
  },
  sex: { labels: ['Girls', 'Boys'], phrases: ['girls', 'boys'] },
};

const oneDp = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

export function buildScope(
  base: { scope: Scope['scope']; schoolId: string | null; label: string },
  rows: readonly Row[],
  groupBy: string,
  opts: { threshold: number; pupilLevel: boolean },
): Scope {
  const { labels, phrases } = LABELS[groupBy] ?? {
    labels: ['Group', 'Others'],
    phrases: ['the group', 'others'],
  };
  const [focusLabel, otherLabel] = labels;
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
  return {
    ...base,
    groups,
    gap,
    gapIndex: index,
    reading: reading(base.label, groups, gap, suppressAll, phrases),
  };
}

/** Hides a whole scope: its groups, gap and index (used for secondary suppression). */
export function suppressScope(scope: Scope): Scope {
  return {
    ...scope,
    groups: scope.groups.map((g) => ({ ...g, n: null, mean: null, ci: null, suppressed: true })),
    gap: null,
    gapIndex: null,
    reading: `${scope.label}: hidden so that a smaller group elsewhere cannot be worked out from the totals.`,
  };
}

/**
 * Secondary suppression across schools (methods.md §6): with a trust total shown, one hidden school
 * could be recovered by subtraction, so the next-smallest school is hidden too.
 */
export function suppressAcrossSchools(scopes: Scope[], sizeOf: (s: Scope) => number): Scope[] {
  const schools = scopes.filter((s) => s.scope === 'school');
  const hidden = schools.filter((s) => s.groups.some((g) => g.suppressed));
  if (hidden.length !== 1 || !scopes.some((s) => s.scope === 'trust')) return scopes;
  const next = schools.filter((s) => !hidden.includes(s)).sort((a, b) => sizeOf(a) - sizeOf(b))[0];
  return next ? scopes.map((s) => (s === next ? suppressScope(s) : s)) : scopes;
}

function reading(
  label: string,
  groups: Scope['groups'],
  gap: Scope['gap'],
  suppressed: boolean,
  [focus, other]: [string, string],
): string {
  const [f, o] = groups;
  if (suppressed) return `${label}: a group is too small to report without risking identifying pupils.`;
  if (!f || !o || f.mean === null || o.mean === null || !gap)
    return `${label}: not enough results to compare the groups.`;
  const caution = f.smallGroup || o.smallGroup ? ' Small group - interpret with caution.' : '';
  // The gap is measured as other minus focus; say plainly which group is ahead.
  const ahead = gap.difference >= 0 ? other : focus;
  const range =
    gap.ci[0] < 0 && gap.ci[1] > 0
      ? `the true gap could go either way, from ${oneDp(gap.ci[0])} to ${oneDp(gap.ci[1])}`
      : `likely between ${oneDp(Math.min(Math.abs(gap.ci[0]), Math.abs(gap.ci[1])))} and ${oneDp(Math.max(Math.abs(gap.ci[0]), Math.abs(gap.ci[1])))}`;
  const sentence = `${label}: ${focus} averaged ${oneDp(f.mean)} against ${oneDp(o.mean)} for ${other}; ${ahead} were ahead by ${oneDp(Math.abs(gap.difference))} (${range}).`;
  const verdict = gap.distinguishable
    ? ' The gap is larger than chance alone would explain.'
    : ' The difference could be down to chance.';
  return sentence + verdict + caution;
}
