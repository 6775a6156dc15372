import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  editActionBody,
  editCheckBody,
  editOutcomeBody,
  editPlanBody,
  editPriorityBody,
} from '../../../shared/contracts/plan-edits';
import { planDetail, priority } from '../../../shared/contracts/planning';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerPlanEditRoutes(app: FastifyInstance, { planEdits }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Improvement plans'];
  const ok = { 200: priority };
  r.patch(
    '/plans/:id',
    { schema: { tags, params: idParams, body: editPlanBody, response: { 200: planDetail } } },
    async (req) => planEdits.editPlan(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/priorities/:id',
    { schema: { tags, params: idParams, body: editPriorityBody, response: ok } },
    async (req) => planEdits.editPriority(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/outcomes/:id',
    { schema: { tags, params: idParams, body: editOutcomeBody, response: ok } },
    async (req) => planEdits.editOutcome(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/actions/:id',
    { schema: { tags, params: idParams, body: editActionBody, response: ok } },
    async (req) => planEdits.editAction(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/checks/:id',
    { schema: { tags, params: idParams, body: editCheckBody, response: ok } },
    async (req) => planEdits.editCheck(actorOf(req), req.params.id, req.body),
  );
}
