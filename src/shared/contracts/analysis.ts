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

/** An intervention evaluation on a plan priority (EEF DIY evaluation, methods.md §5). */
export const interventionImpactBody = z.strictObject({
  priorityId: uuid,
  /** Optional: without a pre-test baseline equivalence cannot be checked. */
  preAssessmentId: uuid.nullable().default(null),
  postAssessmentId: uuid,
  interventionPupilIds: z.array(uuid).min(1).max(5000),
  /**
   * pupils: a chosen comparison group; others: every other pupil who sat the post-test in the same
   * school(s) and year group; none: no comparison group (the change cannot be attributed).
   */
  comparison: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('pupils'), pupilIds: z.array(uuid).min(1).max(20000) }),
    z.strictObject({ kind: z.literal('others') }),
    z.strictObject({ kind: z.literal('none') }),
  ]),
});
export type InterventionImpactBody = z.infer<typeof interventionImpactBody>;

const groupScores = z.object({
  n: z.number().int(),
  preMean: z.number().nullable(),
  postMean: z.number().nullable(),
  postSd: z.number().nullable(),
});
const impactFigures = z.object({
  n: z.object({ intervention: z.number().int(), comparison: z.number().int().nullable() }),
  attrition: z.object({
    intervention: z.number().nullable(),
    comparison: z.number().nullable(),
    overall: z.number().nullable(),
  }),
  effect: z.object({ d: z.number(), g: z.number(), se: z.number(), ci: interval }).nullable(),
  months: z.number().int().nullable(),
  baseline: z.object({ d: z.number(), imbalanced: z.boolean() }).nullable(),
  caveats: z.array(z.string()),
  groups: z.object({ intervention: groupScores, comparison: groupScores.nullable() }),
  reading: z.string(),
});
export const interventionImpactResult = z.object({
  priorityId: uuid,
  preAssessment: assessment.nullable(),
  postAssessment: assessment,
  overall: impactFigures,
  /** The same evaluation for disadvantaged pupils only; null when a group has fewer than two of them. */
  disadvantaged: impactFigures.nullable(),
});
export type InterventionImpactResult = z.infer<typeof interventionImpactResult>;
export type ImpactFigures = z.infer<typeof impactFigures>;

const gapSchema = z.object({ difference: z.number(), ci: interval, distinguishable: z.boolean() });

/** Gaps at one collection point for every school x subject (and the trust per subject). */
export const pointGapsQuery = z.strictObject({
  academicYear: z.string().min(1).max(20),
  collectionPoint: z.string().min(1).max(60),
  yearGroup: z.string().min(1).max(10).optional(),
  groupBy: groupBySchema.default('disadvantaged'),
});
export type PointGapsQuery = z.infer<typeof pointGapsQuery>;
export const pointGaps = z.object({
  academicYear: z.string(),
  collectionPoint: z.string(),
  yearGroup: z.string().nullable(),
  groupBy: groupBySchema,
  suppressionThreshold: z.number().int(),
  pupilLevel: z.boolean(),
  rows: z.array(
    z.object({
      scope: z.enum(['trust', 'school']),
      schoolId: uuid.nullable(),
      label: z.string(),
      subject: z.string(),
      groups: z.array(groupCell),
      gap: gapSchema.nullable(),
    }),
  ),
});
export type PointGaps = z.infer<typeof pointGaps>;

/**
 * A gap over time: `cohort` follows the pupils now in the year group back through earlier years
 * (Y11 now was Y10 last year); `yearGroup` compares successive cohorts in the same year group.
 */
export const gapTrendQuery = z.strictObject({
  subject: z.string().min(1).max(60),
  yearGroup: z.string().min(1).max(10),
  schoolId: uuid.optional(),
  follow: z.enum(['cohort', 'yearGroup']).default('cohort'),
  groupBy: groupBySchema.default('disadvantaged'),
});
export type GapTrendQuery = z.infer<typeof gapTrendQuery>;
const trendChange = z.object({
  fromAssessmentId: uuid,
  toAssessmentId: uuid,
  change: z.number(),
  ci: interval,
  direction: z.enum(['narrowed', 'widened', 'no_clear_change']),
  flag: z.enum(['both_fell', 'comparison_fell', 'disadvantaged_fell']).nullable(),
  sentence: z.string(),
});
export const gapTrend = z.object({
  subject: z.string(),
  yearGroup: z.string(),
  follow: z.enum(['cohort', 'yearGroup']),
  groupBy: groupBySchema,
  schoolId: uuid.nullable(),
  label: z.string(),
  pupilLevel: z.boolean(),
  points: z.array(z.object({ assessment, groups: z.array(groupCell), gap: gapSchema.nullable() })),
  /** Between consecutive points that can both be shown. */
  changes: z.array(trendChange),
  /** From the first to the last point that can be shown. */
  overall: trendChange.nullable(),
});
export type GapTrendResult = z.infer<typeof gapTrend>;

/** DfE gap index (methods.md §2) for a year group at one collection point, per school and trust. */
export const gapIndexQuery = z.strictObject({
  academicYear: z.string().min(1).max(20),
  collectionPoint: z.string().min(1).max(60),
  yearGroup: z.string().min(1).max(10),
  /** Comma-separated; each pupil's value is the mean of these subjects (default English and maths). */
  subjects: z.string().max(300).default('English,Maths'),
});
export type GapIndexQuery = z.infer<typeof gapIndexQuery>;
export const gapIndexResult = z.object({
  academicYear: z.string(),
  collectionPoint: z.string(),
  yearGroup: z.string(),
  subjects: z.array(z.string()),
  scopes: z.array(
    z.object({
      scope: z.enum(['trust', 'school']),
      schoolId: uuid.nullable(),
      label: z.string(),
      n: z.number().int().nullable(),
      nDisadvantaged: z.number().int().nullable(),
      gapIndex: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
export type GapIndexResult = z.infer<typeof gapIndexResult>;
