import type { BoardDashboard, Report, ReportFormat } from '../../../shared/contracts/reports';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { orgRepository } from '../org/org.repository';
import type { PlanningService } from '../planning/planning.service';
import { type BoardDeps, gatherBoardData, type Period } from './board-data';
import { boardDashboard, boardReport } from './board-report';
import { buildOpenData, type TrustFigure } from './open-data';
import { reportDocx } from './report-docx';
import { reportHtml } from './report-html';
import { htmlToPdf } from './report-pdf';
import { planReport, selfEvaluationReport } from './staff-reports';

export type RenderedReport =
  | { format: 'json'; report: Report }
  | { format: 'html' | 'pdf' | 'docx'; filename: string; contentType: string; body: string | Buffer };

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'report';

/** The reports: built as one document, then rendered as JSON, an HTML page, PDF or Word. */
export function createReportsService(
  db: Db,
  deps: BoardDeps & { planning: PlanningService },
  opts: { suppressionThreshold: number; clock: () => Date },
) {
  const base = (actor: Actor) => ({
    generatedAt: opts.clock().toISOString(),
    generatedBy: actor.name,
    suppressionThreshold: opts.suppressionThreshold,
  });
  const today = () => opts.clock().toISOString().slice(0, 10);
  const trustName = async (actor: Actor) =>
    (await orgRepository.findTrust(db, actor.trustId))?.name ?? 'the trust';

  async function render(report: Report, format: ReportFormat): Promise<RenderedReport> {
    if (format === 'json') return { format, report };
    const filename = `${slug(report.title)}.${format}`;
    const body =
      format === 'docx'
        ? await reportDocx(report)
        : format === 'pdf'
          ? await htmlToPdf(reportHtml(report))
          : reportHtml(report);
    return { format, filename, contentType: CONTENT_TYPES[format], body };
  }

  return {
    render,

    async selfEvaluation(actor: Actor, roundId: string, schoolId: string): Promise<Report> {
      const school = await orgRepository.findSchool(db, actor.trustId, schoolId);
      if (!school) throw notFound('School');
      const summary = await deps.evaluationViews.summary(actor, roundId, schoolId);
      const { scale } = await deps.evaluationViews.heatmap(actor, roundId, {});
      return selfEvaluationReport(base(actor), { id: school.id, name: school.name }, summary, scale);
    },

    async plan(actor: Actor, planId: string): Promise<Report> {
      const plan = await deps.planning.getPlan(actor, planId);
      const overview = await deps.planningViews.overview(actor);
      return planReport(base(actor), plan, overview.deimplemented);
    },

    /** The governors' and trustees' report: always suppressed as for them, whoever generates it. */
    async board(actor: Actor, q: { from?: string; to?: string }): Promise<Report> {
      const period: Period = { from: q.from ?? null, to: q.to ?? today() };
      const data = await gatherBoardData(db, deps, actor, period);
      return boardReport(base(actor), await trustName(actor), period, data);
    },

    async dashboard(actor: Actor): Promise<BoardDashboard> {
      const data = await gatherBoardData(db, deps, actor, { from: null, to: today() });
      return boardDashboard(
        await trustName(actor),
        opts.clock().toISOString(),
        opts.suppressionThreshold,
        data,
      );
    },

    /**
     * School-level outcomes as open data: the published KS4 figures and the trust's own gap figures,
     * suppressed for publication (the board audience) whoever exports them.
     */
    async openData(actor: Actor): Promise<{ data: string; meta: string }> {
      const data = await gatherBoardData(db, deps, actor, { from: null, to: today() });
      const bySchool = new Map(data.schools.map((s) => [s.id, s]));
      const own: TrustFigure[] = data.gaps.flatMap(({ analysis: a }) =>
        a.scopes.flatMap((scope) => {
          const s = scope.schoolId ? bySchool.get(scope.schoolId) : undefined;
          if (!s) return [];
          const common = {
            academicYear: a.assessment.academicYear,
            urn: s.urn,
            schoolName: s.name,
            laCode: null,
            assessment: a.assessment.name,
          };
          return scope.groups.map((g) => ({
            ...common,
            breakdown: g.label,
            pupilCount: g.n,
            meanScore: g.mean,
            gap: g.key === 'focus' ? (scope.gap?.difference ?? null) : ('z' as const),
          }));
        }),
      );
      return buildOpenData(
        data.published.map((p) => ({
          year: p.year,
          urn: p.urn ?? '',
          schoolName: p.school_name ?? '',
          laCode: p.la_code,
          measures: p.measures as Record<string, number | null>,
          missing: p.missing as Record<string, string>,
        })),
        own,
      );
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
