import { z } from 'zod';
import { isoDate, uuid } from './common';

/** Finding a pupil in one school: by name (any part) or by UPN. */
export const pupilSearchQuery = z.strictObject({
  schoolId: uuid,
  q: z.string().trim().min(2, 'Type at least two letters').max(80),
});
export type PupilSearchQuery = z.infer<typeof pupilSearchQuery>;

export const pupilSummary = z.object({
  id: uuid,
  givenName: z.string(),
  familyName: z.string(),
  yearGroup: z.string(),
  dateOfBirth: isoDate,
  /** False for a pupil whose enrolments have all ended. */
  onRoll: z.boolean(),
});
export type PupilSummary = z.infer<typeof pupilSummary>;
export const pupilSearchResult = z.object({
  pupils: z.array(pupilSummary),
  /** More pupils matched than are listed: the search should be narrowed. */
  more: z.boolean(),
});

const characteristics = z.object({
  disadvantaged: z.boolean(),
  fsm: z.boolean(),
  pupilPremium: z.boolean(),
  lookedAfter: z.boolean(),
  adoptedFromCare: z.boolean(),
  serviceChild: z.boolean(),
  sen: z.enum(['N', 'K', 'E']),
  senPrimaryNeed: z.string().nullable(),
  eal: z.boolean(),
  ethnicity: z.string(),
  ks2Reading: z.number().nullable(),
  ks2Maths: z.number().nullable(),
  priorAttainmentBand: z.enum(['low', 'middle', 'high']).nullable(),
});
export type PupilCharacteristics = z.infer<typeof characteristics>;

/** Everything held about one pupil, for those who keep or teach in the pupil's school. */
export const pupilRecord = z.object({
  pupil: pupilSummary.extend({
    upn: z.string().nullable(),
    sex: z.string(),
    schoolId: uuid,
    schoolName: z.string(),
  }),
  current: characteristics,
  /** Periods of characteristics, newest first; `to` null is still in force. */
  history: z.array(z.object({ from: isoDate, to: isoDate.nullable(), values: characteristics })),
  /** Newest first; `start` is null when the entry date was never given (the stay is held from birth). */
  enrolments: z.array(
    z.object({ schoolName: z.string(), start: isoDate.nullable(), end: isoDate.nullable() }),
  ),
  /** Newest first, each result in its grade set's notation. */
  results: z.array(
    z.object({
      assessment: z.string(),
      subject: z.string(),
      yearGroup: z.string(),
      academicYear: z.string(),
      collectionPoint: z.string(),
      takenOn: isoDate,
      result: z.string(),
    }),
  ),
  /** Newest first; persistent absence is attendance below 90%. */
  attendance: z.array(
    z.object({
      from: isoDate,
      to: isoDate,
      possible: z.number().int(),
      attended: z.number().int(),
      percent: z.number().nullable(),
      persistentAbsence: z.boolean(),
    }),
  ),
  interventions: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      type: z.string(),
      joinedOn: isoDate,
      leftOn: isoDate.nullable(),
      sessionsHeld: z.number().int(),
      sessionsAttended: z.number().int(),
    }),
  ),
});
export type PupilRecord = z.infer<typeof pupilRecord>;
