import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  createGradeSetBody,
  gradeSet,
  gradeSetList,
  updateGradeSetBody,
} from '../../../shared/contracts/grade-sets';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerGradeSetRoutes(app: FastifyInstance, { gradeSets }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Grade sets'];
  r.get('/grade-sets', { schema: { tags, response: { 200: gradeSetList } } }, async (req) =>
    gradeSets.list(actorOf(req)),
  );
  r.post(
    '/grade-sets',
    { schema: { tags, body: createGradeSetBody, response: { 201: gradeSet } } },
    async (req, reply) => reply.status(201).send(await gradeSets.create(actorOf(req), req.body)),
  );
  r.patch(
    '/grade-sets/:id',
    { schema: { tags, params: idParams, body: updateGradeSetBody, response: { 200: gradeSet } } },
    async (req) => gradeSets.update(actorOf(req), req.params.id, req.body),
  );
}
