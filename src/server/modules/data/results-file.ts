import { resultFields } from '../../../shared/contracts/import-mapping';
import { fromSpreadsheetSafe } from '../../platform/csv-safe';
import { BUILT_IN_GRADE_SETS, type GradeSetDefinition, gradeReader } from '../grade-sets/grade-set';
import { normaliseHeader, parseDate, type Rejected } from './pupil-file';
import { isValidUpn } from './upn';

/**
 * Reading assessment results exported from a MIS, one result per line ("long" format):
 *   UPN, Assessment, Subject, Year group, Academic year, Collection point, Grade set, Date, Result
 * Pure: the caller streams the lines in, one at a time, and gets a checked row back. A file holds
 * many assessments; the first line of each one fixes its grade set and date.
 */
/** The canonical columns are the contract's result fields, which a mapping fills from any layout. */
export const RESULT_COLUMNS = resultFields;
type Column = (typeof RESULT_COLUMNS)[number];

/** Results that mean "no result" (absent, not entered): skipped, not rejected, and counted. */
const NO_RESULT = new Set(['', 'A', 'ABS', 'X', 'N/A', 'NA']);

/** A grade set as the reader uses it: its name for messages, its reader and its non-result codes. */
export type ResultGradeSet = {
  label: string;
  read: (raw: string) => number | null;
  isAbsent: (raw: string) => boolean;
};
/** The grade sets a file may name, by key (lower case). */
export type GradeSetTable = ReadonlyMap<string, ResultGradeSet>;

/** The table for a trust's grade sets (the built-in ones and its own), read through the grade-sets module. */
export function gradeSetTable(sets: readonly GradeSetDefinition[]): GradeSetTable {
  return new Map(
    sets.map((s) => {
      const read = gradeReader(s);
      return [s.key.toLowerCase(), { label: s.name, read, isAbsent: read.isAbsent }] as const;
    }),
  );
}
export const BUILT_IN_TABLE: GradeSetTable = gradeSetTable(BUILT_IN_GRADE_SETS);

export type AssessmentKey = {
  name: string;
  subject: string;
  yearGroup: string;
  academicYear: string;
  collectionPoint: string;
  gradeSet: string;
  takenOn: string;
  /** The line that introduced the assessment, for messages about it. */
  firstLine: number;
};
export type ResultLine =
  | { kind: 'result'; upn: string; assessment: number; value: number }
  | { kind: 'skipped' }
  | { kind: 'rejected'; problems: Rejected[] };

/** Where each column is in the header, or the required columns it lacks. */
export function readResultHeader(
  header: string[],
): { ok: true; at: Record<Column, number> } | { ok: false; missing: string[] } {
  const names = header.map(normaliseHeader);
  const at = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const c of RESULT_COLUMNS) {
    const i = names.indexOf(c);
    if (i < 0) missing.push(c);
    else at[c] = i;
  }
  return missing.length ? { ok: false, missing } : { ok: true, at };
}

const yearGroup = (v: string) => {
  const g = v.toUpperCase().replace(/^YEAR\s*/, 'Y');
  return /^(Y([1-9]|1[0-3])|R|N[12]?)$/.test(g) ? g : null;
};
const academicYear = (v: string) => {
  const m = /^(\d{4})[/-](\d{2}|\d{4})$/.exec(v);
  if (!m) return null;
  const next = (Number(m[1]) + 1) % (m[2]!.length === 2 ? 100 : 10000);
  return Number(m[2]) === next ? `${m[1]}/${String(next % 100).padStart(2, '0')}` : null;
};

/**
 * A reader for one file: call it with each line's fields (line numbers count the header as 1).
 * It remembers the assessments it has met (`assessments`, indexed by the number on each result)
 * and each UPN's check-letter verdict, so a million lines cost a million map lookups, not more.
 */
export function createResultReader(at: Record<Column, number>, gradeSets: GradeSetTable = BUILT_IN_TABLE) {
  const assessments: AssessmentKey[] = [];
  const byKey = new Map<string, { index: number; line: number }>();
  const upnOk = new Map<string, boolean>();
  // A file holds a million lines but only a handful of assessments: the seven columns that describe
  // the assessment are checked once per distinct spelling, then looked up.
  type Described = { index: number; gradeSet: ResultGradeSet } | { problems: Omit<Rejected, 'row'>[] };
  const described = new Map<string, Described>();

  const describe = (fields: string[], line: number): Described => {
    const get = (c: Column) => fromSpreadsheetSafe((fields[at[c]] ?? '').trim());
    const problems: Omit<Rejected, 'row'>[] = [];
    const bad = (column: Column, reason: string) => problems.push({ column, value: get(column), reason });
    const name = get('assessment');
    const subject = get('subject');
    const collectionPoint = get('collection_point');
    if (!name) bad('assessment', 'Required');
    if (!subject) bad('subject', 'Required');
    if (!collectionPoint) bad('collection_point', 'Required');
    const yg = yearGroup(get('year_group'));
    if (!yg) bad('year_group', 'Use Y1 to Y13, R or N');
    const ay = academicYear(get('academic_year'));
    if (!ay) bad('academic_year', 'Use an academic year such as 2025/26');
    const gradeSetName = get('grade_set').toLowerCase();
    const gradeSet = gradeSets.get(gradeSetName);
    if (!gradeSet) bad('grade_set', `Unknown grade set; use one of ${[...gradeSets.keys()].join(', ')}`);
    const takenOn = parseDate(get('date'));
    if (!takenOn) bad('date', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    if (problems.length) return { problems };

    const key = `${name}\u0000${subject}\u0000${yg}\u0000${ay}\u0000${collectionPoint}`;
    const known = byKey.get(key);
    if (known && assessments[known.index]!.gradeSet !== gradeSetName) {
      bad('grade_set', `Differs from line ${known.line}, the first line of this assessment`);
      return { problems };
    }
    if (known) return { index: known.index, gradeSet: gradeSet! };
    byKey.set(key, { index: assessments.length, line });
    assessments.push({
      name,
      subject,
      yearGroup: yg!,
      academicYear: ay!,
      collectionPoint,
      gradeSet: gradeSetName,
      takenOn: takenOn!,
      firstLine: line,
    });
    return { index: assessments.length - 1, gradeSet: gradeSet! };
  };

  const read = (fields: string[], line: number): ResultLine => {
    const raw = (fields[at.result] ?? '').trim().toUpperCase();
    const problems: Rejected[] = [];
    const upn = (fields[at.upn] ?? '').trim().toUpperCase();
    let valid = upnOk.get(upn);
    if (valid === undefined) {
      valid = isValidUpn(upn);
      upnOk.set(upn, valid);
    }
    if (!valid)
      problems.push({
        row: line,
        column: 'upn',
        value: upn,
        reason: 'Not a valid UPN (13 characters with a matching check letter)',
      });

    const f = (c: Column) => fields[at[c]] ?? '';
    const signature = `${f('assessment')}\u0000${f('subject')}\u0000${f('year_group')}\u0000${f('academic_year')}\u0000${f('collection_point')}\u0000${f('grade_set')}\u0000${f('date')}`;
    let d = described.get(signature);
    if (!d) {
      d = describe(fields, line);
      described.set(signature, d);
    }
    // What counts as "no result" is the grade set's to say (an A-level set may use A as a grade).
    if ('problems' in d) {
      if (NO_RESULT.has(raw)) return { kind: 'skipped' };
      for (const p of d.problems) problems.push({ row: line, ...p });
      return { kind: 'rejected', problems };
    }
    if (d.gradeSet.isAbsent(raw)) return { kind: 'skipped' };
    const value = d.gradeSet.read(raw);
    if (value === null)
      problems.push({
        row: line,
        column: 'result',
        value: raw,
        reason: `Not a result on the ${d.gradeSet.label} scale`,
      });
    if (problems.length) return { kind: 'rejected', problems };
    return { kind: 'result', upn, assessment: d.index, value: value! };
  };
  return { read, assessments };
}

export type KnownPupil = { upn: string; id: string; schoolId: string };

/**
 * Matches each result to a pupil of the trust (and, for a school's import, of that school), and
 * spots a second result for the same pupil and assessment. Pupils get dense numbers so the repeat
 * check is one typed array per assessment (a few MB at a million lines), not a million-entry map.
 */
export function createPupilMatcher(pupils: KnownPupil[], schoolId: string | null) {
  const byUpn = new Map<string, number>();
  for (const [i, p] of pupils.entries()) byUpn.set(p.upn, i);
  const seen: Int32Array[] = [];
  return (
    upn: string,
    assessment: number,
    line: number,
  ): { pupilId: string; index: number } | { reason: string } => {
    const i = byUpn.get(upn);
    if (i === undefined) return { reason: 'No pupil with this UPN in the trust' };
    const p = pupils[i]!;
    if (schoolId && p.schoolId !== schoolId) return { reason: 'This pupil is at another school' };
    seen[assessment] ??= new Int32Array(pupils.length);
    const first = seen[assessment][i]!;
    if (first) return { reason: `Same pupil and assessment as line ${first}` };
    seen[assessment][i] = line;
    return { pupilId: p.id, index: i };
  };
}
