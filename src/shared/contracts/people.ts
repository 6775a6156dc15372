import { z } from 'zod';
import { text, uuid } from './common';
import { roleSchema } from './roles';

export const roleAssignment = z.object({
  id: uuid,
  role: roleSchema,
  schoolId: uuid.nullable(),
  schoolName: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

export const personStatus = z.enum(['invited', 'active', 'archived']);
export const person = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  jobTitle: z.string(),
  status: personStatus,
  version: z.number().int(),
  roles: z.array(roleAssignment),
});
export type Person = z.infer<typeof person>;
export const personList = z.object({ people: z.array(person) });

export const email = z.email('Enter a valid email address').trim().toLowerCase().max(254);

export const peopleQuery = z.strictObject({ schoolId: uuid.optional() });

export const invitePersonBody = z.strictObject({
  name: text(),
  email,
  jobTitle: z.string().trim().max(200).default(''),
});
export type InvitePersonBody = z.infer<typeof invitePersonBody>;

export const updatePersonBody = z.strictObject({
  version: z.number().int().positive(),
  name: text().optional(),
  jobTitle: z.string().trim().max(200).optional(),
});
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const assignRoleBody = z.strictObject({
  role: roleSchema,
  schoolId: uuid.nullable().optional(),
  departmentId: uuid.nullable().optional(),
});
export type AssignRoleBody = z.infer<typeof assignRoleBody>;
