import { z } from 'zod';
import { isoDate, uuid } from './common';
import { phaseSchema as eefPhaseSchema } from './planning';

/** What a case study's evidence of impact measures, so readers can filter by it. */
export const measureKinds = [
  'attainment',
  'ks2_progress',
  'progress8',
  'attendance',
  'staff_retention',
  'ofsted',
  'other',
] as const;
export const measureKindSchema = z.enum(measureKinds);
export type MeasureKind = z.infer<typeof measureKindSchema>;
export const measureKindLabels: Record<MeasureKind, string> = {
  attainment: 'Attainment since joining',
  ks2_progress: 'KS2 progress',
  progress8: 'Progress 8',
  attendance: 'Attendance',
  staff_retention: 'Staff retention',
  ofsted: 'Ofsted',
  other: 'Other measure',
};

export const caseStudyStatuses = ['draft', 'in_review', 'published'] as const;
export const caseStudyStatusSchema = z.enum(caseStudyStatuses);
export type CaseStudyStatus = z.infer<typeof caseStudyStatusSchema>;
export const caseStudyStatusLabels: Record<CaseStudyStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};
export const visibilitySchema = z.enum(['trust', 'all_trusts']);
export type Visibility = z.infer<typeof visibilitySchema>;

const longText = (max = 8000) => z.string().trim().max(max);

/** Published figures about the schools involved: percentages and counts, never a pupil. */
export const demographics = z.strictObject({
  pupils: z.number().int().min(0).max(100000).nullable().default(null),
  disadvantagedPercent: z.number().min(0).max(100).nullable().default(null),
  senPercent: z.number().min(0).max(100).nullable().default(null),
  ealPercent: z.number().min(0).max(100).nullable().default(null),
});
export type Demographics = z.infer<typeof demographics>;

export const eefPhaseEntry = z.strictObject({ phase: eefPhaseSchema, summary: longText(4000) });

export const impactMeasure = z.strictObject({
  kind: measureKindSchema,
  measure: z.string().trim().min(1, 'Required').max(200),
  group: z.string().trim().max(100).default('All pupils'),
  unit: z.string().trim().max(20).default(''),
  before: z.string().trim().max(40),
  beforeOn: isoDate.nullable().default(null),
  after: z.string().trim().max(40),
  afterOn: isoDate.nullable().default(null),
  target: z.string().trim().max(40).nullable().default(null),
  source: z.string().trim().max(300).default(''),
});
export type ImpactMeasure = z.infer<typeof impactMeasure>;

export const contact = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120),
  role: z.string().trim().max(120).default(''),
  email: z.union([z.email(), z.literal('')]).default(''),
});

/** Every editable field of a case study (no defaults, so a partial update changes only what it names). */
const fieldShapes = {
  title: z.string().trim().min(1, 'Required').max(200),
  schoolCount: z.number().int().min(1).max(500),
  region: z.string().trim().max(100),
  phase: z.string().trim().max(40),
  demographics,
  problem: longText(),
  approach: longText(),
  eefPhases: z.array(eefPhaseEntry).max(4),
  impact: z.array(impactMeasure).max(30),
  lessons: longText(),
  doDifferently: longText(),
  contacts: z.array(contact).max(10),
  componentCodes: z.array(z.string().max(80)).max(30),
  statementIds: z.array(uuid).max(50),
  visibility: visibilitySchema,
};

export const caseStudyFields = z.strictObject({
  ...fieldShapes,
  schoolCount: fieldShapes.schoolCount.default(1),
  region: fieldShapes.region.default(''),
  phase: fieldShapes.phase.default(''),
  demographics: demographics.default({
    pupils: null,
    disadvantagedPercent: null,
    senPercent: null,
    ealPercent: null,
  }),
  problem: fieldShapes.problem.default(''),
  approach: fieldShapes.approach.default(''),
  eefPhases: fieldShapes.eefPhases.default([]),
  impact: fieldShapes.impact.default([]),
  lessons: fieldShapes.lessons.default(''),
  doDifferently: fieldShapes.doDifferently.default(''),
  contacts: fieldShapes.contacts.default([]),
  componentCodes: fieldShapes.componentCodes.default([]),
  statementIds: fieldShapes.statementIds.default([]),
  visibility: visibilitySchema.default('trust'),
});
export type CaseStudyFields = z.infer<typeof caseStudyFields>;

export const createCaseStudyBody = caseStudyFields.extend({ schoolId: uuid.nullable().default(null) });
export type CreateCaseStudyBody = z.infer<typeof createCaseStudyBody>;
export const updateCaseStudyBody = z
  .strictObject(fieldShapes)
  .partial()
  .extend({ version: z.number().int().positive() });
export type UpdateCaseStudyBody = z.infer<typeof updateCaseStudyBody>;

export const transitionBody = z.strictObject({
  version: z.number().int().positive(),
  to: caseStudyStatusSchema,
  note: z.string().trim().max(2000).default(''),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const caseStudy = z.object({
  id: uuid,
  trustName: z.string(),
  /** True when the case study belongs to the reader's own trust. */
  ownTrust: z.boolean(),
  schoolId: uuid.nullable(),
  schoolName: z.string().nullable(),
  sourcePriorityId: uuid.nullable(),
  title: z.string(),
  schoolCount: z.number().int(),
  region: z.string(),
  phase: z.string(),
  demographics,
  problem: z.string(),
  approach: z.string(),
  eefPhases: z.array(eefPhaseEntry),
  impact: z.array(impactMeasure),
  lessons: z.string(),
  doDifferently: z.string(),
  contacts: z.array(contact),
  components: z.array(z.object({ code: z.string(), strand: z.string().nullable(), label: z.string() })),
  statements: z.array(z.object({ id: uuid, code: z.string(), text: z.string() })),
  status: caseStudyStatusSchema,
  visibility: visibilitySchema,
  reviewNote: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  permissions: z.object({ edit: z.boolean(), review: z.boolean(), publish: z.boolean() }),
});
export type CaseStudy = z.infer<typeof caseStudy>;

export const caseStudySummary = z.object({
  id: uuid,
  title: z.string(),
  trustName: z.string(),
  ownTrust: z.boolean(),
  schoolName: z.string().nullable(),
  region: z.string(),
  phase: z.string(),
  status: caseStudyStatusSchema,
  visibility: visibilitySchema,
  componentCodes: z.array(z.string()),
  measureKinds: z.array(measureKindSchema),
  /** Text around the words searched for, with matches wrapped in [[ ]] (never HTML). */
  snippet: z.string(),
  rank: z.number(),
  updatedAt: z.string(),
});
export type CaseStudySummary = z.infer<typeof caseStudySummary>;

export const searchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  component: z.string().max(80).optional(),
  phase: z.string().max(40).optional(),
  region: z.string().max(100).optional(),
  measure: measureKindSchema.optional(),
  status: z.enum(['published', 'mine']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResult = z.object({
  results: z.array(caseStudySummary),
  facets: z.object({ regions: z.array(z.string()), phases: z.array(z.string()) }),
});
export type SearchResult = z.infer<typeof searchResult>;

export const suggestions = z.object({
  schoolId: uuid,
  roundName: z.string().nullable(),
  /** Statements judged below Secure in the school's latest round. */
  weakStatements: z.number().int(),
  results: z.array(caseStudySummary.extend({ matchedComponents: z.array(z.string()) })),
});
export type Suggestions = z.infer<typeof suggestions>;

export const toolkitStrand = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  cost: z.number().int(),
  evidenceStrength: z.number().int(),
  monthsImpact: z.number().int(),
  version: z.number().int(),
});
export type ToolkitStrand = z.infer<typeof toolkitStrand>;
export const toolkitList = z.object({ strands: z.array(toolkitStrand), canEdit: z.boolean() });
export const toolkitStrandBody = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(120).optional(),
  summary: z.string().trim().max(2000).optional(),
  cost: z.number().int().min(1).max(5).optional(),
  evidenceStrength: z.number().int().min(0).max(5).optional(),
  monthsImpact: z.number().int().min(-12).max(12).optional(),
});
export type ToolkitStrandBody = z.infer<typeof toolkitStrandBody>;

export const priorityStrands = z.object({
  priorityId: uuid,
  strands: z.array(toolkitStrand.extend({ note: z.string() })),
});
export type PriorityStrands = z.infer<typeof priorityStrands>;
export const priorityStrandsBody = z.strictObject({
  strands: z.array(z.strictObject({ strandId: uuid, note: z.string().trim().max(1000).default('') })).max(20),
});
export type PriorityStrandsBody = z.infer<typeof priorityStrandsBody>;
