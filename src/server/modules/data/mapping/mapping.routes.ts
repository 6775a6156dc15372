import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common';
import { importResult } from '../../../../shared/contracts/data';
import {
  createMappingBody,
  filePreview,
  mappedFileQuery,
  mappingTemplate,
  mappingTemplateList,
  updateMappingBody,
  versionQuery,
} from '../../../../shared/contracts/import-mapping';
import { actorOf } from '../../../platform/http/request-auth';
import { IMPORT_MAX_BYTES, type Services } from '../../../services';
import { presentJob } from '../data.service';
import { streamedUpload } from '../upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerMappingRoutes(
  app: FastifyInstance,
  { mappedImport, mappingTemplates }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data imports'];
  // Files are streamed to the service (which enforces its own size limit), never buffered by Fastify.
  for (const type of ['application/octet-stream', XLSX, 'text/csv'])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));

  r.get('/import-mappings', { schema: { tags, response: { 200: mappingTemplateList } } }, async (req) => ({
    templates: await mappingTemplates.list(actorOf(req)),
  }));
  r.post(
    '/import-mappings',
    { schema: { tags, body: createMappingBody, response: { 201: mappingTemplate } } },
    async (req, reply) => reply.status(201).send(await mappingTemplates.create(actorOf(req), req.body)),
  );
  r.patch(
    '/import-mappings/:id',
    { schema: { tags, params: idParams, body: updateMappingBody, response: { 200: mappingTemplate } } },
    async (req) => mappingTemplates.update(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/import-mappings/:id',
    { schema: { tags, params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await mappingTemplates.remove(actorOf(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  r.post(
    '/imports/mapped/preview',
    {
      schema: {
        tags,
        description:
          'A results file in any layout (CSV or XLSX, long or wide) as the body: its detected layout, delimiter, encoding and sheets, the suggested mapping, and its first rows as canonical results with the problems the import would find.',
        querystring: mappedFileQuery,
        response: { 200: filePreview },
      },
    },
    async (req) => {
      return mappedImport.preview(actorOf(req), req.query, streamedUpload(req, IMPORT_MAX_BYTES));
    },
  );
  r.post(
    '/imports/mapped',
    {
      schema: {
        tags,
        description:
          'Imports a results file in any layout through a saved mapping (mappingId) or an inline one (mapping, as JSON). All or nothing; rejected rows name the rows and columns of the file as uploaded.',
        querystring: mappedFileQuery,
        response: { 201: importResult },
      },
    },
    async (req, reply) => {
      const body = streamedUpload(req, IMPORT_MAX_BYTES);
      const { job, rejected } = await mappedImport.importFile(actorOf(req), req.query, body);
      return reply.status(201).send({ ...presentJob(job), rejected });
    },
  );
}
