import { z } from 'zod';
import { isoDate, text, uuid } from './common';

export const phases = ['explore', 'prepare', 'deliver', 'sustain'] as const;
export const phaseSchema = z.enum(phases);
export type Phase = z.infer<typeof phaseSchema>;
export const phaseLabels: Record<Phase, string> = {
  explore: 'Explore',
  prepare: 'Prepare',
  deliver: 'Deliver',
  sustain: 'Sustain',
};
/** Prompts for the EEF's 2024 implementation behaviours, shown beside every phase. */
export const behaviourPrompts = {
  engage: 'Engage: who needs to be involved or told - staff, pupils, parents - and how?',
  unite: 'Unite: what shared understanding and common practice does this need?',
  reflect: 'Reflect: what are pupils’ needs, is it feasible here, and what will show it is working?',
} as const;

export const checkMethods = [
  'data_drop',
  'lesson_visits',
  'work_scrutiny',
  'pupil_voice',
  'staff_voice',
  'survey',
  'assessment',
  'other',
] as const;
export const checkMethodSchema = z.enum(checkMethods);
export const checkMethodLabels: Record<z.infer<typeof checkMethodSchema>, string> = {
  data_drop: 'Data drop',
  lesson_visits: 'Lesson visits',
  work_scrutiny: 'Work scrutiny',
  pupil_voice: 'Pupil voice',
  staff_voice: 'Staff voice',
  survey: 'Survey',
  assessment: 'Assessment',
  other: 'Other',
};
export const ragSchema = z.enum(['red', 'amber', 'green']);
export const checkResponseSchema = z.enum(['continue', 'adapt', 'stop', 'scale']);
export const actionStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'dropped']);

/** A refinement that one ISO date field is on or after another, reported on the later field. */
const dateOrder = <T extends Record<string, unknown>>(
  from: keyof T & string,
  to: keyof T & string,
  message: string,
): [(v: T) => boolean, { message: string; path: string[] }] => [
  (v: T) => !v[from] || !v[to] || String(v[to]) >= String(v[from]),
  { message, path: [to] },
];

export const planFields = {
  title: text(200),
  periodStart: isoDate,
  periodEnd: isoDate,
  ownerPersonId: uuid.nullable().optional(),
  reviewEveryWeeks: z.number().int().min(1).max(52).default(6),
};
/** The rules a plan keeps whether it is being created or edited. */
export const withPlanRules = <S extends z.ZodType<{ periodStart: string; periodEnd: string }>>(schema: S) =>
  schema.refine(
    ...dateOrder<{ periodStart: string; periodEnd: string }>(
      'periodStart',
      'periodEnd',
      'The plan must end after it starts',
    ),
  );
export const createPlanBody = withPlanRules(
  z.strictObject({
    ...planFields,
    schoolId: uuid.nullable().optional(),
    departmentId: uuid.nullable().optional(),
  }),
);
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const outcomeFields = {
  description: text(500),
  measure: text(300),
  unit: z.string().trim().max(30).default(''),
  numeric: z.boolean().default(true),
  direction: z.enum(['up', 'down']).default('up'),
  groupLabel: text(100).default('All pupils'),
  baselineValue: text(50),
  baselineOn: isoDate,
  targetValue: text(50),
  targetOn: isoDate,
};
type OutcomeRuleInput = {
  numeric: boolean;
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
};
/** The rules an outcome keeps whether it is being created or edited. */
export const withOutcomeRules = <S extends z.ZodType<OutcomeRuleInput>>(schema: S) =>
  schema
    .refine(
      ...dateOrder<OutcomeRuleInput>(
        'baselineOn',
        'targetOn',
        'The target date must be after the baseline date',
      ),
    )
    .refine((o) => !o.numeric || Number.isFinite(Number(o.baselineValue)), {
      message: 'Enter a number',
      path: ['baselineValue'],
    })
    .refine((o) => !o.numeric || Number.isFinite(Number(o.targetValue)), {
      message: 'Enter a number',
      path: ['targetValue'],
    });
export const outcomeBody = withOutcomeRules(z.strictObject(outcomeFields));
export type OutcomeBody = z.infer<typeof outcomeBody>;

export const actionFields = {
  description: text(500),
  ownerPersonId: uuid,
  startsOn: isoDate,
  dueOn: isoDate,
  resources: z.string().trim().max(500).default(''),
  status: actionStatusSchema.default('not_started'),
};
/** The rules an action keeps whether it is being created or edited. */
export const withActionRules = <S extends z.ZodType<{ startsOn: string; dueOn: string }>>(schema: S) =>
  schema.refine(
    ...dateOrder<{ startsOn: string; dueOn: string }>(
      'startsOn',
      'dueOn',
      'The due date must be on or after the start date',
    ),
  );
export const actionBody = withActionRules(z.strictObject(actionFields));
export type ActionBody = z.infer<typeof actionBody>;
export const actionStatusBody = z.strictObject({
  version: z.number().int().positive(),
  status: actionStatusSchema,
});

export const planCheckBody = z.strictObject({
  dueOn: isoDate,
  method: checkMethodSchema,
  outcomeIds: z.array(uuid).max(20).default([]),
  ownerPersonId: uuid.nullable().optional(),
});
export type PlanCheckBody = z.infer<typeof planCheckBody>;

export const recordCheckBody = z
  .strictObject({
    version: z.number().int().positive(),
    recordedOn: isoDate,
    findings: text(4000),
    values: z
      .array(z.strictObject({ outcomeId: uuid, value: text(50) }))
      .max(20)
      .default([]),
    rag: ragSchema,
    response: checkResponseSchema,
    responseDetail: z.string().trim().max(2000).default(''),
    deimplementation: z
      .strictObject({
        evidence: z.string().trim().max(2000).default(''),
        timeFreed: z.string().trim().max(200).default(''),
        moneyFreed: z.string().trim().max(200).default(''),
      })
      .optional(),
  })
  .refine((c) => c.response !== 'adapt' || c.responseDetail.length > 0, {
    message: 'Say what will change',
    path: ['responseDetail'],
  })
  .refine((c) => c.response !== 'stop' || c.responseDetail.length > 0, {
    message: 'Say why it is being stopped',
    path: ['responseDetail'],
  });
export type RecordCheckBody = z.infer<typeof recordCheckBody>;

export const createPriorityBody = z.strictObject({
  title: text(300),
  rationale: z.string().trim().max(4000).default(''),
  statementIds: z.array(uuid).max(30).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  ownerPersonId: uuid.nullable().optional(),
});
export type CreatePriorityBody = z.infer<typeof createPriorityBody>;

export const priorityFromJudgementBody = z.strictObject({ responseId: uuid, planId: uuid.optional() });

export const movePhaseBody = z.strictObject({
  version: z.number().int().positive(),
  to: phaseSchema,
  reason: text(2000),
});
export const phaseNotesBody = z.strictObject({
  version: z.number().int().positive(),
  phase: phaseSchema,
  notes: z.string().trim().max(8000),
});

export const outcome = z.object({
  id: uuid,
  description: z.string(),
  measure: z.string(),
  unit: z.string(),
  numeric: z.boolean(),
  direction: z.enum(['up', 'down']),
  groupLabel: z.string(),
  baselineValue: z.string(),
  baselineOn: isoDate,
  targetValue: z.string(),
  targetOn: isoDate,
  version: z.number().int(),
  /** The latest recorded value from an impact check, if any. */
  latestValue: z.string().nullable(),
  latestOn: isoDate.nullable(),
  onTrack: z.boolean().nullable(),
});
export type Outcome = z.infer<typeof outcome>;

export const planAction = z.object({
  id: uuid,
  description: z.string(),
  ownerPersonId: uuid.nullable(),
  ownerName: z.string().nullable(),
  startsOn: isoDate,
  dueOn: isoDate,
  resources: z.string(),
  status: actionStatusSchema,
  overdue: z.boolean(),
  version: z.number().int(),
});

export const impactCheck = z.object({
  id: uuid,
  dueOn: isoDate,
  method: checkMethodSchema,
  outcomeIds: z.array(uuid),
  ownerPersonId: uuid.nullable(),
  ownerName: z.string().nullable(),
  recordedOn: isoDate.nullable(),
  findings: z.string(),
  values: z.array(z.object({ outcomeId: uuid, value: z.string() })),
  rag: ragSchema.nullable(),
  response: checkResponseSchema.nullable(),
  responseDetail: z.string(),
  state: z.enum(['planned', 'due', 'overdue', 'recorded']),
  version: z.number().int(),
});
export type ImpactCheck = z.infer<typeof impactCheck>;

export const priority = z.object({
  id: uuid,
  planId: uuid,
  title: z.string(),
  rationale: z.string(),
  phase: phaseSchema,
  status: z.enum(['active', 'stopped', 'completed']),
  statements: z.array(z.object({ id: uuid, code: z.string(), text: z.string() })),
  tags: z.array(z.string()),
  phaseNotes: z.record(z.string(), z.string()),
  ownerPersonId: uuid.nullable(),
  version: z.number().int(),
  outcomes: z.array(outcome),
  actions: z.array(planAction),
  checks: z.array(impactCheck),
  phaseMoves: z.array(
    z.object({ from: phaseSchema, to: phaseSchema, reason: z.string(), movedAt: z.string() }),
  ),
});
export type Priority = z.infer<typeof priority>;

export const plan = z.object({
  id: uuid,
  title: z.string(),
  schoolId: uuid.nullable(),
  schoolName: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  periodStart: isoDate,
  periodEnd: isoDate,
  ownerPersonId: uuid.nullable(),
  ownerName: z.string().nullable(),
  reviewEveryWeeks: z.number().int(),
  status: z.enum(['active', 'archived']),
  version: z.number().int(),
});
export type Plan = z.infer<typeof plan>;
export const planDetail = plan.extend({
  priorities: z.array(priority),
  permissions: z.object({ write: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planOverview = z.object({
  plans: z.array(
    plan.extend({
      priorities: z.number().int(),
      byPhase: z.record(z.string(), z.number().int()),
      overdueChecks: z.number().int(),
      stopped: z.number().int(),
    }),
  ),
  deimplemented: z.array(
    z.object({
      priorityId: uuid,
      planId: uuid,
      title: z.string(),
      schoolName: z.string().nullable(),
      stoppedOn: isoDate,
      reason: z.string(),
      evidence: z.string(),
      timeFreed: z.string(),
      moneyFreed: z.string(),
    }),
  ),
});
export type PlanOverview = z.infer<typeof planOverview>;

export const weekItem = z.object({
  kind: z.enum(['action', 'check']),
  id: uuid,
  title: z.string(),
  dueOn: isoDate,
  overdue: z.boolean(),
  planId: uuid,
  planTitle: z.string(),
  priorityId: uuid,
  priorityTitle: z.string(),
  schoolName: z.string().nullable(),
});
export type WeekItem = z.infer<typeof weekItem>;
export const agenda = z.object({
  personId: uuid,
  on: isoDate,
  items: z.array(weekItem),
  offTrackOutcomes: z.array(
    z.object({
      outcomeId: uuid,
      description: z.string(),
      priorityTitle: z.string(),
      latestValue: z.string(),
      targetValue: z.string(),
    }),
  ),
});
export type Agenda = z.infer<typeof agenda>;

export const meetingBody = z
  .strictObject({
    kind: z.enum(['line_management', 'liaison']).default('line_management'),
    schoolId: uuid.nullable().optional(),
    heldOn: isoDate,
    notes: z.string().trim().max(8000).default(''),
    actionsAgreed: z.string().trim().max(4000).default(''),
    nextOn: isoDate.nullable().optional(),
    items: z
      .array(
        z.strictObject({
          kind: z.enum(['action', 'check', 'outcome', 'other']),
          itemId: uuid.nullable().optional(),
          title: text(300),
          note: z.string().trim().max(2000).default(''),
          decision: z.string().trim().max(2000).default(''),
        }),
      )
      .max(100)
      .default([]),
  })
  .refine((m) => !m.nextOn || m.nextOn > m.heldOn, {
    message: 'The next meeting must be after this one',
    path: ['nextOn'],
  });
export type MeetingBody = z.infer<typeof meetingBody>;

export const meeting = z.object({
  id: uuid,
  personId: uuid,
  kind: z.enum(['line_management', 'liaison']),
  schoolId: uuid.nullable(),
  heldOn: isoDate,
  notes: z.string(),
  actionsAgreed: z.string(),
  nextOn: isoDate.nullable(),
  createdByName: z.string().nullable(),
  items: z.array(
    z.object({
      kind: z.string(),
      itemId: uuid.nullable(),
      title: z.string(),
      note: z.string(),
      decision: z.string(),
    }),
  ),
});
export const meetingList = z.object({ meetings: z.array(meeting) });
export const preferencesBody = z.strictObject({ digestEnabled: z.boolean() });
export const preferences = z.object({ digestEnabled: z.boolean() });

export const levelSchema = z.enum(['low', 'medium', 'high']);
export const barrierBody = z.strictObject({
  risk: text(500),
  likelihood: levelSchema,
  impact: levelSchema,
  warningSign: z.string().trim().max(500).default(''),
  contingency: z.string().trim().max(1000).default(''),
  ownerPersonId: uuid.nullable().optional(),
});
export const barrier = z.object({
  id: uuid,
  risk: z.string(),
  likelihood: levelSchema,
  impact: levelSchema,
  warningSign: z.string(),
  contingency: z.string(),
  ownerPersonId: uuid.nullable(),
});

export const supportKindSchema = z.enum(['coaching', 'mentoring', 'cpd', 'supervision']);
export const supportBody = z.strictObject({
  kind: supportKindSchema,
  providerPersonId: uuid.nullable().optional(),
  recipientPersonId: uuid.nullable().optional(),
  startedOn: isoDate,
  sessionsHeld: z.number().int().min(0).max(1000).default(0),
  notes: z.string().trim().max(4000).default(''),
});
export const support = z.object({
  id: uuid,
  kind: supportKindSchema,
  providerPersonId: uuid.nullable(),
  providerName: z.string().nullable(),
  recipientPersonId: uuid.nullable(),
  recipientName: z.string().nullable(),
  startedOn: isoDate,
  sessionsHeld: z.number().int(),
  notes: z.string(),
});

export const fidelityMeasureBody = z.strictObject({
  name: text(300),
  unit: z.string().trim().max(30).default(''),
  target: z.number().finite().nullable().optional(),
});
export const fidelityValueBody = z.strictObject({
  recordedOn: isoDate,
  value: z.number().finite(),
  note: z.string().trim().max(1000).default(''),
});
export const fidelityMeasure = z.object({
  id: uuid,
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  values: z.array(z.object({ recordedOn: isoDate, value: z.number(), note: z.string() })),
});

/** The extras around a priority: barriers, support and fidelity, fetched with the priority. */
export const prioritySupport = z.object({
  barriers: z.array(barrier),
  support: z.array(support),
  fidelity: z.array(fidelityMeasure),
});
export type PrioritySupport = z.infer<typeof prioritySupport>;

export const capacityQuery = z.strictObject({ from: isoDate, to: isoDate });
export const capacity = z.object({
  from: isoDate,
  to: isoDate,
  people: z.array(
    z.object({
      personId: uuid,
      name: z.string(),
      actions: z.number().int(),
      openActions: z.number().int(),
      prioritiesOwned: z.number().int(),
      checks: z.number().int(),
    }),
  ),
});

/** A liaison's agenda for a regular meeting with a school. */
export const schoolAgenda = z.object({
  schoolId: uuid,
  on: isoDate,
  items: z.array(weekItem),
  evaluations: z.array(
    z.object({
      subjectId: uuid,
      roundName: z.string(),
      toolName: z.string(),
      departmentName: z.string().nullable(),
      status: z.enum(['draft', 'submitted', 'agreed']),
      closesOn: isoDate,
      judged: z.number().int(),
      statements: z.number().int(),
    }),
  ),
  support: z.array(
    z.object({
      priorityTitle: z.string(),
      kind: z.string(),
      providerName: z.string().nullable(),
      sessionsHeld: z.number().int(),
      startedOn: isoDate,
    }),
  ),
});
export type SchoolAgenda = z.infer<typeof schoolAgenda>;
