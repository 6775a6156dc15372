import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/contracts/common';
import {
  addPupilsBody,
  candidateList,
  candidatesQuery,
  createInterventionBody,
  editInterventionBody,
  editMembershipBody,
  interventionDetail,
  interventionImpactView,
  interventionList,
  interventionListQuery,
  membershipParams,
  priorityInterventions,
  recordSessionBody,
  sessionParams,
  upnUploadBody,
  versionQuery,
} from '../../../shared/contracts/interventions';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerInterventionRoutes(
  app: FastifyInstance,
  { interventions, interventionImpact }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Interventions'];
  const ok = { 200: interventionDetail };
  r.get(
    '/interventions',
    { schema: { tags, querystring: interventionListQuery, response: { 200: interventionList } } },
    async (req) => ({ interventions: await interventions.list(actorOf(req), req.query) }),
  );
  r.post(
    '/interventions',
    { schema: { tags, body: createInterventionBody, response: { 201: interventionDetail } } },
    async (req, reply) => reply.status(201).send(await interventions.create(actorOf(req), req.body)),
  );
  r.get('/interventions/:id', { schema: { tags, params: idParams, response: ok } }, async (req) =>
    interventions.detail(actorOf(req), req.params.id),
  );
  r.patch(
    '/interventions/:id',
    { schema: { tags, params: idParams, body: editInterventionBody, response: ok } },
    async (req) => interventions.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/interventions/:id',
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: okResponse } } },
    async (req) => {
      await interventions.remove(actorOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  r.get(
    '/interventions/:id/candidates',
    { schema: { tags, params: idParams, querystring: candidatesQuery, response: { 200: candidateList } } },
    async (req) => interventions.candidates(actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/interventions/:id/pupils',
    { schema: { tags, params: idParams, body: addPupilsBody, response: ok } },
    async (req) => interventions.addPupils(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/interventions/:id/pupils/upns',
    { schema: { tags, params: idParams, body: upnUploadBody, response: ok } },
    async (req) => interventions.addPupilsFromUpns(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/interventions/:id/pupils/:pupilId',
    { schema: { tags, params: membershipParams, body: editMembershipBody, response: ok } },
    async (req) => interventions.editMembership(actorOf(req), req.params.id, req.params.pupilId, req.body),
  );
  r.delete(
    '/interventions/:id/pupils/:pupilId',
    { schema: { tags, params: membershipParams, querystring: versionQuery, response: ok } },
    async (req) =>
      interventions.removeMember(actorOf(req), req.params.id, req.params.pupilId, req.query.version),
  );
  r.put(
    '/interventions/:id/sessions',
    { schema: { tags, params: idParams, body: recordSessionBody, response: ok } },
    async (req) => interventions.recordSession(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/interventions/:id/sessions/:sessionId',
    { schema: { tags, params: sessionParams, querystring: versionQuery, response: ok } },
    async (req) =>
      interventions.deleteSession(actorOf(req), req.params.id, req.params.sessionId, req.query.version),
  );
  r.get(
    '/interventions/:id/impact',
    { schema: { tags, params: idParams, response: { 200: interventionImpactView } } },
    async (req) => interventionImpact.impact(actorOf(req), req.params.id),
  );
  r.get(
    '/priorities/:id/interventions',
    { schema: { tags, params: idParams, response: { 200: priorityInterventions } } },
    async (req) => interventionImpact.forPriority(actorOf(req), req.params.id),
  );
}
