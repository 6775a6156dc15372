import { z } from 'zod';
import { isoDate, text, uuid } from './common';
import { completedBySchema, scale } from './frameworks';

export const cycleSchema = z.enum(['termly', 'biannual', 'annual', 'one_off']);
export const subjectStatus = z.enum(['draft', 'submitted', 'agreed']);
export type SubjectStatus = z.infer<typeof subjectStatus>;

export const createRoundBody = z
  .strictObject({
    name: text(200),
    cycle: cycleSchema,
    opensOn: isoDate,
    closesOn: isoDate,
    toolVersionIds: z.array(uuid).min(1).max(20),
    schools: z
      .array(z.strictObject({ schoolId: uuid, liaisonPersonId: uuid.nullable().optional() }))
      .max(500)
      .default([]),
    /** Liaison for trust-level tools (completed once by the trust). */
    trustLiaisonPersonId: uuid.nullable().optional(),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    message: 'The round must close on or after the day it opens',
    path: ['closesOn'],
  });
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const nextRoundBody = z
  .strictObject({ name: text(200), opensOn: isoDate, closesOn: isoDate })
  .refine((r) => r.closesOn >= r.opensOn, {
    message: 'The round must close on or after the day it opens',
    path: ['closesOn'],
  });

export const progress = z.object({
  statements: z.number().int(),
  judged: z.number().int(),
  leftForNextTime: z.number().int(),
  agreed: z.number().int(),
});
export type Progress = z.infer<typeof progress>;

export const roundSubject = z.object({
  id: uuid,
  toolVersionId: uuid,
  toolName: z.string(),
  completedBy: completedBySchema,
  schoolId: uuid.nullable(),
  schoolName: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  liaisonPersonId: uuid.nullable(),
  liaisonName: z.string().nullable(),
  status: subjectStatus,
  version: z.number().int(),
  progress,
});
export type RoundSubject = z.infer<typeof roundSubject>;

export const round = z.object({
  id: uuid,
  name: z.string(),
  cycle: cycleSchema,
  opensOn: isoDate,
  closesOn: isoDate,
  status: z.enum(['open', 'closed']),
  previousRoundId: uuid.nullable(),
  version: z.number().int(),
  subjectCount: z.number().int(),
});
export type Round = z.infer<typeof round>;
export const roundList = z.object({ rounds: z.array(round) });
export const roundDetail = round.extend({ subjects: z.array(roundSubject) });
export type RoundDetail = z.infer<typeof roundDetail>;

export const evidenceItem = z.strictObject({ sourceId: uuid, note: z.string().trim().max(1000).default('') });
export const change = z.enum(['up', 'down', 'same', 'new']).nullable();

export const response = z.object({
  id: uuid,
  statementId: uuid,
  selfValue: z.number().int().nullable(),
  selfReason: z.string(),
  evidence: z.array(z.object({ sourceId: uuid, note: z.string() })),
  notJudged: z.boolean(),
  notJudgedNote: z.string(),
  /** Null for readers who may see agreed judgements only, until agreed. */
  agreedValue: z.number().int().nullable(),
  agreedRationale: z.string(),
  carriedForward: z.boolean(),
  previousAgreedValue: z.number().int().nullable(),
  leftLastTime: z.boolean(),
  /** Agreed value against the previous round's agreed value for the same statement. */
  change,
  commentCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type EvaluationResponse = z.infer<typeof response>;

export const subjectDetail = z.object({
  subject: roundSubject,
  round,
  scale,
  aspects: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      description: z.string(),
      statements: z.array(
        z.object({
          id: uuid,
          code: z.string(),
          text: z.string(),
          guidance: z.string(),
          tags: z.array(z.string()),
        }),
      ),
    }),
  ),
  responses: z.array(response),
  permissions: z.object({ respond: z.boolean(), agree: z.boolean() }),
});
export type SubjectDetail = z.infer<typeof subjectDetail>;

export const respondBody = z
  .strictObject({
    version: z.number().int().positive(),
    selfValue: z.number().int().nullable().optional(),
    selfReason: z.string().trim().max(4000).optional(),
    evidence: z.array(evidenceItem).max(30).optional(),
    notJudged: z.boolean().optional(),
    notJudgedNote: z.string().trim().max(2000).optional(),
  })
  .refine((b) => !(b.notJudged === true && b.selfValue !== undefined && b.selfValue !== null), {
    message: 'A statement left until next time cannot also have a judgement',
    path: ['selfValue'],
  });
export type RespondBody = z.infer<typeof respondBody>;

export const agreeBody = z.strictObject({
  version: z.number().int().positive(),
  agreedValue: z.number().int(),
  agreedRationale: z.string().trim().max(4000).default(''),
});
export type AgreeBody = z.infer<typeof agreeBody>;

export const versionOnly = z.strictObject({ version: z.number().int().positive() });

export const comment = z.object({
  id: uuid,
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const commentList = z.object({ comments: z.array(comment) });
export const commentBody = z.strictObject({ body: text(4000) });

export const heatmapQuery = z.strictObject({
  phase: z.string().max(40).optional(),
  area: z.string().max(40).optional(),
  toolVersionId: uuid.optional(),
  liaisonPersonId: uuid.optional(),
});
export const heatmap = z.object({
  round,
  scale,
  columns: z.array(
    z.object({
      statementId: uuid,
      code: z.string(),
      text: z.string(),
      aspect: z.string(),
      toolName: z.string(),
      toolVersionId: uuid,
    }),
  ),
  rows: z.array(
    z.object({
      subjectId: uuid,
      toolVersionId: uuid,
      schoolId: uuid.nullable(),
      label: z.string(),
      phase: z.string().nullable(),
      liaisonName: z.string().nullable(),
      status: subjectStatus,
    }),
  ),
  /** cells[row][column]: the agreed value, null when not agreed, 'left' when left until next time, 'na' when the row's tool lacks the statement. */
  cells: z.array(z.array(z.union([z.number().int(), z.literal('left'), z.literal('na'), z.null()]))),
  commonWeaknesses: z.array(
    z.object({
      statementId: uuid,
      code: z.string(),
      text: z.string(),
      toolName: z.string(),
      belowSecure: z.number().int(),
      judged: z.number().int(),
      share: z.number(),
    }),
  ),
});
export type Heatmap = z.infer<typeof heatmap>;

export const summary = z.object({
  round,
  previousRoundId: uuid.nullable(),
  tools: z.array(
    z.object({
      subjectId: uuid,
      toolName: z.string(),
      departmentName: z.string().nullable(),
      status: subjectStatus,
      progress,
      aspects: z.array(
        z.object({
          title: z.string(),
          distribution: z.record(z.string(), z.number().int()),
          up: z.number().int(),
          down: z.number().int(),
          same: z.number().int(),
          leftForNextTime: z.array(z.object({ code: z.string(), text: z.string(), note: z.string() })),
        }),
      ),
    }),
  ),
});
export type EvaluationSummary = z.infer<typeof summary>;

export const coverage = z.object({
  components: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      framework: z.string(),
      strand: z.string().nullable(),
      statements: z.number().int(),
      distribution: z.record(z.string(), z.number().int()),
    }),
  ),
});
