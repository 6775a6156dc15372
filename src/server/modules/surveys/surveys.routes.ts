import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  createSurveyBody,
  importSurveyBody,
  linkQuestionBody,
  linkQuestionResult,
  surveyDetail,
  surveyImportResult,
  surveyList,
  surveyResults,
  surveyResultsQuery,
  surveySummary,
} from '../../../shared/contracts/surveys';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerSurveyRoutes(
  app: FastifyInstance,
  { surveys, surveyImports, surveyViews }: Services,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Surveys'];
  r.get('/surveys', { schema: { tags, response: { 200: surveyList } } }, async (req) => ({
    surveys: await surveys.list(actorOf(req)),
  }));
  r.post(
    '/surveys',
    { schema: { tags, body: createSurveyBody, response: { 201: surveySummary } } },
    async (req, reply) => reply.status(201).send(await surveys.create(actorOf(req), req.body)),
  );
  r.get(
    '/surveys/:id',
    { schema: { tags, params: idParams, response: { 200: surveyDetail } } },
    async (req) => surveys.detail(actorOf(req), req.params.id),
  );
  r.get(
    '/surveys/:id/results',
    { schema: { tags, params: idParams, querystring: surveyResultsQuery, response: { 200: surveyResults } } },
    async (req) => surveyViews.results(actorOf(req), req.params.id, req.query.breakdown),
  );
  r.post(
    '/surveys/:id/imports',
    {
      // 10 MB of file as base64, with room for the rest of the body.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        description:
          'A Microsoft Forms or Google Forms export (CSV or XLSX) of one school’s responses. Identifying columns (ID, Email, Name, Email address) are dropped before anything is stored. All or nothing; re-importing the same file adds nothing.',
        params: idParams,
        body: importSurveyBody,
        response: { 201: surveyImportResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await surveyImports.importResponses(actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/survey-questions/:id',
    {
      schema: {
        tags,
        description:
          'Links a question to an evaluation statement or framework component it gives evidence on.',
        params: idParams,
        body: linkQuestionBody,
        response: { 200: linkQuestionResult },
      },
    },
    async (req) => surveys.linkQuestion(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/survey-imports/:id',
    {
      schema: { tags, params: idParams, response: { 200: z.object({ deletedResponses: z.number().int() }) } },
    },
    async (req) => ({ deletedResponses: await surveyImports.deleteImport(actorOf(req), req.params.id) }),
  );
}
