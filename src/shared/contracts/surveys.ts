import { z } from 'zod';
import { isoDate, text, uuid } from './common';
import { rejectedRow } from './data';

export const surveyAudiences = ['pupil', 'staff', 'parent'] as const;
export type SurveyAudience = (typeof surveyAudiences)[number];

/** Pupil characteristics a response may carry (pupil surveys only); never who the pupil is. */
export const characteristics = ['yearGroup', 'disadvantaged', 'sen', 'eal', 'sex'] as const;
export type Characteristic = (typeof characteristics)[number];
export const breakdowns = ['none', 'school', ...characteristics] as const;
export type Breakdown = (typeof breakdowns)[number];

export const createSurveyBody = z
  .strictObject({
    title: text(200),
    audience: z.enum(surveyAudiences),
    /** Null for a survey run across the whole trust. */
    schoolId: uuid.nullable(),
    academicYear: z.string().regex(/^\d{4}\/\d{2}$/, 'Write the academic year as 2025/26'),
    opensOn: isoDate.nullable().default(null),
    closesOn: isoDate.nullable().default(null),
  })
  .refine((b) => !b.opensOn || !b.closesOn || b.opensOn <= b.closesOn, {
    message: 'The survey cannot close before it opens',
    path: ['closesOn'],
  });
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

export const surveyQuestion = z.object({
  id: uuid,
  position: z.number().int(),
  text: z.string(),
  kind: z.enum(['likert', 'text']),
  scaleLabels: z.array(z.string()),
  statementId: uuid.nullable(),
  /** The framework component's code (as /framework-components lists them). */
  componentCode: z.string().nullable(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestion>;

export const surveySummary = z.object({
  id: uuid,
  title: z.string(),
  audience: z.enum(surveyAudiences),
  schoolId: uuid.nullable(),
  schoolName: z.string().nullable(),
  academicYear: z.string(),
  opensOn: isoDate.nullable(),
  closesOn: isoDate.nullable(),
  version: z.number().int(),
  /** Responses in the schools the reader may see. */
  responses: z.number().int(),
  canImport: z.boolean(),
  /** May change the survey itself (its questions' links). */
  canEdit: z.boolean(),
});
export type SurveySummary = z.infer<typeof surveySummary>;
export const surveyList = z.object({ surveys: z.array(surveySummary) });

export const surveyImport = z.object({
  id: uuid,
  schoolId: uuid,
  filename: z.string(),
  fileSha256: z.string(),
  source: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['committed', 'rejected', 'validated', 'deleted']),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Blank rows and responses already imported (the same submission in this or an earlier file). */
  rowsSkipped: z.number().int(),
  createdAt: z.string(),
});
export type SurveyImport = z.infer<typeof surveyImport>;

export const surveyDetail = z.object({
  survey: surveySummary,
  questions: z.array(surveyQuestion),
  imports: z.array(surveyImport),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

/** How one column of an export is used; identifying columns are always dropped. */
export const columnUses = ['likert', 'text', 'ignore', ...characteristics] as const;
export type ColumnUse = (typeof columnUses)[number];

export const importSurveyBody = z.strictObject({
  schoolId: uuid,
  filename: z.string().trim().min(1).max(255),
  /** The file's bytes (CSV or XLSX), base64-encoded. */
  contentBase64: z.string().min(1, 'The file is empty').max(14_000_000),
  dryRun: z.boolean().default(false),
  /** Overrides of the suggested use of a column, by its header. */
  mapping: z.record(z.string().max(500), z.enum(columnUses)).default({}),
});
export type ImportSurveyBody = z.infer<typeof importSurveyBody>;

export const importedColumn = z.object({
  header: z.string(),
  use: z.enum([...columnUses, 'dropped']),
  /** Why a column was dropped or how its use was chosen, in a few words. */
  note: z.string(),
  questionId: uuid.nullable(),
  /** True when importing will add this column as a new question. */
  newQuestion: z.boolean(),
  scaleLabels: z.array(z.string()),
  /** A few of the column's values (never for dropped columns). */
  sample: z.array(z.string()),
});
export type ImportedColumn = z.infer<typeof importedColumn>;

export const surveyImportResult = z.object({
  import: surveyImport,
  source: z.enum(['ms_forms', 'google_forms']).nullable(),
  columns: z.array(importedColumn),
  rejected: z.array(rejectedRow),
});
export type SurveyImportResult = z.infer<typeof surveyImportResult>;

export const surveyResultsQuery = z.strictObject({ breakdown: z.enum(breakdowns).default('none') });

const ci = z.tuple([z.number(), z.number()]).nullable();
export const resultGroup = z.object({
  key: z.string(),
  label: z.string(),
  /** Null when the group is suppressed. */
  n: z.number().int().nullable(),
  counts: z.array(z.number().int()).nullable(),
  mean: z.number().nullable(),
  ci,
  suppressed: z.boolean(),
});
export type ResultGroup = z.infer<typeof resultGroup>;

export const questionResult = z.object({
  questionId: uuid,
  text: z.string(),
  kind: z.enum(['likert', 'text']),
  scaleLabels: z.array(z.string()),
  overall: resultGroup,
  groups: z.array(resultGroup),
  /** Free-text questions: how many wrote something, and the answers where the reader may see them. */
  textCount: z.number().int().nullable(),
  textAnswers: z
    .array(z.object({ schoolId: uuid, schoolName: z.string(), answers: z.array(z.string()) }))
    .nullable(),
  /** Why free-text answers are not listed, when they are not. */
  textNote: z.string().nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const surveyResults = z.object({
  surveyId: uuid,
  breakdown: z.enum(breakdowns),
  suppressionThreshold: z.number().int(),
  respondents: z.number().int().nullable(),
  questions: z.array(questionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

/** Links a question to what it is evidence for; the survey's version guards against a stale edit. */
export const linkQuestionBody = z.strictObject({
  surveyVersion: z.number().int(),
  statementId: uuid.nullable(),
  componentCode: z.string().trim().min(1).max(100).nullable(),
});
export type LinkQuestionBody = z.infer<typeof linkQuestionBody>;
export const linkQuestionResult = z.object({ question: surveyQuestion, surveyVersion: z.number().int() });
