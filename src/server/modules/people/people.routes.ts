import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, uuid } from '../../../shared/contracts/common';
import { versionBody } from '../../../shared/contracts/org';
import {
  assignRoleBody,
  invitePersonBody,
  peopleQuery,
  person,
  personList,
  updatePersonBody,
} from '../../../shared/contracts/people';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerPeopleRoutes(app: FastifyInstance, { people }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['People'];

  r.get(
    '/people',
    { schema: { tags, querystring: peopleQuery, response: { 200: personList } } },
    async (req) => ({
      people: await people.list(actorOf(req), req.query.schoolId),
    }),
  );

  r.post(
    '/people',
    {
      schema: {
        tags,
        body: invitePersonBody.extend({ schoolId: uuid.optional() }),
        response: { 201: person },
      },
    },
    async (req, reply) => reply.status(201).send(await people.invite(actorOf(req), req.body)),
  );

  r.get('/people/:id', { schema: { tags, params: idParams, response: { 200: person } } }, async (req) =>
    people.get(actorOf(req), req.params.id),
  );

  r.patch(
    '/people/:id',
    { schema: { tags, params: idParams, body: updatePersonBody, response: { 200: person } } },
    async (req) => people.update(actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/people/:id/archive',
    { schema: { tags, params: idParams, body: versionBody, response: { 200: person } } },
    async (req) => people.archive(actorOf(req), req.params.id, req.body.version),
  );

  r.post(
    '/people/:id/roles',
    { schema: { tags, params: idParams, body: assignRoleBody, response: { 201: person } } },
    async (req, reply) =>
      reply.status(201).send(await people.assignRole(actorOf(req), req.params.id, req.body)),
  );

  r.delete(
    '/role-assignments/:id',
    { schema: { tags, params: idParams, response: { 200: person } } },
    async (req) => people.removeRole(actorOf(req), req.params.id),
  );
}
