import { z } from 'zod';

export const roles = [
  'trust_admin',
  'improvement_lead',
  'trustee',
  'school_leader',
  'middle_leader',
  'teacher',
  'governor',
  'data_manager',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  trust_admin: 'Trust administrator',
  improvement_lead: 'Improvement lead (liaison)',
  trustee: 'Trustee',
  school_leader: 'School leader',
  middle_leader: 'Middle leader',
  teacher: 'Teacher',
  governor: 'Governor',
  data_manager: 'Data manager',
};

/** Which scopes each role may be given at. Trustees oversee the trust; governors one school. */
export const roleScopes: Record<Role, readonly ('trust' | 'school' | 'department')[]> = {
  trust_admin: ['trust'],
  improvement_lead: ['trust', 'school'],
  trustee: ['trust'],
  school_leader: ['school'],
  middle_leader: ['department'],
  teacher: ['school', 'department'],
  governor: ['school'],
  data_manager: ['school'],
};
