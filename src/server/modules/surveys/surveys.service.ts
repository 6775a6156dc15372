import { createHash } from 'node:crypto';
import type {
  CreateSurveyBody,
  ImportSurveyBody,
  LinkQuestionBody,
  SurveyDetail,
  SurveyImport,
  SurveyImportResult,
  SurveyQuestion,
  SurveySummary,
} from '../../../shared/contracts/surveys';
import { characteristics } from '../../../shared/contracts/surveys';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { parseSurveyRows } from './survey-file';
import { surveyScope } from './survey-scope';
import { readSurveyTable } from './survey-table';
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
  componentId: q.component_id,
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

    /**
     * Imports one school's responses from a Microsoft Forms or Google Forms export, all or nothing.
     * Identifying columns are dropped before anything is written; new headings become questions;
     * responses already held (same fingerprint) are skipped, so a re-import adds nothing.
     */
    async importResponses(
      actor: Actor,
      surveyId: string,
      body: ImportSurveyBody,
    ): Promise<SurveyImportResult> {
      const survey = await repo.findSurvey(db, actor.trustId, surveyId);
      if (!survey) throw notFound('Survey');
      if (!(await orgRepository.findSchool(db, actor.trustId, body.schoolId))) throw notFound('School');
      if (!canManage(actor, survey, body.schoolId)) throw forbidden();
      if (survey.school_id && survey.school_id !== body.schoolId)
        throw badRequest('This survey belongs to another school.');
      const wantsCharacteristic = Object.values(body.mapping).some((u) =>
        (characteristics as readonly string[]).includes(u),
      );
      if (wantsCharacteristic && survey.audience !== 'pupil')
        throw badRequest('Respondent characteristics are kept for pupil surveys only.');

      const bytes = Buffer.from(body.contentBase64, 'base64');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const questions = (await repo.listQuestions(db, actor.trustId, survey.id)).map(presentQuestion);
      const table = await readSurveyTable(bytes, body.filename);
      const parsed =
        'error' in table
          ? {
              source: null,
              columns: [],
              responses: [],
              rowsRead: 0,
              blankRows: 0,
              rejected: [{ row: 1, column: '', value: '', reason: table.error }],
            }
          : parseSurveyRows(table.rows, {
              audience: survey.audience as SurveySummary['audience'],
              questions,
              mapping: body.mapping,
            });
      const known = await repo.knownFingerprints(
        db,
        actor.trustId,
        survey.id,
        body.schoolId,
        parsed.responses.map((r) => r.fingerprint),
      );
      // A submission repeated in the file, or already imported, is skipped rather than doubled.
      const fresh = parsed.responses.filter(
        (r, i, all) =>
          !known.has(r.fingerprint) && all.findIndex((x) => x.fingerprint === r.fingerprint) === i,
      );
      const ok = parsed.rejected.length === 0;
      const status = !ok ? 'rejected' : body.dryRun ? 'validated' : 'committed';
      const newColumns = parsed.columns.filter(
        (c) => (c.use === 'likert' || c.use === 'text') && !c.question,
      );

      const job = await db.transaction().execute(async (tx) => {
        const job = await repo.insertImport(tx, {
          trustId: actor.trustId,
          surveyId: survey.id,
          schoolId: body.schoolId,
          filename: body.filename,
          sha256,
          source: parsed.source ?? 'unknown',
          dryRun: body.dryRun,
          status,
          rowsRead: parsed.rowsRead,
          rowsAccepted: ok ? fresh.length : 0,
          rowsRejected: new Set(parsed.rejected.map((r) => r.row)).size,
          rowsSkipped: ok ? parsed.rowsRead - fresh.length : 0,
          rejected: parsed.rejected.slice(0, 5000),
          createdBy: actor.via === 'system' ? null : actor.personId,
        });
        let written = 0;
        if (status === 'committed') {
          const start = questions.reduce((m, q) => Math.max(m, q.position), 0) + 1;
          const ids = await repo.insertQuestions(
            tx,
            actor.trustId,
            survey.id,
            newColumns.map((c, i) => ({
              position: start + i,
              text: c.header,
              kind: c.use,
              scaleLabels: c.scaleLabels,
            })),
          );
          const questionOf = new Map<number, string>();
          for (const c of parsed.columns) if (c.question) questionOf.set(c.index, c.question.id);
          for (const [i, c] of newColumns.entries()) questionOf.set(c.index, ids[i] ?? '');
          written = await repo.insertResponses(
            tx,
            { trustId: actor.trustId, surveyId: survey.id, schoolId: body.schoolId, importId: job.id },
            fresh.map((r) => ({
              ...r,
              answers: r.answers.map((a) => ({
                questionId: questionOf.get(a.column) ?? '',
                value: a.value,
                text: a.text,
              })),
            })),
          );
          if (written !== fresh.length)
            await repo.setImportCounts(tx, actor.trustId, job.id, written, parsed.rowsRead - written);
        }
        await auditService.record(tx, actor, {
          action: 'import',
          entityType: 'survey_import',
          entityId: job.id,
          schoolId: body.schoolId,
          changes: {
            surveyId: survey.id,
            filename: body.filename,
            sha256,
            source: parsed.source,
            status,
            rows: parsed.rowsRead,
            written,
            droppedColumns: parsed.columns.filter((c) => c.use === 'dropped').map((c) => c.header),
          },
        });
        return (await repo.findImport(tx, actor.trustId, job.id))!;
      });

      const sampleOf = (index: number) =>
        'rows' in table
          ? [
              ...new Set(
                table.rows
                  .slice(1)
                  .map((r) => r[index] ?? '')
                  .filter(Boolean),
              ),
            ].slice(0, 3)
          : [];
      return {
        import: presentImport(job),
        source: parsed.source,
        columns: parsed.columns
          .filter((c) => c.use !== 'submitted')
          .map((c) => ({
            header: c.header,
            use: c.use === 'submitted' ? 'dropped' : c.use,
            note: c.note,
            questionId: c.question?.id ?? null,
            newQuestion: newColumns.includes(c),
            scaleLabels: c.scaleLabels,
            // Dropped columns may name people: none of their values leave the server.
            sample:
              c.use === 'dropped'
                ? []
                : sampleOf(c.index).map((v) => (v.length > 80 ? `${v.slice(0, 80)}…` : v)),
          })),
        rejected: parsed.rejected.slice(0, 200),
      };
    },

    /** Links a question to an evaluation statement or framework component (or clears the links). */
    async linkQuestion(actor: Actor, questionId: string, body: LinkQuestionBody) {
      const question = await repo.findQuestion(db, actor.trustId, questionId);
      if (!question) throw notFound('Question');
      const survey = (await repo.findSurvey(db, actor.trustId, question.survey_id))!;
      if (!canManage(actor, survey)) throw forbidden();
      if (!(await repo.linksExist(db, actor.trustId, body.statementId, body.componentId)))
        throw notFound('Statement or component');
      await db.transaction().execute(async (tx) => {
        if (!(await repo.bumpVersion(tx, actor.trustId, survey.id, body.surveyVersion))) throw staleVersion();
        await repo.setQuestionLinks(tx, actor.trustId, questionId, body.statementId, body.componentId);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'survey_question',
          entityId: questionId,
          schoolId: survey.school_id,
          changes: { statementId: body.statementId, componentId: body.componentId },
        });
      });
      const questions = await repo.listQuestions(db, actor.trustId, survey.id);
      const updated = questions.find((q) => q.id === questionId)!;
      return { question: presentQuestion(updated), surveyVersion: body.surveyVersion + 1 };
    },

    /** Removes exactly the responses one import wrote. */
    async deleteImport(actor: Actor, importId: string): Promise<number> {
      const job = await repo.findImport(db, actor.trustId, importId);
      if (!job) throw notFound('Import');
      if (!can(actor, 'survey.manage', { trustId: actor.trustId, schoolId: job.school_id }))
        throw forbidden();
      if (job.status !== 'committed') throw conflict('Only a committed import has responses to delete.');
      return db.transaction().execute(async (tx) => {
        const n = await repo.deleteResponsesOfImport(tx, actor.trustId, importId);
        await auditService.record(tx, actor, {
          action: 'delete_import',
          entityType: 'survey_import',
          entityId: importId,
          schoolId: job.school_id,
          changes: { surveyId: job.survey_id, responses: n },
        });
        return n;
      });
    },
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
