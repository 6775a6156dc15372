import type { Characteristic, ColumnUse, SurveyAudience } from '../../../shared/contracts/surveys';
import { closestScale, detectScale, normaliseAnswer } from './likert';

export type Source = 'ms_forms' | 'google_forms';
export type ExistingQuestion = { id: string; text: string; kind: 'likert' | 'text'; scaleLabels: string[] };

/** How one column of the export will be read. */
export type PlannedColumn = {
  index: number;
  header: string;
  use: ColumnUse | 'dropped' | 'submitted';
  note: string;
  question: ExistingQuestion | null;
  scaleLabels: string[];
};

const key = (h: string) => normaliseAnswer(h.replace(/^\uFEFF/, ''));

/** Columns the forms add that name or contact the respondent, or only describe the form itself. */
const IDENTIFYING = new Set(['id', 'email', 'e-mail', 'name', 'email address', 'username']);
const FORM_METADATA = new Set(['start time', 'last modified time', 'total points', 'quiz feedback', 'score']);
const LOOKS_IDENTIFYING =
  /\b(upn|unique pupil number|e-?mail|full name|your name|first name|forename|surname|last name|family name|(pupil|student|child'?s?) name|phone number|mobile number|home address|postcode|date of birth)\b/;

/** Which form made the export, from the columns it always starts with. */
export function detectSource(header: readonly string[]): Source | null {
  const h = header.map(key);
  if (h[0] === 'id' && h.includes('start time') && h.includes('completion time')) return 'ms_forms';
  if (h[0] === 'timestamp') return 'google_forms';
  return null;
}

/** The characteristic a heading names, if any ("Year group", "Pupil premium", "Gender"...). */
export function characteristicOf(header: string): Characteristic | null {
  const h = key(header);
  if (/^(year|year group|yeargroup)$|year group|which year are you in|what year are you in/.test(h))
    return 'yearGroup';
  if (/pupil premium|disadvantaged|free school meals|\bfsm\b/.test(h)) return 'disadvantaged';
  if (/\bsend?\b|special educational needs/.test(h)) return 'sen';
  if (/\beal\b|additional language/.test(h)) return 'eal';
  if (/^(sex|gender)\b|boy or a girl|girl or a boy/.test(h)) return 'sex';
  return null;
}

/**
 * Decides each column's use: the form's identifying and bookkeeping columns are dropped; the
 * submission time is kept for the fingerprint; a column already imported as a question keeps that
 * question; characteristics are recognised for pupil surveys; others become Likert when every answer
 * is on a known scale, or free text. `mapping` overrides the suggestion by heading.
 */
export function planColumns(
  rows: readonly string[][],
  source: Source,
  opts: {
    audience: SurveyAudience;
    questions: readonly ExistingQuestion[];
    mapping: Readonly<Record<string, ColumnUse>>;
  },
): PlannedColumn[] {
  const header = rows[0] ?? [];
  const submitted = source === 'ms_forms' ? 'completion time' : 'timestamp';
  const byText = new Map(opts.questions.map((q) => [key(q.text), q]));
  return header.map((raw, index): PlannedColumn => {
    const header = raw.replace(/^\uFEFF/, '').trim();
    const h = key(header);
    const base = { index, header, question: null, scaleLabels: [] };
    if (h === submitted) return { ...base, use: 'submitted', note: 'Submission time (kept as the day only)' };
    if (IDENTIFYING.has(h) || LOOKS_IDENTIFYING.test(h))
      return { ...base, use: 'dropped', note: 'Could identify the respondent: never stored' };
    if (FORM_METADATA.has(h) || /^(points|feedback) - /.test(h))
      return { ...base, use: 'dropped', note: 'Form bookkeeping: not stored' };
    if (h === '') return { ...base, use: 'ignore', note: 'No heading' };
    const values = rows.slice(1).map((r) => r[index] ?? '');
    const chosen = opts.mapping[header];
    const existing = byText.get(h);
    if (chosen === 'ignore') return { ...base, use: 'ignore', note: 'Left out as you chose' };
    if (existing)
      return {
        ...base,
        use: existing.kind,
        note: 'Matches a question already in the survey',
        question: existing,
        scaleLabels: existing.scaleLabels,
      };
    const characteristic = characteristicOf(header);
    if (chosen && chosen !== 'likert' && chosen !== 'text')
      return { ...base, use: chosen, note: 'Respondent characteristic, as you chose' };
    if (!chosen && characteristic) {
      return opts.audience === 'pupil'
        ? { ...base, use: characteristic, note: 'Respondent characteristic, recognised from the heading' }
        : { ...base, use: 'ignore', note: 'Characteristics are kept for pupil surveys only' };
    }
    const scale = detectScale(values);
    if (chosen === 'text' || (!chosen && !scale))
      return { ...base, use: 'text', note: chosen ? 'Free text, as you chose' : 'Free text' };
    const labels = scale ?? closestScale(values);
    return {
      ...base,
      use: 'likert',
      note: `Scale: ${labels[0]} (1) to ${labels[labels.length - 1]} (${labels.length})`,
      scaleLabels: labels,
    };
  });
}
