import {
  type FieldSource,
  type ImportMapping,
  type ResultField,
  resultFields,
  wideCommonFields,
} from '../../../../shared/contracts/import-mapping';
import { normaliseHeader } from '../pupil-file';
import { normaliseDate, normaliseYearGroup } from './values';

/**
 * A file in any layout, row by row, turned into canonical long-format results rows (the columns of
 * results-file.ts, in order). Pure. A long file gives one row per row; a wide file one row per
 * non-empty assessment cell, so an empty cell (no mark entered) is not a result at all.
 */
export type SheetRow = { row: number; cells: string[] };
export type CanonicalRow = {
  /** The row of the file it came from. */
  row: number;
  /** The column of the file the result came from. */
  sourceColumn: number;
  values: string[];
};

export const FIELD_LABELS: Record<ResultField, string> = {
  upn: 'UPN',
  assessment: 'Assessment',
  subject: 'Subject',
  year_group: 'Year group',
  academic_year: 'Academic year',
  collection_point: 'Collection point',
  grade_set: 'Grade set',
  date: 'Date',
  result: 'Result',
};

const columnIndex = (headers: string[], name: string) => {
  const wanted = normaliseHeader(name);
  return headers.findIndex((h) => normaliseHeader(h) === wanted);
};

/** The fields a layout needs from the mapping (a wide file's other fields come per assessment column). */
const neededFields = (m: ImportMapping): readonly ResultField[] =>
  m.layout === 'long' ? resultFields : wideCommonFields;

/** Why the mapping cannot read this file, in words for the person choosing columns; empty when it can. */
const ASSESSMENT_PARTS = {
  assessment: 'assessment name',
  subject: 'subject',
  collectionPoint: 'collection point',
  gradeSet: 'grade set',
};

export function mappingProblems(m: ImportMapping, headers: string[]): string[] {
  const problems: string[] = [];
  const checkColumn = (name: string, what: string) => {
    if (columnIndex(headers, name) < 0) problems.push(`${what}: the file has no column "${name}"`);
  };
  for (const f of neededFields(m)) {
    const s = m.fields[f];
    if (!s || ('value' in s && s.value === ''))
      problems.push(`${FIELD_LABELS[f]}: choose a column or a value`);
    else if ('column' in s) checkColumn(s.column, FIELD_LABELS[f]);
  }
  if (m.layout === 'wide') {
    if (m.assessments.length === 0) problems.push('Choose at least one assessment column');
    for (const a of m.assessments) {
      checkColumn(a.column, `Assessment column "${a.column}"`);
      const missing = (['assessment', 'subject', 'collectionPoint', 'gradeSet'] as const).filter(
        (k) => !a[k].trim(),
      );
      if (missing.length)
        problems.push(
          `Assessment column "${a.column}": give its ${missing.map((k) => ASSESSMENT_PARTS[k]).join(', ')}`,
        );
    }
  }
  return problems;
}

type Getter = (cells: string[]) => string;
const getter = (headers: string[], s: FieldSource | undefined, field: ResultField): Getter => {
  let get: Getter = () => '';
  if (s && 'value' in s) get = () => s.value;
  else if (s) {
    const i = columnIndex(headers, s.column);
    get = (cells) => (cells[i] ?? '').trim();
  }
  if (field === 'date') return (cells) => normaliseDate(get(cells));
  if (field === 'year_group') return (cells) => normaliseYearGroup(get(cells));
  return get;
};

/** Builds the row mapper for a file's header; call mappingProblems first (missing columns read as ''). */
export function createRowMapper(m: ImportMapping, headers: string[]): (r: SheetRow) => CanonicalRow[] {
  const get = Object.fromEntries(resultFields.map((f) => [f, getter(headers, m.fields[f], f)])) as Record<
    ResultField,
    Getter
  >;
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

  if (m.layout === 'long') {
    const resultColumn = (() => {
      const s = m.fields.result;
      return s && 'column' in s ? columnIndex(headers, s.column) : -1;
    })();
    return ({ row, cells }) =>
      blank(cells)
        ? []
        : [{ row, sourceColumn: resultColumn, values: resultFields.map((f) => get[f](cells)) }];
  }

  const columns = m.assessments.map((a) => ({ ...a, at: columnIndex(headers, a.column) }));
  return ({ row, cells }) => {
    if (blank(cells)) return [];
    const common = { upn: get.upn(cells), yg: get.year_group(cells), ay: get.academic_year(cells) };
    const date = get.date(cells);
    const out: CanonicalRow[] = [];
    for (const c of columns) {
      const result = (cells[c.at] ?? '').trim();
      if (result === '') continue;
      out.push({
        row,
        sourceColumn: c.at,
        values: [
          common.upn,
          c.assessment,
          c.subject,
          common.yg,
          common.ay,
          c.collectionPoint,
          c.gradeSet,
          date,
          result,
        ],
      });
    }
    return out;
  };
}

/** What the person calls the cell behind a canonical field, for rejected-row reports in their terms. */
export function sourceColumnName(
  m: ImportMapping,
  headers: string[],
  field: string,
  sourceColumn: number,
): string {
  if (field === 'result' && sourceColumn >= 0) return headers[sourceColumn] ?? field;
  const s = m.fields[field as ResultField];
  if (s && 'column' in s) return s.column;
  const label = FIELD_LABELS[field as ResultField];
  if (!label) return field;
  return m.layout === 'wide' && !s && sourceColumn >= 0
    ? `${label} of column "${headers[sourceColumn] ?? ''}" (in the mapping)`
    : `${label} (set in the mapping)`;
}
