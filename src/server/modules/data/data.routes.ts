import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  importJobList,
  importKs4Body,
  importPupilsBody,
  importResult,
  publishedOutcomeList,
} from '../../../shared/contracts/data';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerDataRoutes(app: FastifyInstance, { data }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data imports'];

  r.post(
    '/imports/ks4-performance',
    { bodyLimit: 25 * 1024 * 1024, schema: { tags, body: importKs4Body, response: { 201: importResult } } },
    async (req, reply) => reply.status(201).send(await data.importKs4(actorOf(req), req.body)),
  );
  r.post(
    '/imports/pupils',
    {
      bodyLimit: 40 * 1024 * 1024,
      schema: { tags, body: importPupilsBody, response: { 201: importResult } },
    },
    async (req, reply) => reply.status(201).send(await data.importPupils(actorOf(req), req.body)),
  );
  r.get('/imports', { schema: { tags, response: { 200: importJobList } } }, async (req) => ({
    jobs: await data.listJobs(actorOf(req)),
  }));
  r.get('/imports/:id/rejected', { schema: { tags, params: idParams } }, async (req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="rejected-rows.csv"')
      .send(await data.rejectedCsv(actorOf(req), req.params.id)),
  );
  r.delete(
    '/imports/:id',
    { schema: { tags, params: idParams, response: { 200: z.object({ deletedRows: z.number().int() }) } } },
    async (req) => ({
      deletedRows: await data.deleteImport(actorOf(req), req.params.id),
    }),
  );
  r.get(
    '/schools/:id/published-outcomes',
    { schema: { tags, params: idParams, response: { 200: publishedOutcomeList } } },
    async (req) => ({
      outcomes: await data.schoolOutcomes(actorOf(req), req.params.id),
    }),
  );
}
