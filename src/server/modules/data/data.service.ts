import { createHash } from 'node:crypto';
import type {
  ImportJob,
  ImportKs4Body,
  ImportPupilsBody,
  ImportSchoolDatasetBody,
} from '../../../shared/contracts/data';
import type { Actor } from '../../platform/auth/actor';
import { can, canAnywhere } from '../../platform/auth/policy';
import { safeCsv } from '../../platform/csv-safe';
import type { Db } from '../../platform/db/database';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { refreshResultSummaries } from '../analysis/analysis.repository';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { recordImportedHistory } from '../pupils/history.service';
import { parseCtf } from './ctf-file';
import { dataRepository as repo } from './data.repository';
import { parseKs4 } from './ks4-file';
import { type PupilRow, parsePupilCsv, type Rejected } from './pupil-file';
import { pupilsRepository } from './pupils.repository';
import { recordsRepository } from './records.repository';
import { resultsRepository } from './results.repository';
import { parseSchoolDataset } from './school-datasets';

export type JobRow = Awaited<ReturnType<typeof repo.listJobs>>[number];

export const presentJob = (j: JobRow): ImportJob => ({
  id: j.id,
  kind: j.kind,
  filename: j.filename,
  fileSha256: j.file_sha256,
  year: j.year,
  dryRun: j.dry_run,
  status: j.status as ImportJob['status'],
  rowsRead: j.rows_read,
  rowsAccepted: j.rows_accepted,
  rowsRejected: j.rows_rejected,
  rowsSkipped: j.rows_skipped,
  failure: j.failure,
  createdAt: j.created_at.toISOString(),
  finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  createdByName: j.created_by_name,
});

/** Formula-looking text (=, +, -, @) is prefixed so a spreadsheet shows it rather than runs it. */

export function createDataService(db: Db, clock: () => Date = () => new Date()) {
  const requireImport = (actor: Actor) => {
    if (!can(actor, 'data.import', { trustId: actor.trustId })) throw forbidden();
  };

  /** A published school-level file into published_outcomes under `dataset`, all or nothing. */
  async function importPublished(
    actor: Actor,
    body: ImportKs4Body,
    kind: string,
    dataset: string,
    parsed: ReturnType<typeof parseKs4>,
  ) {
    requireImport(actor);
    const sha256 = createHash('sha256').update(body.content).digest('hex');
    const ok = parsed.rejected.length === 0;
    const status = !ok ? 'rejected' : body.dryRun ? 'validated' : 'committed';
    const jobId = await db.transaction().execute(async (tx) => {
      const { id } = await repo.insertJob(tx, {
        trustId: actor.trustId,
        kind,
        filename: body.filename,
        sha256,
        year: body.year,
        dryRun: body.dryRun,
        status,
        rowsRead: parsed.rowsRead,
        rowsAccepted: ok ? parsed.rows.length : 0,
        rowsRejected: parsed.rejected.length,
        rejected: parsed.rejected.slice(0, 5000),
        createdBy: actor.via === 'system' ? null : actor.personId,
      });
      if (status === 'committed')
        await repo.replaceOutcomes(tx, actor.trustId, id, dataset, body.year, parsed.rows);
      await auditService.record(tx, actor, {
        action: 'import',
        entityType: 'import_job',
        entityId: id,
        changes: { kind, filename: body.filename, sha256, status, rows: parsed.rowsRead },
      });
      return id;
    });
    const job = (await repo.findJobRow(db, actor.trustId, jobId))!;
    return { ...presentJob(job), rejected: parsed.rejected.slice(0, 200) };
  }

  /** Pupils of one school from a parsed file, upserted by UPN: all or nothing, audited with the file hash. */
  async function importPupilFile(
    actor: Actor,
    body: ImportPupilsBody,
    kind: 'pupils' | 'ctf',
    parse: (bytes: Uint8Array) => {
      pupils: PupilRow[];
      rejected: Rejected[];
      rowsRead: number;
      audit?: Record<string, unknown>;
    },
  ) {
    const school = await orgRepository.findSchool(db, actor.trustId, body.schoolId);
    if (!school) throw notFound('School');
    if (!can(actor, 'pupil.import', { trustId: actor.trustId, schoolId: body.schoolId })) throw forbidden();
    const bytes = Buffer.from(body.contentBase64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed = parse(bytes);
    const ok = parsed.rejected.length === 0;
    const status = !ok ? 'rejected' : body.dryRun ? 'validated' : 'committed';
    const jobId = await db.transaction().execute(async (tx) => {
      const { id } = await repo.insertJob(tx, {
        trustId: actor.trustId,
        kind,
        filename: body.filename,
        sha256,
        year: null,
        dryRun: body.dryRun,
        status,
        rowsRead: parsed.rowsRead,
        rowsAccepted: ok ? parsed.pupils.length : 0,
        rowsRejected: parsed.rejected.length,
        rejected: parsed.rejected.slice(0, 5000),
        createdBy: actor.via === 'system' ? null : actor.personId,
      });
      if (status === 'committed') {
        const upns = parsed.pupils.flatMap((p) => (p.upn ? [p.upn] : []));
        const before = await pupilsRepository.schoolsOfUpns(tx, actor.trustId, upns);
        await pupilsRepository.upsertPupils(tx, actor.trustId, body.schoolId, parsed.pupils);
        const today = clock().toISOString().slice(0, 10);
        const touched = await recordImportedHistory(
          tx,
          actor.trustId,
          body.schoolId,
          parsed.pupils,
          body.effectiveDate ?? today,
        );
        // Characteristics or schools may have changed, now or in the past: the summaries must follow.
        await refreshResultSummaries(tx, actor.trustId, {
          schoolIds: [...new Set([body.schoolId, ...before, ...touched])],
        });
      }
      await auditService.record(tx, actor, {
        action: 'import',
        entityType: 'import_job',
        entityId: id,
        schoolId: body.schoolId,
        changes: { kind, filename: body.filename, sha256, status, rows: parsed.rowsRead, ...parsed.audit },
      });
      return id;
    });
    const job = (await repo.findJobRow(db, actor.trustId, jobId))!;
    return { ...presentJob(job), rejected: parsed.rejected.slice(0, 200) };
  }

  return {
    /**
     * Imports a KS4 performance tables file, all or nothing: one invalid row rejects the file with
     * a report of every problem, and nothing is written. A re-import of the year replaces it.
     */
    importKs4(actor: Actor, body: ImportKs4Body) {
      return importPublished(actor, body, 'ks4_performance', 'ks4', parseKs4(body.content));
    },

    /** The census, absence or Ofsted download, handled exactly as the KS4 file is. */
    importSchoolDataset(actor: Actor, body: ImportSchoolDatasetBody) {
      return importPublished(
        actor,
        body,
        body.dataset,
        body.dataset,
        parseSchoolDataset(body.dataset, body.content),
      );
    },

    /** A school's pupil list from its MIS: all or nothing, and re-importing the same file changes nothing. */
    importPupils(actor: Actor, body: ImportPupilsBody) {
      return importPupilFile(actor, body, 'pupils', parsePupilCsv);
    },

    /**
     * A DfE Common Transfer File into a school, exactly as a pupil list is imported. Schools are held
     * by URN, not LA and establishment number, so the file's source school is recorded in the audit
     * entry rather than checked.
     */
    importCtf(actor: Actor, body: ImportPupilsBody) {
      return importPupilFile(actor, body, 'ctf', (bytes) => {
        const parsed = parseCtf(bytes);
        const h = parsed.header;
        return {
          ...parsed,
          audit: h
            ? {
                ctfVersion: h.version,
                fileDate: h.date,
                sourceSchool: h.sourceSchool,
                destSchool: h.destSchool,
              }
            : {},
        };
      });
    },

    /** At start-up: imports cut off by a stopped server are marked failed (their writes never committed). */
    recoverInterruptedImports(): Promise<number> {
      return repo.failInterruptedJobs(db);
    },

    /** Trust-wide importers see every job; a school's data manager or leader sees the jobs they ran. */
    async listJobs(actor: Actor): Promise<ImportJob[]> {
      if (can(actor, 'data.import', { trustId: actor.trustId }))
        return (await repo.listJobs(db, actor.trustId)).map(presentJob);
      if (!canAnywhere(actor, 'pupil.import')) throw forbidden();
      return (await repo.listJobs(db, actor.trustId, actor.personId)).map(presentJob);
    },

    /** The rejected rows of a job as CSV: row number, column, value and the reason. */
    async rejectedCsv(actor: Actor, jobId: string): Promise<string> {
      const job = await repo.findJob(db, actor.trustId, jobId);
      if (!job) throw notFound('Import');
      const mine = job.created_by !== null && job.created_by === actor.personId;
      if (!can(actor, 'data.import', { trustId: actor.trustId }) && !mine) throw forbidden();
      return safeCsv([
        ['row', 'column', 'value', 'reason'],
        ...job.rejected.map((r) => [String(r.row), r.column, r.value, r.reason]),
      ]);
    },

    /** Removes exactly the rows an import wrote. */
    async deleteImport(actor: Actor, jobId: string): Promise<number> {
      requireImport(actor);
      const job = await repo.findJob(db, actor.trustId, jobId);
      if (!job) throw notFound('Import');
      if (job.status !== 'committed') throw conflict('Only a committed import has rows to delete.');
      if (job.kind === 'gias')
        throw conflict(
          'A GIAS import updates schools rather than adding rows: change the schools themselves instead.',
        );
      return db.transaction().execute(async (tx) => {
        let n =
          (await repo.deleteOutcomesOfJob(tx, actor.trustId, jobId)) +
          (await recordsRepository.deleteRowsOfJob(tx, actor.trustId, jobId));
        // Results record the job that last wrote them; the summaries of their assessments follow.
        const assessmentIds = await resultsRepository.assessmentsOfJob(tx, actor.trustId, jobId);
        if (assessmentIds.length) {
          n += await resultsRepository.deleteResultsOfJob(tx, actor.trustId, jobId);
          await refreshResultSummaries(tx, actor.trustId, { assessmentIds });
        }
        await repo.markDeleted(tx, actor.trustId, jobId);
        await auditService.record(tx, actor, {
          action: 'delete_import',
          entityType: 'import_job',
          entityId: jobId,
          changes: { rows: n },
        });
        return n;
      });
    },

    async schoolOutcomes(actor: Actor, schoolId: string) {
      const school = await orgRepository.findSchool(db, actor.trustId, schoolId);
      if (!school) throw notFound('School');
      if (!can(actor, 'school.read', { trustId: actor.trustId, schoolId })) throw forbidden();
      const la = await repo.laCodeOfUrn(db, actor.trustId, school.urn);
      const rows = await repo.outcomesForSchool(db, actor.trustId, school.urn, la);
      return rows.map((r) => ({
        dataset: r.dataset,
        year: r.year,
        recordLevel: r.record_level as 'school',
        laCode: r.la_code,
        urn: r.urn,
        schoolName: r.school_name,
        measures: r.measures,
        missing: r.missing,
      }));
    },
  };
}

export type DataService = ReturnType<typeof createDataService>;
