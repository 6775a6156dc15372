import { z } from 'zod';
import { isoDate, text, uuid } from './common';

export const phases = ['primary', 'secondary', 'all_through', 'special', 'alternative_provision'] as const;
export const phaseSchema = z.enum(phases);
export const phaseLabels: Record<z.infer<typeof phaseSchema>, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  all_through: 'All-through',
  special: 'Special',
  alternative_provision: 'Alternative provision',
};
export const schoolStatusSchema = z.enum(['open', 'closed', 'archived']);

export const yearGroup = z.object({ id: uuid, code: z.string(), name: z.string() });

export const school = z.object({
  id: uuid,
  urn: z.string(),
  name: z.string(),
  phase: phaseSchema,
  localAuthority: z.string(),
  joinedTrustOn: isoDate.nullable(),
  status: schoolStatusSchema,
  version: z.number().int(),
  departmentCount: z.number().int(),
});
export type School = z.infer<typeof school>;

export const schoolDetail = school.extend({ yearGroups: z.array(yearGroup) });
export type SchoolDetail = z.infer<typeof schoolDetail>;

const urn = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'A URN is six digits');

export const createSchoolBody = z.strictObject({
  urn,
  name: text(),
  phase: phaseSchema,
  localAuthority: text(100),
  joinedTrustOn: isoDate.nullable().optional(),
});
export type CreateSchoolBody = z.infer<typeof createSchoolBody>;

export const updateSchoolBody = z.strictObject({
  version: z.number().int().positive(),
  urn: urn.optional(),
  name: text().optional(),
  phase: phaseSchema.optional(),
  localAuthority: text(100).optional(),
  joinedTrustOn: isoDate.nullable().optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type UpdateSchoolBody = z.infer<typeof updateSchoolBody>;

export const schoolList = z.object({ schools: z.array(school) });

export const department = z.object({
  id: uuid,
  schoolId: uuid,
  name: z.string(),
  status: z.enum(['active', 'archived']),
  version: z.number().int(),
});
export type Department = z.infer<typeof department>;
export const departmentList = z.object({ departments: z.array(department) });

export const createDepartmentBody = z.strictObject({ name: text(100) });
export const updateDepartmentBody = z.strictObject({ version: z.number().int().positive(), name: text(100) });
export type UpdateDepartmentBody = z.infer<typeof updateDepartmentBody>;

export const versionBody = z.strictObject({ version: z.number().int().positive() });

export const trust = z.object({ id: uuid, name: z.string(), isDemo: z.boolean() });
export type Trust = z.infer<typeof trust>;
