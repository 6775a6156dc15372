import type { Breakdown, QuestionResult, ResultGroup } from '../../../shared/contracts/surveys';
import { meanCi95, SUPPRESSED, suppressCount, suppressTable } from '../analysis/stats';

/** One answer with the respondent's school and characteristics (never who they are). */
export type AnswerRow = {
  questionId: string;
  schoolId: string;
  value: number | null;
  text: string | null;
  yearGroup: string | null;
  disadvantaged: boolean | null;
  sen: boolean | null;
  eal: boolean | null;
  sex: string | null;
};
export type QuestionRow = { id: string; text: string; kind: 'likert' | 'text'; scaleLabels: string[] };
type GroupDef = { key: string; label: string; has: (a: AnswerRow) => boolean };

const NOT_RECORDED = 'Not recorded';
const yearOrder = (y: string) => (y === 'R' ? 0 : Number(y.slice(1)));

const flagGroups = (
  pick: (a: AnswerRow) => boolean | null,
  yes: string,
  no: string,
  answers: readonly AnswerRow[],
): GroupDef[] => [
  { key: 'yes', label: yes, has: (a) => pick(a) === true },
  { key: 'no', label: no, has: (a) => pick(a) === false },
  ...(answers.some((a) => pick(a) === null)
    ? [{ key: 'unknown', label: NOT_RECORDED, has: (a: AnswerRow) => pick(a) === null }]
    : []),
];

/**
 * The groups of a breakdown. Together they cover every answer (a "Not recorded" group holds those
 * without the characteristic), so that the groups add up to the overall figure and secondary
 * suppression sees the whole table.
 */
export function groupsOf(
  breakdown: Breakdown,
  answers: readonly AnswerRow[],
  schools: readonly { id: string; name: string }[],
): GroupDef[] {
  switch (breakdown) {
    case 'none':
      return [];
    case 'school':
      return schools.map((s) => ({ key: s.id, label: s.name, has: (a) => a.schoolId === s.id }));
    case 'yearGroup': {
      const years = [...new Set(answers.flatMap((a) => (a.yearGroup ? [a.yearGroup] : [])))].sort(
        (x, y) => yearOrder(x) - yearOrder(y),
      );
      const defs: GroupDef[] = years.map((y) => ({
        key: y,
        label: y === 'R' ? 'Reception' : `Year ${y.slice(1)}`,
        has: (a) => a.yearGroup === y,
      }));
      if (answers.some((a) => a.yearGroup === null))
        defs.push({ key: 'unknown', label: NOT_RECORDED, has: (a) => a.yearGroup === null });
      return defs;
    }
    case 'disadvantaged':
      return flagGroups((a) => a.disadvantaged, 'Disadvantaged', 'Not disadvantaged', answers);
    case 'sen':
      return flagGroups((a) => a.sen, 'SEN', 'No SEN', answers);
    case 'eal':
      return flagGroups((a) => a.eal, 'EAL', 'Not EAL', answers);
    case 'sex':
      return flagGroups((a) => (a.sex === null ? null : a.sex === 'F'), 'Girls', 'Boys', answers);
  }
}

function figures(
  key: string,
  label: string,
  values: readonly number[],
  points: number,
  hidden: boolean,
): ResultGroup {
  if (hidden) return { key, label, n: null, counts: null, mean: null, ci: null, suppressed: true };
  const counts = Array.from({ length: points }, (_, i) => values.filter((v) => v === i + 1).length);
  const ci = meanCi95(values);
  const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
  return {
    key,
    label,
    n: values.length,
    counts,
    mean,
    ci: ci ? [ci.ci[0], ci.ci[1]] : null,
    suppressed: false,
  };
}

/**
 * A Likert question's distribution and mean (with its 95% CI), overall and by group. Groups of
 * fewer respondents than the threshold are hidden for every reader, and so is the next-smallest
 * group when only one would be hidden, since the overall figure would give it back (methods.md §6);
 * the overall figure is hidden too when it rests on too few people.
 */
export function likertResult(
  q: QuestionRow,
  answers: readonly AnswerRow[],
  groups: readonly GroupDef[],
  threshold: number,
): Pick<QuestionResult, 'overall' | 'groups'> {
  const scored = answers.filter((a) => a.value !== null);
  const points = q.scaleLabels.length;
  const valuesOf = (rows: readonly AnswerRow[]) => rows.map((a) => a.value ?? 0);
  if (groups.length === 0) {
    const hidden = suppressCount(scored.length, threshold) === SUPPRESSED;
    return { overall: figures('all', 'All respondents', valuesOf(scored), points, hidden), groups: [] };
  }
  const members = groups.map((g) => scored.filter(g.has));
  const table = suppressTable([members.map((m) => m.length)], threshold);
  const row = table.cells[0] ?? [];
  return {
    overall: figures('all', 'All respondents', valuesOf(scored), points, table.grandTotal === SUPPRESSED),
    groups: groups.map((g, i) =>
      figures(g.key, g.label, valuesOf(members[i] ?? []), points, row[i] === SUPPRESSED),
    ),
  };
}

/** A free-text question's overall count: how many wrote something, hidden below the threshold. */
export function textCount(answers: readonly AnswerRow[], threshold: number): ResultGroup {
  const n = answers.filter((a) => a.text !== null).length;
  const hidden = suppressCount(n, threshold) === SUPPRESSED;
  return {
    key: 'all',
    label: 'All respondents',
    n: hidden ? null : n,
    counts: null,
    mean: null,
    ci: null,
    suppressed: hidden,
  };
}
