import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  exportQuery,
  importJobList,
  importKs4Body,
  importPupilsBody,
  importResult,
  importResultsQuery,
  importSchoolDatasetBody,
  publishedOutcomeList,
} from '../../../shared/contracts/data';
import { actorOf } from '../../platform/http/request-auth';
import { IMPORT_MAX_BYTES, type Services } from '../../services';
import { presentJob } from './data.service';
import { streamedUpload } from './upload';

export function registerDataRoutes(app: FastifyInstance, { data, dataExport, results }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data imports'];
  // A results file can hold a million lines: the service reads the request body as a stream (and
  // enforces its own size limit) instead of Fastify buffering it.
  app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));
  const csv = (name: string) => (reply: FastifyReply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`);

  r.post(
    '/imports/results',
    {
      schema: {
        tags,
        description:
          'Streams a results CSV (Content-Type: text/csv) with columns upn, assessment, subject, year_group, academic_year, collection_point, grade_set, date, result. All or nothing.',
        querystring: importResultsQuery,
        response: { 201: importResult },
      },
    },
    async (req, reply) => {
      const body = streamedUpload(req, IMPORT_MAX_BYTES);
      const { job, rejected } = await results.importResults(actorOf(req), req.query, body);
      return reply.status(201).send({ ...presentJob(job), rejected });
    },
  );
  r.get('/pupils/export.csv', { schema: { tags, querystring: exportQuery } }, async (req, reply) =>
    csv('pupils.csv')(reply).send(await dataExport.pupilsCsv(actorOf(req), req.query.schoolId)),
  );
  r.get('/results/export.csv', { schema: { tags, querystring: exportQuery } }, async (req, reply) =>
    csv('results.csv')(reply).send(
      Readable.from(await dataExport.resultsCsv(actorOf(req), req.query.schoolId)),
    ),
  );

  r.post(
    '/imports/ks4-performance',
    { bodyLimit: 25 * 1024 * 1024, schema: { tags, body: importKs4Body, response: { 201: importResult } } },
    async (req, reply) => reply.status(201).send(await data.importKs4(actorOf(req), req.body)),
  );
  r.post(
    '/imports/school-datasets',
    {
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        description: 'The DfE school-level census, absence or Ofsted download for a year; all or nothing.',
        body: importSchoolDatasetBody,
        response: { 201: importResult },
      },
    },
    async (req, reply) => reply.status(201).send(await data.importSchoolDataset(actorOf(req), req.body)),
  );
  r.post(
    '/imports/pupils',
    {
      bodyLimit: 40 * 1024 * 1024,
      schema: { tags, body: importPupilsBody, response: { 201: importResult } },
    },
    async (req, reply) => reply.status(201).send(await data.importPupils(actorOf(req), req.body)),
  );
  r.post(
    '/imports/ctf',
    {
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        tags,
        description:
          'A DfE Common Transfer File (CTF XML, any version) into one school: its pupils, Ever-6 FSM, looked-after status, SEN provision, EAL, ethnicity and KS2 reading and maths scaled scores. All or nothing; a re-import changes nothing.',
        body: importPupilsBody,
        response: { 201: importResult },
      },
    },
    async (req, reply) => reply.status(201).send(await data.importCtf(actorOf(req), req.body)),
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
