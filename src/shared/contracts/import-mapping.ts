import { z } from 'zod';
import { uuid } from './common';

/**
 * Results files in a school's own layout: how their columns map onto the canonical results columns
 * (the long format the results importer reads), saved per trust as named templates.
 */
export const resultFields = [
  'upn',
  'assessment',
  'subject',
  'year_group',
  'academic_year',
  'collection_point',
  'grade_set',
  'date',
  'result',
] as const;
export type ResultField = (typeof resultFields)[number];

/** Fields a wide file sets once for every pupil row; the rest come from each assessment column. */
export const wideCommonFields = ['upn', 'year_group', 'academic_year', 'date'] as const;

const text = z.string().trim().min(1).max(200);
/** A field is read from a column of the file or set to one value for every row. */
export const fieldSource = z.union([
  z.strictObject({ column: text }),
  z.strictObject({ value: z.string().trim().max(200) }),
]);
export type FieldSource = z.infer<typeof fieldSource>;

/** One assessment column of a wide file (e.g. "Maths Aut2") and what its cells are. */
export const assessmentColumn = z.strictObject({
  column: text,
  assessment: text,
  subject: text,
  collectionPoint: text,
  gradeSet: text,
});
export type AssessmentColumn = z.infer<typeof assessmentColumn>;

/**
 * A mapping as it is being worked out: the preview takes and returns one with gaps (a suggestion for
 * a column whose collection point could not be read, a wide file with no assessment columns yet),
 * and reports each gap as a mapping problem in words, rather than refusing the request.
 */
const draftText = z.string().trim().max(200);
export const mappingDraft = z.strictObject({
  layout: z.enum(['long', 'wide']),
  /** The worksheet of an XLSX file; the first one when not given. */
  sheet: z.string().trim().min(1).max(100).optional(),
  fields: z.partialRecord(z.enum(resultFields), fieldSource),
  /** Wide files only: one entry per assessment column. */
  assessments: z
    .array(
      z.strictObject({
        column: text,
        assessment: draftText,
        subject: draftText,
        collectionPoint: draftText,
        gradeSet: draftText,
      }),
    )
    .max(500)
    .default([]),
});
export type ImportMapping = z.infer<typeof mappingDraft>;

/** A mapping complete enough to save as a template. */
export const importMapping = mappingDraft
  .extend({ assessments: z.array(assessmentColumn).max(500).default([]) })
  .superRefine((m, ctx) => {
    if (m.layout === 'wide' && m.assessments.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['assessments'],
        message: 'Choose at least one assessment column',
      });
  });

export const mappingTemplate = z.object({
  id: uuid,
  name: z.string(),
  source: z.string(),
  layout: z.enum(['long', 'wide']),
  mapping: importMapping,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type MappingTemplate = z.infer<typeof mappingTemplate>;
export const mappingTemplateList = z.object({ templates: z.array(mappingTemplate) });

export const createMappingBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the template a name').max(120),
  /** Where files of this shape come from, e.g. "SIMS marksheet export". */
  source: z.string().trim().max(200).default(''),
  mapping: importMapping,
});
export type CreateMappingBody = z.infer<typeof createMappingBody>;
export const updateMappingBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  source: z.string().trim().max(200).optional(),
  mapping: importMapping.optional(),
});
export type UpdateMappingBody = z.infer<typeof updateMappingBody>;
export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** A mapping sent inline rides in the query string as JSON, beside the file streamed as the body. */
const inlineMapping = z
  .string()
  .max(12_000)
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The mapping is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(mappingDraft);

export const mappedFileQuery = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  /** A saved template, or an inline mapping; with neither the suggested mapping is used. */
  mappingId: uuid.optional(),
  mapping: inlineMapping.optional(),
  /** Only pupils of this school may appear in the file. */
  schoolId: uuid.optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type MappedFileQuery = z.infer<typeof mappedFileQuery>;

export const previewRow = z.object({
  /** The row of the file (the header is row 1). */
  row: z.number().int(),
  /** Where the result came from: the column of a wide file, or the result column of a long one. */
  sourceColumn: z.string(),
  values: z.record(z.enum(resultFields), z.string()),
  problems: z.array(z.object({ field: z.string(), value: z.string(), reason: z.string() })),
});
export const filePreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  delimiter: z.string().nullable(),
  encoding: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  detectedLayout: z.enum(['long', 'wide']),
  suggested: mappingDraft,
  /** What the rows below were read with: the mapping given, or the suggestion. */
  mapping: mappingDraft,
  /** Why the mapping cannot be used yet (a field with no column, a column not in the file). */
  mappingProblems: z.array(z.string()),
  rows: z.array(previewRow),
});
export type FilePreview = z.infer<typeof filePreview>;
