import { z } from 'zod';
import { text, uuid } from './common';

export const areas = [
  'curriculum',
  'teaching_learning',
  'behaviour_attendance',
  'inclusion_send',
  'personal_development',
  'leadership_governance',
  'early_years',
  'sixth_form',
  'trust_improvement',
  'trust_defined',
] as const;
export const areaSchema = z.enum(areas);
export const areaLabels: Record<z.infer<typeof areaSchema>, string> = {
  curriculum: 'Curriculum',
  teaching_learning: 'Teaching and learning',
  behaviour_attendance: 'Behaviour and attendance',
  inclusion_send: 'Inclusion and SEND',
  personal_development: 'Personal development',
  leadership_governance: 'Leadership and governance',
  early_years: 'Early years',
  sixth_form: 'Sixth form',
  trust_improvement: 'Trust-level improvement',
  trust_defined: 'Trust-defined',
};

export const completedBySchema = z.enum(['school', 'department', 'trust']);
export type CompletedBy = z.infer<typeof completedBySchema>;

export const scalePoint = z.strictObject({
  value: z.number().int().min(0).max(10),
  label: text(60),
  descriptor: z.string().trim().max(500).default(''),
});
export const scale = z
  .strictObject({
    name: text(100),
    points: z.array(scalePoint).min(2).max(7),
    /** The lowest point that counts as secure: anything below is a weakness in heatmaps. */
    secureValue: z.number().int(),
  })
  .refine(
    (s) => new Set(s.points.map((p) => p.value)).size === s.points.length,
    'Scale values must be unique',
  )
  .refine((s) => s.points.some((p) => p.value === s.secureValue), 'secureValue must be one of the points');
export type Scale = z.infer<typeof scale>;

export const defaultScale: Scale = {
  name: 'Four-point development scale',
  secureValue: 3,
  points: [
    { value: 1, label: 'Not yet in place', descriptor: 'Little or none of this happens yet.' },
    {
      value: 2,
      label: 'Developing',
      descriptor: 'Happening in places, but not consistently or not yet well.',
    },
    {
      value: 3,
      label: 'Secure',
      descriptor: 'Happening consistently and well across the school or department.',
    },
    {
      value: 4,
      label: 'Exemplary',
      descriptor: 'Consistently strong, embedded, and a model others could learn from.',
    },
  ],
};

export const ofstedScale: Scale = {
  name: 'Ofsted report card scale (2025)',
  secureValue: 3,
  points: [
    { value: 1, label: 'Urgent improvement', descriptor: 'Serious weaknesses that need immediate action.' },
    { value: 2, label: 'Needs attention', descriptor: 'Some important aspects are not yet good enough.' },
    { value: 3, label: 'Expected standard', descriptor: 'Meets the standard expected of all schools.' },
    { value: 4, label: 'Strong standard', descriptor: 'Above the expected standard in most respects.' },
    { value: 5, label: 'Exceptional', descriptor: 'Among the very best practice nationally.' },
  ],
};

const statementCode = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(30)
  .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores');

export const statementDefinition = z.strictObject({
  code: statementCode,
  text: text(1000),
  guidance: z.string().trim().max(1000).optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
});

export const aspectDefinition = z.strictObject({
  title: text(200),
  description: z.string().trim().max(1000).optional(),
  statements: z.array(statementDefinition).min(1).max(60),
});

/** A tool as imported, exported and edited: the JSON file format and the body of create/update. */
export const toolDefinition = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(2)
      .max(60)
      .regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and dashes'),
    name: text(200),
    area: areaSchema,
    completedBy: completedBySchema,
    description: z.string().trim().max(2000).optional(),
    scale: scale.optional(),
    aspects: z.array(aspectDefinition).min(1).max(30),
  })
  .superRefine((tool, ctx) => {
    const seen = new Set<string>();
    tool.aspects.forEach((a, ai) => {
      a.statements.forEach((s, si) => {
        if (seen.has(s.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['aspects', ai, 'statements', si, 'code'],
            message: `Statement code ${s.code} is used twice`,
          });
        }
        seen.add(s.code);
      });
    });
  });
export type ToolDefinition = z.infer<typeof toolDefinition>;

export const toolSummary = z.object({
  id: uuid,
  key: z.string(),
  versionId: uuid,
  version: z.number().int(),
  name: z.string(),
  area: areaSchema,
  completedBy: completedBySchema,
  description: z.string(),
  aspectCount: z.number().int(),
  statementCount: z.number().int(),
  status: z.enum(['active', 'archived']),
});
export type ToolSummary = z.infer<typeof toolSummary>;
export const toolList = z.object({ tools: z.array(toolSummary) });

export const statement = z.object({
  id: uuid,
  code: z.string(),
  text: z.string(),
  guidance: z.string(),
  tags: z.array(z.string()),
});
export type Statement = z.infer<typeof statement>;
export const aspect = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  statements: z.array(statement),
});
export const toolVersion = toolSummary.extend({ scale, aspects: z.array(aspect) });
export type ToolVersion = z.infer<typeof toolVersion>;

export const component = z.object({
  code: z.string(),
  framework: z.string(),
  frameworkName: z.string(),
  strand: z.string().nullable(),
  label: z.string(),
});
export const componentList = z.object({ components: z.array(component) });

export const evidenceSource = z.object({ id: uuid, label: z.string() });
export const evidenceSourceList = z.object({ sources: z.array(evidenceSource) });
export const createEvidenceSourceBody = z.strictObject({ label: text(100) });

export const importFormat = z.enum(['json', 'csv']);
export const importToolBody = z.strictObject({
  format: importFormat,
  content: z.string().min(1).max(2_000_000),
});
export const importResult = z.object({ tools: z.array(toolSummary) });
export const lineError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type LineError = z.infer<typeof lineError>;
