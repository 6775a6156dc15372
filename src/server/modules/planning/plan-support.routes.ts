import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  barrierBody,
  capacity,
  capacityQuery,
  fidelityMeasureBody,
  fidelityValueBody,
  prioritySupport,
  supportBody,
} from '../../../shared/contracts/planning';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerPlanSupportRoutes(app: FastifyInstance, { planSupport }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Improvement plans'];
  const ok = { 200: prioritySupport };
  const created = { 201: prioritySupport };
  r.get('/priorities/:id/support', { schema: { tags, params: idParams, response: ok } }, async (req) =>
    planSupport.get(actorOf(req), req.params.id),
  );
  r.post(
    '/priorities/:id/barriers',
    { schema: { tags, params: idParams, body: barrierBody, response: created } },
    async (req, reply) =>
      reply.status(201).send(await planSupport.addBarrier(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/priorities/:id/support',
    { schema: { tags, params: idParams, body: supportBody, response: created } },
    async (req, reply) =>
      reply.status(201).send(await planSupport.addSupport(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/priorities/:id/fidelity-measures',
    { schema: { tags, params: idParams, body: fidelityMeasureBody, response: created } },
    async (req, reply) =>
      reply.status(201).send(await planSupport.addMeasure(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/fidelity-measures/:id/values',
    { schema: { tags, params: idParams, body: fidelityValueBody, response: created } },
    async (req, reply) =>
      reply.status(201).send(await planSupport.addValue(actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/capacity',
    { schema: { tags, querystring: capacityQuery, response: { 200: capacity } } },
    async (req) => planSupport.capacity(actorOf(req), req.query.from, req.query.to),
  );
}
