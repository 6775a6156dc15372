import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  meeting,
  meetingBody,
  meetingList,
  preferences,
  preferencesBody,
  schoolAgenda,
} from '../../../shared/contracts/planning';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerMonitoringRoutes(
  app: FastifyInstance,
  { monitoring, schoolAgenda: agendas }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Monitoring'];
  r.get(
    '/people/:id/meetings',
    { schema: { tags, params: idParams, response: { 200: meetingList } } },
    async (req) => ({
      meetings: await monitoring.meetings(actorOf(req), req.params.id),
    }),
  );
  r.post(
    '/people/:id/meetings',
    { schema: { tags, params: idParams, body: meetingBody, response: { 201: meeting } } },
    async (req, reply) =>
      reply.status(201).send(await monitoring.recordMeeting(actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/schools/:id/agenda',
    { schema: { tags, params: idParams, response: { 200: schoolAgenda } } },
    async (req) => agendas.forSchool(actorOf(req), req.params.id),
  );
  r.get('/me/preferences', { schema: { tags, response: { 200: preferences } } }, async (req) =>
    monitoring.preferences(actorOf(req)),
  );
  r.patch(
    '/me/preferences',
    { schema: { tags, body: preferencesBody, response: { 200: preferences } } },
    async (req) => monitoring.setPreferences(actorOf(req), req.body.digestEnabled),
  );
}
