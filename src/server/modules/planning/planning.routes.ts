import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  actionBody,
  actionStatusBody,
  agenda,
  createPlanBody,
  createPriorityBody,
  movePhaseBody,
  outcomeBody,
  phaseNotesBody,
  plan,
  planCheckBody,
  planDetail,
  planOverview,
  priority,
  priorityFromJudgementBody,
  recordCheckBody,
} from '../../../shared/contracts/planning';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerPlanningRoutes(
  app: FastifyInstance,
  { planning, planningViews: views }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Improvement plans'];
  const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  r.get(
    '/plans',
    { schema: { tags, response: { 200: z.object({ plans: z.array(plan) }) } } },
    async (req) => ({
      plans: await planning.listPlans(actorOf(req)),
    }),
  );
  r.post(
    '/plans',
    { schema: { tags, body: createPlanBody, response: { 201: planDetail } } },
    async (req, reply) => reply.status(201).send(await planning.createPlan(actorOf(req), req.body)),
  );
  r.get('/plans/overview', { schema: { tags, response: { 200: planOverview } } }, async (req) =>
    views.overview(actorOf(req)),
  );
  r.get('/plans/export', { schema: { tags } }, async (req, reply) =>
    reply
      .type(xlsxType)
      .header('content-disposition', 'attachment; filename="improvement-plans.xlsx"')
      .send(await planning.exportAll(actorOf(req))),
  );
  r.get('/plans/:id', { schema: { tags, params: idParams, response: { 200: planDetail } } }, async (req) =>
    planning.getPlan(actorOf(req), req.params.id),
  );
  r.get('/plans/:id/export', { schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await planning.exportDocx(actorOf(req), req.params.id);
    return reply
      .type(docxType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);
  });
  r.post(
    '/plans/:id/priorities',
    { schema: { tags, params: idParams, body: createPriorityBody, response: { 201: priority } } },
    async (req, reply) =>
      reply.status(201).send(await planning.addPriority(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/priorities/from-judgement',
    { schema: { tags, body: priorityFromJudgementBody, response: { 201: priority } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await planning.priorityFromJudgement(actorOf(req), req.body.responseId, req.body.planId)),
  );
  r.get('/priorities/:id', { schema: { tags, params: idParams, response: { 200: priority } } }, async (req) =>
    planning.getPriority(actorOf(req), req.params.id),
  );
  r.post(
    '/priorities/:id/phase',
    { schema: { tags, params: idParams, body: movePhaseBody, response: { 200: priority } } },
    async (req) =>
      planning.movePhase(actorOf(req), req.params.id, req.body.version, req.body.to, req.body.reason),
  );
  r.patch(
    '/priorities/:id/phase-notes',
    { schema: { tags, params: idParams, body: phaseNotesBody, response: { 200: priority } } },
    async (req) =>
      planning.savePhaseNotes(actorOf(req), req.params.id, req.body.version, req.body.phase, req.body.notes),
  );
  r.post(
    '/priorities/:id/outcomes',
    { schema: { tags, params: idParams, body: outcomeBody, response: { 201: priority } } },
    async (req, reply) =>
      reply.status(201).send(await planning.addOutcome(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/priorities/:id/actions',
    { schema: { tags, params: idParams, body: actionBody, response: { 201: priority } } },
    async (req, reply) =>
      reply.status(201).send(await planning.addAction(actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/actions/:id/status',
    { schema: { tags, params: idParams, body: actionStatusBody, response: { 200: priority } } },
    async (req) => planning.setActionStatus(actorOf(req), req.params.id, req.body.version, req.body.status),
  );
  r.post(
    '/priorities/:id/checks',
    { schema: { tags, params: idParams, body: planCheckBody, response: { 201: priority } } },
    async (req, reply) =>
      reply.status(201).send(await planning.planCheck(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/checks/:id/record',
    { schema: { tags, params: idParams, body: recordCheckBody, response: { 200: priority } } },
    async (req) => planning.recordCheck(actorOf(req), req.params.id, req.body),
  );
  r.get('/me/week', { schema: { tags, response: { 200: agenda } } }, async (req) =>
    views.myWeek(actorOf(req)),
  );
  r.get(
    '/people/:id/agenda',
    { schema: { tags, params: idParams, response: { 200: agenda } } },
    async (req) => views.agenda(actorOf(req), req.params.id),
  );
}
