import { z } from 'zod';
import { assessment, interventionImpactResult } from './analysis';
import { isoDate, text, uuid } from './common';

/** The interventions register: pupil-level programmes, their pupils, attendance and impact. */
export const interventionTypeSchema = z.enum([
  'tutoring',
  'reading_catch_up',
  'maths_catch_up',
  'mentoring',
  'attendance_support',
  'other',
]);
export type InterventionType = z.infer<typeof interventionTypeSchema>;
export const interventionTypeText: Record<InterventionType, string> = {
  tutoring: 'Tutoring',
  reading_catch_up: 'Reading catch-up',
  maths_catch_up: 'Maths catch-up',
  mentoring: 'Mentoring',
  attendance_support: 'Attendance support',
  other: 'Other',
};
export const interventionStatusSchema = z.enum(['planned', 'running', 'ended', 'stopped']);
export type InterventionStatus = z.infer<typeof interventionStatusSchema>;
export const interventionStatusText: Record<InterventionStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  ended: 'Ended',
  stopped: 'Stopped',
};

/** Every change carries the version the editor saw; a newer one on the server answers 409. */
const version = z.number().int().positive();

const fields = {
  priorityId: uuid.nullable().default(null),
  name: text(200),
  type: interventionTypeSchema,
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  leadPersonId: uuid.nullable().default(null),
  plannedSessions: z.number().int().min(0).max(1000),
  notes: z.string().trim().max(4000).default(''),
  status: interventionStatusSchema.default('planned'),
  /** The assessments the impact is measured on: before (baseline) and after (outcome). */
  baselineAssessmentId: uuid.nullable().default(null),
  outcomeAssessmentId: uuid.nullable().default(null),
  /** Compare with pupils matched on baseline and disadvantage, or with every other pupil of the year. */
  matchedComparison: z.boolean().default(true),
};
const endsAfterStart = (v: { startsOn: string; endsOn: string | null }) =>
  !v.endsOn || v.endsOn >= v.startsOn;
const endsMessage = { message: 'The end date must not be before the start date.', path: ['endsOn'] };

export const createInterventionBody = z
  .strictObject({ schoolId: uuid, ...fields })
  .refine(endsAfterStart, endsMessage);
export type CreateInterventionBody = z.infer<typeof createInterventionBody>;
export const editInterventionBody = z
  .strictObject({ version, ...fields })
  .refine(endsAfterStart, endsMessage);
export type EditInterventionBody = z.infer<typeof editInterventionBody>;
export const versionQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export const interventionListQuery = z.strictObject({
  schoolId: uuid.optional(),
  type: interventionTypeSchema.optional(),
  status: interventionStatusSchema.optional(),
});
export type InterventionListQuery = z.infer<typeof interventionListQuery>;

export const interventionSummary = z.object({
  id: uuid,
  schoolId: uuid,
  schoolName: z.string(),
  priorityId: uuid.nullable(),
  priorityTitle: z.string().nullable(),
  name: z.string(),
  type: interventionTypeSchema,
  status: interventionStatusSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  leadPersonId: uuid.nullable(),
  leadName: z.string().nullable(),
  plannedSessions: z.number().int(),
  sessionsHeld: z.number().int(),
  /** Null when fewer than the suppression threshold and the reader may not see pupils. */
  pupilCount: z.number().int().nullable(),
  version: z.number().int(),
});
export type InterventionSummary = z.infer<typeof interventionSummary>;
export const interventionList = z.object({ interventions: z.array(interventionSummary) });

export const interventionPupil = z.object({
  pupilId: uuid,
  name: z.string(),
  yearGroup: z.string(),
  disadvantaged: z.boolean(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  /** Sessions held while the pupil was in the group, and how many of them they attended. */
  possible: z.number().int(),
  attended: z.number().int(),
  attendanceRate: z.number().nullable(),
  /** Sessions attended over sessions planned. */
  dosage: z.number().nullable(),
});
export type InterventionPupil = z.infer<typeof interventionPupil>;
export const interventionSession = z.object({
  id: uuid,
  heldOn: z.string(),
  attendedPupilIds: z.array(uuid),
});

export const interventionDetail = interventionSummary.extend({
  notes: z.string(),
  baselineAssessmentId: uuid.nullable(),
  outcomeAssessmentId: uuid.nullable(),
  matchedComparison: z.boolean(),
  /** False for readers without pupil-level access: then pupils and sessions are null. */
  pupilLevel: z.boolean(),
  canEdit: z.boolean(),
  pupils: z.array(interventionPupil).nullable(),
  sessions: z.array(interventionSession).nullable(),
  meanAttendanceRate: z.number().nullable(),
  meanDosage: z.number().nullable(),
  suppressionThreshold: z.number().int(),
});
export type InterventionDetail = z.infer<typeof interventionDetail>;

export const addPupilsBody = z.strictObject({
  version,
  pupilIds: z.array(uuid).min(1).max(1000),
  joinedOn: isoDate.optional(),
});
export const upnUploadBody = z.strictObject({
  version,
  /** The text of a CSV file with a UPN column (or one UPN per line). */
  csv: z.string().max(200_000),
  joinedOn: isoDate.optional(),
});
export const editMembershipBody = z
  .strictObject({ version, joinedOn: isoDate, leftOn: isoDate.nullable() })
  .refine((v) => !v.leftOn || v.leftOn >= v.joinedOn, {
    message: 'A pupil cannot leave before they joined.',
    path: ['leftOn'],
  });
export const membershipParams = z.strictObject({ id: uuid, pupilId: uuid });
export const recordSessionBody = z.strictObject({
  version,
  heldOn: isoDate,
  /** Pupils marked present; every other pupil in the group on that day is marked absent. */
  attendedPupilIds: z.array(uuid).max(1000),
});
export const sessionParams = z.strictObject({ id: uuid, sessionId: uuid });

export const rejectedUpnRow = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type RejectedUpnRow = z.infer<typeof rejectedUpnRow>;

export const candidatesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  yearGroup: z.string().trim().min(1).max(10).optional(),
  disadvantaged: z.enum(['true', 'false']).optional(),
});
export type CandidatesQuery = z.infer<typeof candidatesQuery>;
export const candidateList = z.object({
  pupils: z.array(
    z.object({ id: uuid, name: z.string(), yearGroup: z.string(), disadvantaged: z.boolean() }),
  ),
  /** How many matched; only the first 200 are listed. */
  total: z.number().int(),
  yearGroups: z.array(z.string()),
});

const impactFigures = interventionImpactResult.shape.overall;
export const interventionImpactView = z.object({
  interventionId: uuid,
  baselineAssessment: assessment.nullable(),
  outcomeAssessment: assessment.nullable(),
  comparison: z.enum(['matched', 'others']),
  /** Why no figures are shown, in plain words; null when they are. */
  unavailable: z.string().nullable(),
  /** Hidden for readers without pupil-level access because a group is below the threshold. */
  suppressed: z.boolean(),
  suppressionThreshold: z.number().int(),
  overall: impactFigures.nullable(),
  disadvantaged: impactFigures.nullable(),
  /** Caveats about the register itself (pupils who left, low dosage), beside those of the statistics. */
  notes: z.array(z.string()),
});
export type InterventionImpactView = z.infer<typeof interventionImpactView>;

export const priorityInterventions = z.object({
  interventions: z.array(z.object({ intervention: interventionSummary, impact: interventionImpactView })),
});
