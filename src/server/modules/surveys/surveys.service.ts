import type {
  CreateSurveyBody,
  LinkQuestionBody,
  SurveyDetail,
  SurveyImport,
  SurveyQuestion,
  SurveySummary,
} from '../../../shared/contracts/surveys';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { surveyScope } from './survey-scope';
import { surveysRepository as repo } from './surveys.repository';

type SurveyRow = NonNullable<Awaited<ReturnType<typeof repo.findSurvey>>>;
type ImportRow = NonNullable<Awaited<ReturnType<typeof repo.findImport>>>;

export const presentImport = (i: ImportRow): SurveyImport => ({
  id: i.id,
  schoolId: i.school_id,
  filename: i.filename,
  fileSha256: i.file_sha256,
  source: i.source,
  dryRun: i.dry_run,
  status: i.status as SurveyImport['status'],
  rowsRead: i.rows_read,
  rowsAccepted: i.rows_accepted,
  rowsRejected: i.rows_rejected,
  rowsSkipped: i.rows_skipped,
  createdAt: i.created_at.toISOString(),
});

export const presentQuestion = (
  q: Awaited<ReturnType<typeof repo.listQuestions>>[number],
): SurveyQuestion => ({
  id: q.id,
  position: q.position,
  text: q.text,
  kind: q.kind as SurveyQuestion['kind'],
  scaleLabels: q.scale_labels,
  statementId: q.statement_id,
  componentCode: q.component_code,
});

export function createSurveysService(db: Db) {
  const canManage = (actor: Actor, s: SurveyRow, schoolId?: string) =>
    can(actor, 'survey.manage', { trustId: actor.trustId, schoolId: schoolId ?? s.school_id });

  const summary = (actor: Actor, s: SurveyRow, responses: number): SurveySummary => ({
    id: s.id,
    title: s.title,
    audience: s.audience as SurveySummary['audience'],
    schoolId: s.school_id,
    schoolName: s.school_name,
    academicYear: s.academic_year,
    opensOn: s.opens_on,
    closesOn: s.closes_on,
    version: s.version,
    responses,
    canEdit: canManage(actor, s),
    // A trust-wide survey takes imports from anyone who manages surveys at one of its schools.
    canImport: s.school_id
      ? canManage(actor, s)
      : can(actor, 'survey.manage', { trustId: actor.trustId }) ||
        actor.assignments.some((a) => a.schoolId && canManage(actor, s, a.schoolId)),
  });

  /** The survey and the schools of it the actor may read; another trust's survey is not found. */
  async function load(actor: Actor, surveyId: string) {
    const survey = await repo.findSurvey(db, actor.trustId, surveyId);
    if (!survey) throw notFound('Survey');
    const scope = await surveyScope(db, actor, survey.school_id);
    if (scope.schools.length === 0) throw forbidden();
    return { survey, scope };
  }

  return {
    load,

    async list(actor: Actor): Promise<SurveySummary[]> {
      const all = await repo.listSurveys(db, actor.trustId);
      const counts = await repo.responseCounts(
        db,
        actor.trustId,
        all.map((s) => s.id),
      );
      const schools = await orgRepository.listSchools(db, actor.trustId);
      const out: SurveySummary[] = [];
      for (const s of all) {
        const scope = await surveyScope(db, actor, s.school_id, schools);
        if (scope.schools.length === 0) continue;
        const seen = new Set(scope.schools.map((x) => x.id));
        const n = counts
          .filter((c) => c.survey_id === s.id && seen.has(c.school_id))
          .reduce((t, c) => t + c.n, 0);
        out.push(summary(actor, s, n));
      }
      return out;
    },

    async create(actor: Actor, body: CreateSurveyBody): Promise<SurveySummary> {
      if (body.schoolId && !(await orgRepository.findSchool(db, actor.trustId, body.schoolId)))
        throw notFound('School');
      if (!can(actor, 'survey.manage', { trustId: actor.trustId, schoolId: body.schoolId }))
        throw forbidden();
      const id = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertSurvey(tx, { trustId: actor.trustId, ...body });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'survey',
          entityId: id,
          schoolId: body.schoolId,
          changes: body,
        });
        return id;
      });
      const created = (await repo.findSurvey(db, actor.trustId, id))!;
      return summary(actor, created, 0);
    },

    async detail(actor: Actor, surveyId: string): Promise<SurveyDetail> {
      const { survey, scope } = await load(actor, surveyId);
      const seen = new Set(scope.schools.map((s) => s.id));
      const counts = await repo.responseCounts(db, actor.trustId, [survey.id]);
      const n = counts.filter((c) => seen.has(c.school_id)).reduce((t, c) => t + c.n, 0);
      const imports = (await repo.listImports(db, actor.trustId, survey.id)).filter(
        (i) => seen.has(i.school_id) && canManage(actor, survey, i.school_id),
      );
      return {
        survey: summary(actor, survey, n),
        questions: (await repo.listQuestions(db, actor.trustId, survey.id)).map(presentQuestion),
        imports: imports.map(presentImport),
      };
    },

    /** Links a question to an evaluation statement or framework component (or clears the links). */
    async linkQuestion(actor: Actor, questionId: string, body: LinkQuestionBody) {
      const question = await repo.findQuestion(db, actor.trustId, questionId);
      if (!question) throw notFound('Question');
      const survey = (await repo.findSurvey(db, actor.trustId, question.survey_id))!;
      if (!canManage(actor, survey)) throw forbidden();
      if (!(await repo.statementExists(db, actor.trustId, body.statementId))) throw notFound('Statement');
      const componentId = body.componentCode
        ? await repo.componentIdOf(db, actor.trustId, body.componentCode)
        : null;
      if (componentId === undefined) throw notFound('Framework component');
      await db.transaction().execute(async (tx) => {
        if (!(await repo.bumpVersion(tx, actor.trustId, survey.id, body.surveyVersion))) throw staleVersion();
        await repo.setQuestionLinks(tx, actor.trustId, questionId, body.statementId, componentId);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'survey_question',
          entityId: questionId,
          schoolId: survey.school_id,
          changes: { statementId: body.statementId, componentCode: body.componentCode },
        });
      });
      const questions = await repo.listQuestions(db, actor.trustId, survey.id);
      const updated = questions.find((q) => q.id === questionId)!;
      return { question: presentQuestion(updated), surveyVersion: body.surveyVersion + 1 };
    },
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
