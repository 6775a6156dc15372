import { academicYearOfDay } from '../../../../shared/academic-year';
import type {
  AssessmentColumn,
  FieldSource,
  ImportMapping,
  ResultField,
} from '../../../../shared/contracts/import-mapping';

/**
 * A first mapping guessed from a file's header and its first rows, so a data manager corrects a
 * suggestion rather than starting from nothing. Pure. A header naming a result and an assessment or
 * subject is a long file; otherwise every column that is neither a known field nor pupil details
 * (names, sex, form) is taken as an assessment column of a wide marksheet.
 */
const key = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const SYNONYMS: Record<ResultField, string[]> = {
  upn: ['upn', 'unique pupil number', 'pupil upn', 'upn number', 'unique pupil no'],
  assessment: ['assessment', 'assessment name', 'aspect', 'aspect name', 'test', 'test name'],
  subject: ['subject', 'subject name', 'course', 'subject code'],
  year_group: [
    'year group',
    'year',
    'nc year',
    'ncy',
    'national curriculum year',
    'yr',
    'year grp',
    'yeargroup',
  ],
  academic_year: ['academic year', 'acad year', 'school year', 'academic yr'],
  collection_point: [
    'collection point',
    'collection',
    'data drop',
    'data collection',
    'assessment point',
    'term',
    'result set',
  ],
  grade_set: ['grade set', 'gradeset', 'grade type', 'scale', 'grade scale'],
  date: ['date', 'assessment date', 'date taken', 'taken on', 'result date', 'collection date'],
  result: ['result', 'grade', 'mark', 'score', 'value', 'outcome', 'attainment', 'working at'],
};
const BY_NAME = new Map<string, ResultField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ResultField, string[]][])
  for (const n of names) BY_NAME.set(n, field);

/** Columns of pupil details a marksheet carries beside its marks: never an assessment. */
const PUPIL_DETAILS = new Set(
  [
    'surname',
    'forename',
    'legal surname',
    'legal forename',
    'preferred surname',
    'preferred forename',
    'first name',
    'last name',
    'name',
    'pupil name',
    'full name',
    'gender',
    'sex',
    'dob',
    'date of birth',
    'reg group',
    'registration group',
    'reg',
    'form',
    'tutor group',
    'class',
    'house',
    'admission number',
    'adno',
    'adm no',
    'sen',
    'sen status',
    'fsm',
    'pp',
    'pupil premium',
    'disadvantaged',
    'ever 6 fsm',
    'eal',
    'ethnicity',
    'ks2 reading',
    'ks2 maths',
    'ks2 average',
    'id',
    'pupil id',
  ].map(key),
);

export function fieldOfHeader(header: string): ResultField | null {
  return BY_NAME.get(key(header)) ?? null;
}

/** A term or data-drop at the end of an assessment column's name: "Maths Aut2" is Maths at Aut2. */
const POINT =
  /^(.*?)[\s\-_:]*\b((?:aut(?:umn)?|spr(?:ing)?|sum(?:mer)?)\s*[1-3]?|(?:term|t|dd|data drop|drop|cp)\s*\d+|mock\s*\d*)$/i;

export function splitAssessmentHeader(header: string): { subject: string; collectionPoint: string } {
  const h = header.trim();
  const m = POINT.exec(h);
  if (m?.[1] && m[2]) return { subject: m[1].trim(), collectionPoint: m[2].trim() };
  return { subject: h, collectionPoint: '' };
}

const ABSENT = new Set(['', 'A', 'ABS', 'X', 'N/A', 'NA']);

/** The grade set most values of a column fit; points (any number) when nothing narrower does. */
export function guessGradeSet(values: string[]): string {
  const vs = values.map((v) => v.trim().toUpperCase()).filter((v) => !ABSENT.has(v));
  if (vs.length === 0) return 'gcse';
  if (vs.every((v) => /^([0-9]|U)$/.test(v))) return 'gcse';
  if (vs.every((v) => /^\d{2,3}$/.test(v) && Number(v) >= 80 && Number(v) <= 120)) return 'ks2_scaled';
  if (vs.some((v) => v.endsWith('%'))) return 'percentage';
  return 'points';
}

export function suggestMapping(headers: string[], sample: string[][], today: string): ImportMapping {
  const found = new Map<ResultField, string>();
  const fieldAt: (ResultField | null)[] = headers.map((h) => {
    const f = fieldOfHeader(h);
    if (!f || found.has(f) || !h.trim()) return null;
    found.set(f, h.trim());
    return f;
  });
  const long = found.has('result') && (found.has('assessment') || found.has('subject'));
  const fields: Partial<Record<ResultField, FieldSource>> = {};
  for (const [f, column] of found) fields[f] = { column };
  const columnValues = (i: number) => sample.map((r) => r[i] ?? '');

  if (long) {
    fields.assessment ??= fields.subject;
    fields.subject ??= fields.assessment;
    const resultAt = headers.findIndex((h) => h.trim() === found.get('result'));
    fields.grade_set ??= { value: guessGradeSet(columnValues(resultAt)) };
    fields.academic_year ??= { value: academicYearOfDay(today).label };
    return { layout: 'long', fields, assessments: [] };
  }

  const assessments: AssessmentColumn[] = [];
  headers.forEach((h, i) => {
    const name = h.trim();
    if (!name || fieldAt[i] || PUPIL_DETAILS.has(key(name))) return;
    const values = columnValues(i);
    if (values.every((v) => v.trim() === '')) return;
    const { subject, collectionPoint } = splitAssessmentHeader(name);
    assessments.push({
      column: name,
      assessment: name,
      subject,
      collectionPoint: collectionPoint || name,
      gradeSet: guessGradeSet(values),
    });
  });
  const wide: Partial<Record<ResultField, FieldSource>> = {};
  for (const f of ['upn', 'year_group', 'academic_year', 'date'] as const) if (fields[f]) wide[f] = fields[f];
  wide.academic_year ??= { value: academicYearOfDay(today).label };
  wide.date ??= { value: today };
  return { layout: 'wide', fields: wide, assessments };
}
