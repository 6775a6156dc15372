import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  boardDashboard,
  boardFileQuery,
  boardReportQuery,
  openDataQuery,
  planFileQuery,
  planReportQuery,
  report,
  selfEvaluationFileQuery,
  selfEvaluationReportQuery,
} from '../../../shared/contracts/reports';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';
import type { RenderedReport } from './reports.service';

function sendFile(reply: FastifyReply, file: RenderedReport) {
  if (file.format === 'json') return reply.send(file.report);
  const disposition = file.format === 'html' ? 'inline' : 'attachment';
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .send(file.body);
}

export function registerReportsRoutes(app: FastifyInstance, { reports }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Reports'];
  const json = { 200: report };

  r.get(
    '/reports/self-evaluation',
    { schema: { tags, querystring: selfEvaluationReportQuery, response: json } },
    async (req) => reports.selfEvaluation(actorOf(req), req.query.roundId, req.query.schoolId),
  );
  r.get(
    '/reports/self-evaluation/file',
    { schema: { tags, querystring: selfEvaluationFileQuery } },
    async (req, reply) =>
      sendFile(
        reply,
        await reports.render(
          await reports.selfEvaluation(actorOf(req), req.query.roundId, req.query.schoolId),
          req.query.format,
        ),
      ),
  );
  r.get('/reports/plan', { schema: { tags, querystring: planReportQuery, response: json } }, async (req) =>
    reports.plan(actorOf(req), req.query.planId),
  );
  r.get('/reports/plan/file', { schema: { tags, querystring: planFileQuery } }, async (req, reply) =>
    sendFile(
      reply,
      await reports.render(await reports.plan(actorOf(req), req.query.planId), req.query.format),
    ),
  );
  r.get('/reports/board', { schema: { tags, querystring: boardReportQuery, response: json } }, async (req) =>
    reports.board(actorOf(req), req.query),
  );
  r.get('/reports/board/file', { schema: { tags, querystring: boardFileQuery } }, async (req, reply) =>
    sendFile(reply, await reports.render(await reports.board(actorOf(req), req.query), req.query.format)),
  );
  r.get('/reports/open-data', { schema: { tags, querystring: openDataQuery } }, async (req, reply) => {
    const files = await reports.openData(actorOf(req));
    const name = req.query.file === 'meta' ? 'school-outcomes.meta.csv' : 'school-outcomes.csv';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(req.query.file === 'meta' ? files.meta : files.data);
  });
  r.get('/trust/board', { schema: { tags, response: { 200: boardDashboard } } }, async (req) =>
    reports.dashboard(actorOf(req)),
  );
}
