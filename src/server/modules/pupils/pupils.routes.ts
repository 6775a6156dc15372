import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import { pupilRecord, pupilSearchQuery, pupilSearchResult } from '../../../shared/contracts/pupils';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerPupilRoutes(app: FastifyInstance, { pupilRecords }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Pupils'];
  r.get(
    '/pupils',
    {
      schema: {
        tags,
        description: "Finds a school's pupils by name or UPN (at most 50).",
        querystring: pupilSearchQuery,
        response: { 200: pupilSearchResult },
      },
    },
    async (req) => pupilRecords.search(actorOf(req), req.query),
  );
  r.get('/pupils/:id', { schema: { tags, params: idParams, response: { 200: pupilRecord } } }, async (req) =>
    pupilRecords.get(actorOf(req), req.params.id),
  );
}
