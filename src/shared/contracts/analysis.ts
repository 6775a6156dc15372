import { z } from 'zod';
import { uuid } from './common';

export const assessment = z.object({
  id: uuid,
  name: z.string(),
  subject: z.string(),
  yearGroup: z.string(),
  academicYear: z.string(),
  collectionPoint: z.string(),
  gradeSet: z.string(),
  takenOn: z.string(),
});
export type Assessment = z.infer<typeof assessment>;
export const assessmentList = z.object({ assessments: z.array(assessment) });

export const groupBySchema = z.enum(['disadvantaged', 'sen', 'eal', 'sex']);
export const gapQuery = z.strictObject({
  assessmentId: uuid,
  groupBy: groupBySchema.default('disadvantaged'),
  /** board: suppress as for governors and trustees even when the reader may see pupil-level figures. */
  audience: z.enum(['staff', 'board']).default('staff'),
});

const interval = z.tuple([z.number(), z.number()]);
export const groupCell = z.object({
  key: z.string(),
  label: z.string(),
  /** Null when suppressed for this reader. */
  n: z.number().int().nullable(),
  mean: z.number().nullable(),
  ci: interval.nullable(),
  suppressed: z.boolean(),
  /** Fewer pupils than the suppression threshold, shown to staff with a caution. */
  smallGroup: z.boolean(),
});
export const gapScope = z.object({
  scope: z.enum(['trust', 'school']),
  schoolId: uuid.nullable(),
  label: z.string(),
  groups: z.array(groupCell),
  gap: z.object({ difference: z.number(), ci: interval, distinguishable: z.boolean() }).nullable(),
  gapIndex: z.number().nullable(),
  reading: z.string(),
});
export const gapAnalysis = z.object({
  assessment,
  groupBy: groupBySchema,
  suppressionThreshold: z.number().int(),
  pupilLevel: z.boolean(),
  scopes: z.array(gapScope),
});
export type GapAnalysis = z.infer<typeof gapAnalysis>;
