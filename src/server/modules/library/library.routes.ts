import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  caseStudy,
  createCaseStudyBody,
  priorityStrands,
  priorityStrandsBody,
  searchQuery,
  searchResult,
  suggestions,
  toolkitList,
  toolkitStrand,
  toolkitStrandBody,
  transitionBody,
  updateCaseStudyBody,
} from '../../../shared/contracts/library';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerLibraryRoutes(app: FastifyInstance, { library }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Case-study library'];

  r.get(
    '/case-studies',
    { schema: { tags, querystring: searchQuery, response: { 200: searchResult } } },
    async (req) => library.search(actorOf(req), req.query),
  );
  r.post(
    '/case-studies',
    { schema: { tags, body: createCaseStudyBody, response: { 201: caseStudy } } },
    async (req, reply) => reply.status(201).send(await library.create(actorOf(req), req.body)),
  );
  r.get(
    '/case-studies/:id',
    { schema: { tags, params: idParams, response: { 200: caseStudy } } },
    async (req) => library.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/case-studies/:id',
    { schema: { tags, params: idParams, body: updateCaseStudyBody, response: { 200: caseStudy } } },
    async (req) => library.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/case-studies/:id/transition',
    { schema: { tags, params: idParams, body: transitionBody, response: { 200: caseStudy } } },
    async (req) => library.transition(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/priorities/:id/case-study',
    { schema: { tags, params: idParams, response: { 201: caseStudy } } },
    async (req, reply) => reply.status(201).send(await library.fromPriority(actorOf(req), req.params.id)),
  );
  r.get(
    '/schools/:id/case-study-suggestions',
    { schema: { tags, params: idParams, response: { 200: suggestions } } },
    async (req) => library.suggestions(actorOf(req), req.params.id),
  );
  r.get('/toolkit-strands', { schema: { tags, response: { 200: toolkitList } } }, async (req) =>
    library.listToolkit(actorOf(req)),
  );
  r.patch(
    '/toolkit-strands/:id',
    { schema: { tags, params: idParams, body: toolkitStrandBody, response: { 200: toolkitStrand } } },
    async (req) => library.updateStrand(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/priorities/:id/toolkit-strands',
    { schema: { tags, params: idParams, response: { 200: priorityStrands } } },
    async (req) => library.priorityStrands(actorOf(req), req.params.id),
  );
  r.put(
    '/priorities/:id/toolkit-strands',
    { schema: { tags, params: idParams, body: priorityStrandsBody, response: { 200: priorityStrands } } },
    async (req) => library.setPriorityStrands(actorOf(req), req.params.id, req.body),
  );
}
