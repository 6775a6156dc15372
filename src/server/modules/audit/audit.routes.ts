import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditList, auditQuery } from '../../../shared/contracts/audit';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerAuditRoutes(app: FastifyInstance, { audit }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    { schema: { tags: ['Audit'], querystring: auditQuery, response: { 200: auditList } } },
    async (req) => ({
      events: await audit.trail(actorOf(req), req.query.entityType, req.query.entityId),
    }),
  );
}
