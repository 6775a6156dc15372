import type { Db } from '../../platform/db/database';
import type { RejectedRowJson } from '../../platform/db/schema';
import type { Ks4Row } from './ks4-file';

/** Jobs with the name of who ran them. */
function jobsQuery(db: Db, trustId: string) {
  return db
    .selectFrom('import_jobs as j')
    .leftJoin('people as p', 'p.id', 'j.created_by')
    .where('j.trust_id', '=', trustId)
    .select([
      'j.id',
      'j.kind',
      'j.filename',
      'j.file_sha256',
      'j.year',
      'j.dry_run',
      'j.status',
      'j.rows_read',
      'j.rows_accepted',
      'j.rows_rejected',
      'j.rows_skipped',
      'j.failure',
      'j.finished_at',
      'j.created_at',
      'p.name as created_by_name',
    ]);
}

export const dataRepository = {
  insertJob(
    db: Db,
    j: {
      trustId: string;
      kind: string;
      filename: string;
      sha256: string;
      year: number | null;
      dryRun: boolean;
      status: string;
      rowsRead: number;
      rowsAccepted: number;
      rowsRejected: number;
      rejected: RejectedRowJson[];
      createdBy: string | null;
    },
  ) {
    return db
      .insertInto('import_jobs')
      .values({
        trust_id: j.trustId,
        kind: j.kind,
        filename: j.filename,
        file_sha256: j.sha256,
        year: j.year,
        dry_run: j.dryRun,
        status: j.status,
        rows_read: j.rowsRead,
        rows_accepted: j.rowsAccepted,
        rows_rejected: j.rowsRejected,
        rejected: JSON.stringify(j.rejected),
        created_by: j.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** The newest jobs; only those one person ran when `createdBy` is given. */
  listJobs(db: Db, trustId: string, createdBy?: string) {
    let q = jobsQuery(db, trustId);
    if (createdBy) q = q.where('j.created_by', '=', createdBy);
    return q.orderBy('j.created_at', 'desc').limit(200).execute();
  },

  findJobRow(db: Db, trustId: string, id: string) {
    return jobsQuery(db, trustId).where('j.id', '=', id).executeTakeFirst();
  },

  findJob(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('import_jobs')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  async markDeleted(db: Db, trustId: string, id: string): Promise<void> {
    await db
      .updateTable('import_jobs')
      .set({ status: 'deleted' })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  /** Closes a job with its outcome; inside the data transaction when rows were written. */
  async finishJob(
    db: Db,
    trustId: string,
    id: string,
    f: {
      status: string;
      sha256: string;
      rowsRead: number;
      rowsAccepted: number;
      rowsRejected: number;
      rowsSkipped: number;
      rejected: RejectedRowJson[];
      failure?: string;
    },
  ): Promise<void> {
    await db
      .updateTable('import_jobs')
      .set({
        status: f.status,
        file_sha256: f.sha256,
        rows_read: f.rowsRead,
        rows_accepted: f.rowsAccepted,
        rows_rejected: f.rowsRejected,
        rows_skipped: f.rowsSkipped,
        rejected: JSON.stringify(f.rejected),
        failure: f.failure ?? null,
        finished_at: new Date(),
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  /**
   * A job still 'running' when the server starts was cut off mid-import: its transaction never
   * committed, so nothing it read was written; say so on the job.
   */
  async failInterruptedJobs(db: Db): Promise<number> {
    const r = await db
      .updateTable('import_jobs')
      .set({
        status: 'failed',
        failure: 'The server stopped before this import finished; nothing from the file was written.',
        finished_at: new Date(),
      })
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Re-importing a dataset year replaces it: the old rows go in the same transaction as the new arrive. */
  async replaceOutcomes(
    db: Db,
    trustId: string,
    jobId: string,
    dataset: string,
    year: number,
    rows: Ks4Row[],
  ): Promise<void> {
    await db
      .deleteFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('dataset', '=', dataset)
      .where('year', '=', year)
      .execute();
    // Batches keep each statement well under PostgreSQL's 65,535 parameter limit.
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('published_outcomes')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            trust_id: trustId,
            import_job_id: jobId,
            dataset,
            year,
            record_level: r.recordLevel,
            la_code: r.laCode,
            urn: r.urn,
            school_name: r.schoolName,
            measures: JSON.stringify(r.measures),
            missing: JSON.stringify(r.missing),
          })),
        )
        .execute();
    }
  },

  async deleteOutcomesOfJob(db: Db, trustId: string, jobId: string): Promise<number> {
    const r = await db
      .deleteFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('import_job_id', '=', jobId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** A school's published rows with its local authority's and England's rows for the same years. */
  outcomesForSchool(db: Db, trustId: string, urn: string, laCode: string | null) {
    return db
      .selectFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where((eb) =>
        eb.or([
          eb('urn', '=', urn),
          eb.and([eb('record_level', '=', 'local_authority'), eb('la_code', '=', laCode ?? '')]),
          eb('record_level', 'in', ['national_all', 'national_state_funded']),
        ]),
      )
      .select(['dataset', 'year', 'record_level', 'la_code', 'urn', 'school_name', 'measures', 'missing'])
      .orderBy('year', 'desc')
      .execute();
  },

  laCodeOfUrn(db: Db, trustId: string, urn: string) {
    return db
      .selectFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('urn', '=', urn)
      .select('la_code')
      .executeTakeFirst()
      .then((r) => r?.la_code ?? null);
  },
};
