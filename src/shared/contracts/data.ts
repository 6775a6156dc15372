import { z } from 'zod';
import { isoDate, uuid } from './common';

export const importKinds = ['ks4_performance'] as const;
export const importKs4Body = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  filename: z.string().trim().min(1).max(255),
  content: z.string().min(1, 'The file is empty'),
  dryRun: z.boolean().default(false),
});
export type ImportKs4Body = z.infer<typeof importKs4Body>;

/** The DfE's other school-level downloads, stored beside the KS4 tables. */
export const schoolDatasets = ['ks2', 'census', 'absence', 'ofsted'] as const;
export const importSchoolDatasetBody = importKs4Body.extend({ dataset: z.enum(schoolDatasets) });
export type ImportSchoolDatasetBody = z.infer<typeof importSchoolDatasetBody>;

export const rejectedRow = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export const importJob = z.object({
  id: uuid,
  kind: z.string(),
  filename: z.string(),
  fileSha256: z.string(),
  year: z.number().int().nullable(),
  dryRun: z.boolean(),
  status: z.enum(['running', 'committed', 'rejected', 'validated', 'deleted', 'failed']),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Lines with no result (absent, not entered): neither written nor rejected. */
  rowsSkipped: z.number().int(),
  /** Why a job failed (for example, the server stopped mid-import). */
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
export const importResult = importJob.extend({ rejected: z.array(rejectedRow) });
export const importJobList = z.object({ jobs: z.array(importJob) });

export const publishedOutcome = z.object({
  dataset: z.string(),
  year: z.number().int(),
  recordLevel: z.enum([
    'school',
    'special_school',
    'local_authority',
    'national_all',
    'national_state_funded',
  ]),
  laCode: z.string().nullable(),
  urn: z.string().nullable(),
  schoolName: z.string().nullable(),
  measures: z.record(z.string(), z.number().nullable()),
  missing: z.record(z.string(), z.string()),
});
export const publishedOutcomeList = z.object({ outcomes: z.array(publishedOutcome) });

export const importPupilsBody = z.strictObject({
  schoolId: uuid,
  filename: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded, so its encoding can be detected rather than assumed. */
  contentBase64: z.string().max(30_000_000),
  dryRun: z.boolean().default(false),
  /**
   * The date from which the file's characteristics hold, when it is not the import date: a change
   * closes the pupil's previous period the day before. A row's effective_date column (pupil list)
   * or the CTF's own date comes first.
   */
  effectiveDate: isoDate.optional(),
});
export type ImportPupilsBody = z.infer<typeof importPupilsBody>;

/** A results file is streamed as the raw request body (text/csv); these ride in the query string. */
export const importResultsQuery = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  /** Only pupils of this school may appear in the file (a school data manager's import). */
  schoolId: uuid.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ImportResultsQuery = z.infer<typeof importResultsQuery>;

export const exportQuery = z.strictObject({ schoolId: uuid.optional() });
