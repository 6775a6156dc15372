import { z } from 'zod';
import { uuid } from './common';

export const auditQuery = z.strictObject({
  entityType: z.string().min(1).max(50),
  entityId: z.string().min(1).max(100),
});
export const auditEvent = z.object({
  id: uuid,
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditList = z.object({ events: z.array(auditEvent) });
