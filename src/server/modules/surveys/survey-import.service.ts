import { createHash } from 'node:crypto';
import type { ImportSurveyBody, SurveyImportResult, SurveySummary } from '../../../shared/contracts/surveys';
import { characteristics } from '../../../shared/contracts/surveys';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { parseSurveyRows } from './survey-file';
import { readSurveyTable } from './survey-table';
import { surveysRepository as repo } from './surveys.repository';
import { presentImport, presentQuestion } from './surveys.service';

/** Importing survey exports into a school's responses, and taking an import back out. */
export function createSurveyImportService(db: Db) {
  const canManageAt = (actor: Actor, schoolId: string) =>
    can(actor, 'survey.manage', { trustId: actor.trustId, schoolId });

  return {
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
      if (!canManageAt(actor, body.schoolId)) throw forbidden();
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

export type SurveyImportService = ReturnType<typeof createSurveyImportService>;
