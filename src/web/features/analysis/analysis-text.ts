import type { Assessment, GapScope, GroupBy, GroupCell } from './analysis.api';

/** The comparisons offered, in the order a school leader usually asks about them. */
export const comparisons: { value: GroupBy; label: string }[] = [
  { value: 'disadvantaged', label: 'Disadvantaged vs others' },
  { value: 'sen', label: 'SEN vs no SEN' },
  { value: 'eal', label: 'EAL vs not EAL' },
  { value: 'sex', label: 'Girls vs boys' },
];

export const isGroupBy = (value: string | null): value is GroupBy =>
  comparisons.some((c) => c.value === value);

type Noun = { one: string; many: string };

/** How each group is named inside a sentence: "pupils with SEN" reads better than "SEN pupils". */
export const groupNouns: Record<GroupBy, { focus: Noun; other: Noun }> = {
  disadvantaged: {
    focus: { one: 'disadvantaged pupil', many: 'disadvantaged pupils' },
    other: { one: 'other pupil', many: 'other pupils' },
  },
  sen: {
    focus: { one: 'pupil with SEN', many: 'pupils with SEN' },
    other: { one: 'pupil without SEN', many: 'pupils without SEN' },
  },
  eal: {
    focus: { one: 'pupil with EAL', many: 'pupils with EAL' },
    other: { one: 'pupil without EAL', many: 'pupils without EAL' },
  },
  sex: { focus: { one: 'girl', many: 'girls' }, other: { one: 'boy', many: 'boys' } },
};

/** "1 girl", "23 pupils with SEN". */
export const countOf = (n: number, noun: Noun) => `${n} ${n === 1 ? noun.one : noun.many}`;

const MINUS = '\u2212';

/** One decimal place, with a true minus sign and never "−0.0". */
export function oneDp(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return rounded.toFixed(1).replace('-', MINUS);
}

/** "0.6 to 1.7". */
export const rangeText = ([lo, hi]: readonly [number, number]) => `${oneDp(lo)} to ${oneDp(hi)}`;

/** Whether a gap is bigger than chance would explain, in words rather than a colour. */
export const verdictOf = (distinguishable: boolean) => (distinguishable ? 'Likely real' : 'Could be chance');

export const focusOf = (scope: GapScope): GroupCell | undefined =>
  scope.groups.find((g) => g.key === 'focus');
export const otherOf = (scope: GapScope): GroupCell | undefined =>
  scope.groups.find((g) => g.key === 'other');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Year 11" from "Y11"; anything else as it was recorded. */
export function yearGroupLabel(yearGroup: string): string {
  const match = /^Y(?:ear)?\s*(\d+)$/i.exec(yearGroup.trim());
  return match ? `Year ${match[1]}` : yearGroup;
}

const yearNumber = (yearGroup: string) => Number(/\d+/.exec(yearGroup)?.[0] ?? Number.POSITIVE_INFINITY);

/** Assessments grouped by year group, youngest first, for the assessment picker. */
export function assessmentOptions(assessments: readonly Assessment[]) {
  const names = new Map<string, number>();
  for (const a of assessments) names.set(a.name, (names.get(a.name) ?? 0) + 1);
  const groups = new Map<string, { value: string; label: string }[]>();
  const sorted = [...assessments].sort(
    (a, b) =>
      yearNumber(a.yearGroup) - yearNumber(b.yearGroup) ||
      a.name.localeCompare(b.name) ||
      // The same assessment in several terms: the latest first.
      b.takenOn.localeCompare(a.takenOn),
  );
  for (const a of sorted) {
    const group = yearGroupLabel(a.yearGroup);
    // The same name in two years or terms needs telling apart.
    const label =
      (names.get(a.name) ?? 0) > 1 ? `${a.name} (${a.collectionPoint} ${a.academicYear})` : a.name;
    groups.set(group, [...(groups.get(group) ?? []), { value: a.id, label }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Reception (and anything unnumbered) before Year 1. */
const schoolYear = (yearGroup: string) => {
  const n = yearNumber(yearGroup);
  return Number.isFinite(n) ? n : 0;
};

/** The most recent assessment: the one a leader is most likely to want first. */
export function latestAssessment(assessments: readonly Assessment[]): Assessment | undefined {
  // On the same day, the oldest year group first: its results are the ones nearest their exams.
  return [...assessments].sort(
    (a, b) => b.takenOn.localeCompare(a.takenOn) || schoolYear(b.yearGroup) - schoolYear(a.yearGroup),
  )[0];
}

export const placeOf = (scope: GapScope) =>
  scope.scope === 'trust' ? 'across the trust' : `at ${scope.label}`;

/**
 * The one-sentence reading of a scope, built from its numbers. The gap is the other group's average
 * minus the focus group's, so a negative gap means the focus group is ahead, and is said that way.
 */
export function readingOf(scope: GapScope, groupBy: GroupBy, threshold: number): string {
  const nouns = groupNouns[groupBy];
  const place = capitalise(placeOf(scope));
  const f = focusOf(scope);
  const o = otherOf(scope);
  if (f?.suppressed || o?.suppressed)
    return `${place}, one of the groups has fewer than ${threshold} pupils, so the figures are hidden to protect pupils’ privacy.`;
  if (!f || !o || f.mean === null || o.mean === null || !scope.gap)
    return `${place}, there are not enough results to compare ${nouns.focus.many} with ${nouns.other.many}.`;

  const { difference, ci, distinguishable } = scope.gap;
  const averages = `${place}, ${nouns.focus.many} averaged ${oneDp(f.mean)} against ${oneDp(o.mean)} for ${nouns.other.many}`;
  const gap =
    Math.round(difference * 10) < 0
      ? `, ahead by ${oneDp(-difference)} (likely between ${oneDp(-ci[1])} and ${oneDp(-ci[0])}).`
      : ` (gap ${oneDp(difference)}, likely between ${oneDp(ci[0])} and ${oneDp(ci[1])}).`;
  const verdict = distinguishable
    ? ' The gap is larger than chance alone would explain.'
    : ' The difference could be down to chance.';
  const small = [
    f.smallGroup && f.n !== null ? countOf(f.n, nouns.focus) : '',
    o.smallGroup && o.n !== null ? countOf(o.n, nouns.other) : '',
  ].filter(Boolean);
  const caution = small.length ? ` Small group (${small.join(' and ')}) – interpret with caution.` : '';
  return averages + gap + verdict + caution;
}

/** What a screen reader hears in place of the gap chart: every point, in reading order. */
export function chartSummary(
  scopes: readonly GapScope[],
  groupBy: GroupBy,
  assessmentName: string,
  axisTitle: string,
): string {
  const nouns = groupNouns[groupBy];
  const intro = `${assessmentName}: average for ${nouns.focus.many} and ${nouns.other.many}, ${axisTitle}, with likely ranges.`;
  const parts = scopes.map((s) => {
    const f = focusOf(s);
    const o = otherOf(s);
    if (f?.suppressed || o?.suppressed) return `${s.label}: too few pupils to show.`;
    const group = (g: GroupCell | undefined) =>
      g && g.mean !== null && g.n !== null
        ? `${g.label} ${oneDp(g.mean)} (${g.n} ${g.n === 1 ? 'pupil' : 'pupils'}${g.smallGroup ? ', small group' : ''})`
        : `${g?.label ?? 'a group'} no results`;
    const gap = s.gap
      ? `, gap ${oneDp(s.gap.difference)}, ${verdictOf(s.gap.distinguishable).toLowerCase()}`
      : '';
    return `${s.label}: ${group(f)}, ${group(o)}${gap}.`;
  });
  return [intro, ...parts].join(' ');
}
