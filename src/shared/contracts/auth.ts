import { z } from 'zod';
import { text, uuid } from './common';
import { trust } from './org';
import { roleAssignment } from './people';

export const password = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters');

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const me = z.object({
  person: z.object({ id: uuid, name: z.string(), email: z.string(), jobTitle: z.string() }),
  trust,
  roles: z.array(roleAssignment),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;

export const resetRequestBody = z.strictObject({ email: z.string().trim().toLowerCase().max(254) });
export const tokenPasswordBody = z.strictObject({ token: z.string().min(10).max(200), password });
export type TokenPasswordBody = z.infer<typeof tokenPasswordBody>;

export const apiToken = z.object({
  id: uuid,
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const apiTokenList = z.object({ tokens: z.array(apiToken) });
export const createApiTokenBody = z.strictObject({
  name: text(100),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const createdApiToken = apiToken.extend({ token: z.string() });
