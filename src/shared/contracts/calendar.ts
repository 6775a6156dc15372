import { z } from 'zod';
import { isoDate, text, uuid } from './common';
import { gradeSetKey } from './grade-sets';

export const termNames = ['autumn', 'spring', 'summer'] as const;
export const termName = z.enum(termNames);
export type TermName = z.infer<typeof termName>;
export const termLabels: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

export const assessmentTypes = ['test', 'teacher_assessment', 'mock', 'statutory'] as const;
export const assessmentType = z.enum(assessmentTypes);
export type AssessmentType = z.infer<typeof assessmentType>;
export const assessmentTypeLabels: Record<AssessmentType, string> = {
  test: 'Test',
  teacher_assessment: 'Teacher assessment',
  mock: 'Mock exam',
  statutory: 'Statutory',
};

/** "2025/26": the year starting 1 September 2025 and ending 31 August 2026. */
export const academicYearLabel = z
  .string()
  .trim()
  .regex(/^\d{4}\/\d{2}$/, 'Use an academic year such as 2025/26')
  .refine(
    (v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)),
    'The second year must follow the first, as in 2025/26',
  );

export const yearGroupCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(Y([1-9]|1[0-3])|R|N[12]?)$/, 'Use Y1 to Y13, R, N1 or N2');

export const term = z.strictObject({
  name: termName,
  startsOn: isoDate,
  endsOn: isoDate,
  halfTermStartsOn: isoDate.nullable(),
  halfTermEndsOn: isoDate.nullable(),
});
export type Term = z.infer<typeof term>;

const version = z.number().int().positive();

export const createYearBody = z.strictObject({
  label: academicYearLabel,
  /** Omitted: typical English term dates for the year, which can be edited afterwards. */
  terms: z.array(term).length(3, 'Give the autumn, spring and summer terms').optional(),
});
export type CreateYearBody = z.infer<typeof createYearBody>;
export const updateYearBody = z.strictObject({
  version,
  terms: z.array(term).length(3, 'Give the autumn, spring and summer terms'),
});
export type UpdateYearBody = z.infer<typeof updateYearBody>;

export const defaultsQuery = z.strictObject({ label: academicYearLabel });

export const academicYear = z.object({
  id: uuid,
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  version: z.number().int(),
  terms: z.array(term),
});
export type AcademicYear = z.infer<typeof academicYear>;
export const yearList = z.object({ years: z.array(academicYear) });
export const yearDefaults = z.object({
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  terms: z.array(term),
});

export const collectionPointBody = z.strictObject({
  name: text(120),
  collectOn: isoDate,
  yearGroups: z.array(yearGroupCode).min(1, 'Choose at least one year group').max(16),
});
export type CollectionPointBody = z.infer<typeof collectionPointBody>;
export const updateCollectionPointBody = collectionPointBody.partial().extend({ version });
export type UpdateCollectionPointBody = z.infer<typeof updateCollectionPointBody>;

export const plannedAssessmentBody = z.strictObject({
  name: text(120),
  subject: text(80),
  yearGroup: yearGroupCode,
  type: assessmentType,
  plannedOn: isoDate,
  collectionPointId: uuid.nullable().optional(),
  gradeSetKey: gradeSetKey.nullable().optional(),
});
export type PlannedAssessmentBody = z.infer<typeof plannedAssessmentBody>;
export const updatePlannedAssessmentBody = plannedAssessmentBody.partial().extend({ version });
export type UpdatePlannedAssessmentBody = z.infer<typeof updatePlannedAssessmentBody>;

export const versionQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export const collectionPoint = z.object({
  id: uuid,
  name: z.string(),
  collectOn: isoDate,
  term: termName.nullable(),
  yearGroups: z.array(z.string()),
  version: z.number().int(),
  /** The planned assessments that feed this collection point, and whether their results are in. */
  assessments: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      subject: z.string(),
      yearGroup: z.string(),
      received: z.boolean(),
    }),
  ),
});
export type CollectionPoint = z.infer<typeof collectionPoint>;

export const plannedStatuses = ['received', 'awaited', 'upcoming'] as const;
export const plannedStatus = z.enum(plannedStatuses);
export type PlannedStatus = z.infer<typeof plannedStatus>;

export const plannedAssessment = z.object({
  id: uuid,
  name: z.string(),
  subject: z.string(),
  yearGroup: z.string(),
  type: assessmentType,
  plannedOn: isoDate,
  term: termName.nullable(),
  collectionPointId: uuid.nullable(),
  collectionPointName: z.string().nullable(),
  gradeSetKey: z.string().nullable(),
  version: z.number().int(),
  /** Results imported for it (linked by subject, year group, and name or collection point). */
  received: z.object({ results: z.number().int(), schools: z.number().int() }).nullable(),
  /** received; awaited: its date has passed with no results; upcoming. */
  status: plannedStatus,
});
export type PlannedAssessment = z.infer<typeof plannedAssessment>;

/** More than three collection points for a year group in a year: shown, never blocking. */
export const workloadWarning = z.object({
  yearGroup: z.string(),
  count: z.number().int(),
  collectionPoints: z.array(z.string()),
  message: z.string(),
});
export type WorkloadWarning = z.infer<typeof workloadWarning>;

export const calendarYear = z.object({
  year: academicYear,
  collectionPoints: z.array(collectionPoint),
  /** By date, each with its term. */
  assessments: z.array(plannedAssessment),
  warnings: z.array(workloadWarning),
});
export type CalendarYear = z.infer<typeof calendarYear>;
