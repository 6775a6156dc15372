import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assessmentList,
  gapAnalysis,
  gapIndexQuery,
  gapIndexResult,
  gapQuery,
  gapTrend,
  gapTrendQuery,
  interventionImpactBody,
  interventionImpactResult,
  pointGaps,
  pointGapsQuery,
} from '../../../shared/contracts/analysis';
import { actorOf } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerAnalysisRoutes(app: FastifyInstance, { analysis }: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Analysis'];
  r.get('/analysis/assessments', { schema: { tags, response: { 200: assessmentList } } }, async (req) => ({
    assessments: await analysis.assessments(actorOf(req)),
  }));
  r.get(
    '/analysis/gaps',
    { schema: { tags, querystring: gapQuery, response: { 200: gapAnalysis } } },
    async (req) =>
      analysis.gaps(actorOf(req), req.query.assessmentId, req.query.groupBy, {
        audience: req.query.audience,
      }),
  );
  r.get(
    '/analysis/point-gaps',
    { schema: { tags, querystring: pointGapsQuery, response: { 200: pointGaps } } },
    async (req) => analysis.pointGaps(actorOf(req), req.query),
  );
  r.get(
    '/analysis/gap-trend',
    { schema: { tags, querystring: gapTrendQuery, response: { 200: gapTrend } } },
    async (req) => analysis.gapTrend(actorOf(req), req.query),
  );
  r.get(
    '/analysis/gap-index',
    { schema: { tags, querystring: gapIndexQuery, response: { 200: gapIndexResult } } },
    async (req) => analysis.gapIndex(actorOf(req), req.query),
  );
  // A POST because the pupil lists are long; it reads and computes, and writes nothing.
  r.post(
    '/analysis/intervention-impact',
    { schema: { tags, body: interventionImpactBody, response: { 200: interventionImpactResult } } },
    async (req) => analysis.interventionImpact(actorOf(req), req.body),
  );
}
