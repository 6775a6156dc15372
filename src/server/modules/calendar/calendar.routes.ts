import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarYear,
  collectionPointBody,
  createYearBody,
  defaultsQuery,
  plannedAssessmentBody,
  updateCollectionPointBody,
  updatePlannedAssessmentBody,
  updateYearBody,
  versionQuery,
  yearDefaults,
  yearList,
} from '../../../shared/contracts/calendar';
import { idParams } from '../../../shared/contracts/common';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerCalendarRoutes(app: FastifyInstance, { calendar }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Calendar'];
  r.get('/calendar/years', { schema: { tags, response: { 200: yearList } } }, async (req) =>
    calendar.listYears(actorOf(req)),
  );
  r.get(
    '/calendar/year-defaults',
    { schema: { tags, querystring: defaultsQuery, response: { 200: yearDefaults } } },
    async (req) => calendar.defaults(actorOf(req), req.query.label),
  );
  r.post(
    '/calendar/years',
    { schema: { tags, body: createYearBody, response: { 201: calendarYear } } },
    async (req, reply) => reply.status(201).send(await calendar.createYear(actorOf(req), req.body)),
  );
  r.get(
    '/calendar/years/:id',
    { schema: { tags, params: idParams, response: { 200: calendarYear } } },
    async (req) => calendar.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/calendar/years/:id',
    { schema: { tags, params: idParams, body: updateYearBody, response: { 200: calendarYear } } },
    async (req) => calendar.updateYear(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/calendar/years/:id/collection-points',
    { schema: { tags, params: idParams, body: collectionPointBody, response: { 201: calendarYear } } },
    async (req, reply) =>
      reply.status(201).send(await calendar.addCollectionPoint(actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/calendar/collection-points/:id',
    { schema: { tags, params: idParams, body: updateCollectionPointBody, response: { 200: calendarYear } } },
    async (req) => calendar.updateCollectionPoint(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/calendar/collection-points/:id',
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: calendarYear } } },
    async (req) => calendar.deleteCollectionPoint(actorOf(req), req.params.id, req.query.version),
  );
  r.post(
    '/calendar/years/:id/assessments',
    { schema: { tags, params: idParams, body: plannedAssessmentBody, response: { 201: calendarYear } } },
    async (req, reply) =>
      reply.status(201).send(await calendar.addAssessment(actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/calendar/assessments/:id',
    {
      schema: { tags, params: idParams, body: updatePlannedAssessmentBody, response: { 200: calendarYear } },
    },
    async (req) => calendar.updateAssessment(actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/calendar/assessments/:id',
    { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: calendarYear } } },
    async (req) => calendar.deleteAssessment(actorOf(req), req.params.id, req.query.version),
  );
}
