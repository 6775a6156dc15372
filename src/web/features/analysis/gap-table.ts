import type { GapAnalysis } from '../../../shared/contracts/analysis';
import type { GapScope, GroupCell } from './analysis.api';
import { focusOf, oneDp, otherOf, verdictOf } from './analysis-text';

/** Shown in place of any figure hidden to protect pupils (methods.md §6). */
export const SUPPRESSED = 'c';

export type GroupFigures = { label: string; pupils: string; average: string; from: string; to: string };

/** One scope's figures as text, exactly as the table shows them and the download holds them. */
export type GapRow = {
  scope: GapScope['scope'];
  label: string;
  focus: GroupFigures;
  other: GroupFigures;
  gap: string;
  gapFrom: string;
  gapTo: string;
  verdict: string;
  gapIndex: string;
  note: string;
};

function figures(group: GroupCell | undefined, fallback: string): GroupFigures {
  if (!group) return { label: fallback, pupils: '', average: '', from: '', to: '' };
  if (group.suppressed)
    return { label: group.label, pupils: SUPPRESSED, average: SUPPRESSED, from: SUPPRESSED, to: SUPPRESSED };
  return {
    label: group.label,
    pupils: group.n === null ? '' : String(group.n),
    average: group.mean === null ? '' : oneDp(group.mean),
    from: group.ci ? oneDp(group.ci[0]) : '',
    to: group.ci ? oneDp(group.ci[1]) : '',
  };
}

export function noteOf(scope: GapScope, threshold: number): string {
  if (scope.groups.some((g) => g.suppressed))
    return `${SUPPRESSED} – fewer than ${threshold} pupils in a group`;
  if (scope.groups.some((g) => g.smallGroup)) return 'Small group – interpret with caution';
  if (!scope.gap) return 'Not enough results to compare';
  return '';
}

export function gapRows(analysis: GapAnalysis): GapRow[] {
  return analysis.scopes.map((scope) => {
    const suppressed = scope.groups.some((g) => g.suppressed);
    const hidden = suppressed ? SUPPRESSED : '';
    const gap = scope.gap;
    return {
      scope: scope.scope,
      label: scope.label,
      focus: figures(focusOf(scope), 'Focus group'),
      other: figures(otherOf(scope), 'Other pupils'),
      gap: gap ? oneDp(gap.difference) : hidden,
      gapFrom: gap ? oneDp(gap.ci[0]) : hidden,
      gapTo: gap ? oneDp(gap.ci[1]) : hidden,
      verdict: gap ? verdictOf(gap.distinguishable) : hidden,
      gapIndex: scope.gapIndex === null ? hidden : oneDp(scope.gapIndex),
      note: noteOf(scope, analysis.suppressionThreshold),
    };
  });
}

// A cell starting with one of these is run as a formula by spreadsheets; a leading apostrophe stops it.
const FORMULA = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  // Spreadsheets read the true minus sign as text; the download uses the plain hyphen-minus.
  const plain = value.replace(/\u2212/g, '-');
  const safe = FORMULA.test(plain) && !/^-\d/.test(plain) ? `'${plain}` : plain;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV, one row per scope; Excel opens UTF-8 reliably only with the byte-order mark. */
export function gapCsv(analysis: GapAnalysis): string {
  const rows = gapRows(analysis);
  const [first] = rows;
  const f = first?.focus.label ?? 'Focus group';
  const o = first?.other.label ?? 'Other pupils';
  const header = [
    'School',
    'Assessment',
    `${f}: pupils`,
    `${f}: average`,
    `${f}: likely from`,
    `${f}: likely to`,
    `${o}: pupils`,
    `${o}: average`,
    `${o}: likely from`,
    `${o}: likely to`,
    'Gap',
    'Gap likely from',
    'Gap likely to',
    'More than chance?',
    ...(analysis.groupBy === 'disadvantaged' ? ['Gap index'] : []),
    'Note',
  ];
  const body = rows.map((r) => [
    r.label,
    analysis.assessment.name,
    r.focus.pupils,
    r.focus.average,
    r.focus.from,
    r.focus.to,
    r.other.pupils,
    r.other.average,
    r.other.from,
    r.other.to,
    r.gap,
    r.gapFrom,
    r.gapTo,
    r.verdict,
    ...(analysis.groupBy === 'disadvantaged' ? [r.gapIndex] : []),
    r.note,
  ]);
  return `\uFEFF${[header, ...body].map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** "gaps-year-11-maths-mock-disadvantaged.csv". */
export function csvFilename(analysis: GapAnalysis): string {
  // The same assessment name recurs each term and year: the file says which drop it holds.
  const { name, collectionPoint, academicYear } = analysis.assessment;
  const slug = `${name} ${collectionPoint} ${academicYear} ${analysis.groupBy}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `gaps-${slug}.csv`;
}
