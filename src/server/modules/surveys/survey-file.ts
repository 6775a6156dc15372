import { createHash } from 'node:crypto';
import type { ColumnUse, SurveyAudience } from '../../../shared/contracts/surveys';
import type { Rejected } from '../data/pupil-file';
import { isNoView, scoreOn } from './likert';
import {
  detectSource,
  type ExistingQuestion,
  type PlannedColumn,
  planColumns,
  type Source,
} from './survey-columns';
import { parseFlag, parseSen, parseSex, parseSubmitted, parseYearGroup } from './survey-values';

export const MAX_TEXT_ANSWER = 4000;

export type ParsedAnswer = { column: number; value: number | null; text: string | null };
export type ParsedResponse = {
  row: number;
  submittedOn: string;
  fingerprint: string;
  yearGroup: string | null;
  disadvantaged: boolean | null;
  sen: boolean | null;
  eal: boolean | null;
  sex: 'M' | 'F' | null;
  answers: ParsedAnswer[];
};

export type ParsedSurveyFile = {
  source: Source | null;
  columns: PlannedColumn[];
  responses: ParsedResponse[];
  rejected: Rejected[];
  rowsRead: number;
  /** Rows with no answer at all. */
  blankRows: number;
};

const fail = (reason: string, column = ''): ParsedSurveyFile => ({
  source: null,
  columns: [],
  responses: [],
  rejected: [{ row: 1, column, value: '', reason }],
  rowsRead: 0,
  blankRows: 0,
});

/**
 * Reads the cells of a Microsoft Forms or Google Forms export into responses, all or nothing: every
 * problem is reported with its row (the heading row is 1), column, value and reason. Identifying
 * columns are dropped here, before anything can be stored. Each response gets a fingerprint of its
 * submission time and answers, so the same submission imported twice is recognised.
 */
export function parseSurveyRows(
  rows: readonly string[][],
  opts: {
    audience: SurveyAudience;
    questions: readonly ExistingQuestion[];
    mapping: Readonly<Record<string, ColumnUse>>;
  },
): ParsedSurveyFile {
  const header = rows[0];
  if (!header || header.every((h) => h.trim() === '')) return fail('The file has no heading row.');
  const source = detectSource(header);
  if (!source)
    return fail(
      'This is not a Microsoft Forms or Google Forms export: the first column should be "ID" (Microsoft Forms) or "Timestamp" (Google Forms).',
      header[0] ?? '',
    );
  const seen = new Set<string>();
  for (const h of header) {
    const k = h.trim().toLowerCase();
    if (k !== '' && seen.has(k))
      return fail(`Two columns are headed "${h.trim()}": rename one and export again.`, h);
    seen.add(k);
  }
  const columns = planColumns(rows, source, opts);
  const submittedAt = columns.find((c) => c.use === 'submitted');
  if (!submittedAt)
    return fail(
      source === 'ms_forms'
        ? 'The "Completion time" column is missing.'
        : 'The "Timestamp" column is missing.',
    );

  const rejected: Rejected[] = [];
  const responses: ParsedResponse[] = [];
  let blankRows = 0;
  const data = rows.slice(1);
  data.forEach((cells, i) => {
    const row = i + 2;
    const bad = (c: PlannedColumn, value: string, reason: string) =>
      rejected.push({ row, column: c.header, value, reason });
    const before = rejected.length;
    const r: ParsedResponse = {
      row,
      submittedOn: '',
      fingerprint: '',
      yearGroup: null,
      disadvantaged: null,
      sen: null,
      eal: null,
      sex: null,
      answers: [],
    };
    for (const c of columns) {
      const v = (cells[c.index] ?? '').trim();
      if (c.use === 'likert' && v !== '' && !isNoView(v)) {
        const score = scoreOn(c.scaleLabels, v);
        if (score === null)
          bad(
            c,
            v,
            c.scaleLabels.length
              ? `Not an answer on this question's scale (${c.scaleLabels.join(', ')})`
              : 'The answers in this column are not on a scale we know; import it as free text',
          );
        else r.answers.push({ column: c.index, value: score, text: null });
      } else if (c.use === 'text' && v !== '') {
        if (v.length > MAX_TEXT_ANSWER)
          bad(c, `${v.slice(0, 40)}…`, `Longer than ${MAX_TEXT_ANSWER} characters`);
        else r.answers.push({ column: c.index, value: null, text: v });
      } else if (c.use === 'yearGroup') {
        const y = parseYearGroup(v);
        if (y === undefined) bad(c, v, 'Not a year group (for example "Year 7" or "Y7")');
        else r.yearGroup = y;
      } else if (c.use === 'disadvantaged' || c.use === 'eal' || c.use === 'sen') {
        const f = c.use === 'sen' ? parseSen(v) : parseFlag(v);
        if (f === undefined) bad(c, v, 'Expected yes or no');
        else r[c.use] = f;
      } else if (c.use === 'sex') r.sex = parseSex(v);
    }
    if (r.answers.length === 0 && rejected.length === before) {
      blankRows++;
      return;
    }
    const raw = (cells[submittedAt.index] ?? '').trim();
    const at = parseSubmitted(raw);
    if (!at) bad(submittedAt, raw, 'Not a date and time the form writes (for example 14/03/2025 10:22:31)');
    if (rejected.length > before || !at) return;
    r.submittedOn = at.slice(0, 10);
    r.fingerprint = fingerprint(at, r, columns);
    responses.push(r);
  });
  return { source, columns, responses, rejected, rowsRead: data.length, blankRows };
}

/** Submission time, characteristics and each answer under its column heading, hashed. */
function fingerprint(at: string, r: ParsedResponse, columns: readonly PlannedColumn[]): string {
  const answers = r.answers
    .map((a) => [columns[a.column]?.header.toLowerCase() ?? '', a.value ?? a.text] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const body = JSON.stringify([at, r.yearGroup, r.disadvantaged, r.sen, r.eal, r.sex, answers]);
  return createHash('sha256').update(body).digest('hex');
}
