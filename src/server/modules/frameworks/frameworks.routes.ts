import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  componentList,
  createEvidenceSourceBody,
  evidenceSource,
  evidenceSourceList,
  importResult,
  importToolBody,
  toolDefinition,
  toolList,
  toolSummary,
  toolVersion,
} from '../../../shared/contracts/frameworks';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerFrameworkRoutes(app: FastifyInstance, { frameworks }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Evaluation tools'];

  r.get('/tools', { schema: { tags, response: { 200: toolList } } }, async (req) => ({
    tools: await frameworks.list(actorOf(req)),
  }));
  r.post(
    '/tools',
    { schema: { tags, body: toolDefinition, response: { 201: toolSummary } } },
    async (req, reply) => reply.status(201).send(await frameworks.save(actorOf(req), req.body)),
  );
  r.post(
    '/tools/import',
    { bodyLimit: 4 * 1024 * 1024, schema: { tags, body: importToolBody, response: { 201: importResult } } },
    async (req, reply) =>
      reply
        .status(201)
        .send({ tools: await frameworks.importFile(actorOf(req), req.body.format, req.body.content) }),
  );
  r.post(
    '/tools/starter-library',
    { schema: { tags, response: { 200: z.object({ installed: z.number().int() }) } } },
    async (req) => ({ installed: await frameworks.installStarterLibrary(actorOf(req)) }),
  );
  r.get('/tools/:id', { schema: { tags, params: idParams, response: { 200: toolVersion } } }, async (req) =>
    frameworks.getLatest(actorOf(req), req.params.id),
  );
  r.get(
    '/tools/:id/export',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['json', 'csv']).default('json') }),
      },
    },
    async (req, reply) => {
      const file = await frameworks.exportTool(actorOf(req), req.params.id, req.query.format);
      return reply
        .type(req.query.format === 'json' ? 'application/json' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  r.get(
    '/tool-versions/:id',
    { schema: { tags, params: idParams, response: { 200: toolVersion } } },
    async (req) => frameworks.getVersion(actorOf(req), req.params.id),
  );
  r.get('/framework-components', { schema: { tags, response: { 200: componentList } } }, async (req) => ({
    components: await frameworks.components(actorOf(req)),
  }));
  r.get('/evidence-sources', { schema: { tags, response: { 200: evidenceSourceList } } }, async (req) => ({
    sources: await frameworks.evidenceSources(actorOf(req)),
  }));
  r.post(
    '/evidence-sources',
    { schema: { tags, body: createEvidenceSourceBody, response: { 201: evidenceSource } } },
    async (req, reply) =>
      reply.status(201).send(await frameworks.addEvidenceSource(actorOf(req), req.body.label)),
  );
}
