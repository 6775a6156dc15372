import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/contracts/common';
import {
  agreeBody,
  comment,
  commentBody,
  commentList,
  coverage,
  createRoundBody,
  heatmap,
  heatmapQuery,
  nextRoundBody,
  respondBody,
  response,
  round,
  roundDetail,
  roundList,
  roundSubject,
  subjectDetail,
  summary,
  versionOnly,
} from '../../../shared/contracts/evaluation';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerEvaluationRoutes(
  app: FastifyInstance,
  { evaluation, evaluationViews: views }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Evaluation rounds'];

  r.get('/rounds', { schema: { tags, response: { 200: roundList } } }, async (req) => ({
    rounds: await evaluation.listRounds(actorOf(req)),
  }));
  r.post(
    '/rounds',
    { schema: { tags, body: createRoundBody, response: { 201: roundDetail } } },
    async (req, reply) => reply.status(201).send(await evaluation.createRound(actorOf(req), req.body)),
  );
  r.get('/rounds/:id', { schema: { tags, params: idParams, response: { 200: roundDetail } } }, async (req) =>
    evaluation.getRound(actorOf(req), req.params.id),
  );
  r.post(
    '/rounds/:id/next',
    { schema: { tags, params: idParams, body: nextRoundBody, response: { 201: roundDetail } } },
    async (req, reply) =>
      reply.status(201).send(await evaluation.openNextRound(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/rounds/:id/close',
    { schema: { tags, params: idParams, body: versionOnly, response: { 200: round } } },
    async (req) => evaluation.closeRound(actorOf(req), req.params.id, req.body.version),
  );
  r.get(
    '/rounds/:id/heatmap',
    { schema: { tags, params: idParams, querystring: heatmapQuery, response: { 200: heatmap } } },
    async (req) => views.heatmap(actorOf(req), req.params.id, req.query),
  );
  r.get(
    '/rounds/:id/coverage',
    { schema: { tags, params: idParams, response: { 200: coverage } } },
    async (req) => views.coverage(actorOf(req), req.params.id),
  );
  r.get(
    '/rounds/:id/summary',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({ schoolId: uuid }),
        response: { 200: summary },
      },
    },
    async (req) => views.summary(actorOf(req), req.params.id, req.query.schoolId),
  );
  r.get(
    '/rounds/:id/export',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const file =
        req.query.format === 'csv'
          ? await views.exportCsv(actor, req.params.id)
          : await views.exportXlsx(actor, req.params.id);
      const type =
        req.query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  r.get(
    '/evaluations/:id',
    { schema: { tags, params: idParams, response: { 200: subjectDetail } } },
    async (req) => evaluation.getSubject(actorOf(req), req.params.id),
  );
  for (const [path, to] of [
    ['submit', 'submitted'],
    ['agree', 'agreed'],
    ['reopen', 'draft'],
  ] as const) {
    r.post(
      `/evaluations/:id/${path}`,
      { schema: { tags, params: idParams, body: versionOnly, response: { 200: roundSubject } } },
      async (req) => evaluation.transition(actorOf(req), req.params.id, req.body.version, to),
    );
  }

  r.patch(
    '/responses/:id',
    { schema: { tags, params: idParams, body: respondBody, response: { 200: response } } },
    async (req) => evaluation.respond(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/responses/:id/agreement',
    { schema: { tags, params: idParams, body: agreeBody, response: { 200: response } } },
    async (req) => evaluation.agree(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/responses/:id/comments',
    { schema: { tags, params: idParams, response: { 200: commentList } } },
    async (req) => ({
      comments: await evaluation.comments(actorOf(req), req.params.id),
    }),
  );
  r.post(
    '/responses/:id/comments',
    { schema: { tags, params: idParams, body: commentBody, response: { 201: comment } } },
    async (req, reply) =>
      reply.status(201).send(await evaluation.addComment(actorOf(req), req.params.id, req.body.body)),
  );
}
