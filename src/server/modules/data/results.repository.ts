import { sql } from 'kysely';
import { copyRows } from '../../platform/db/copy';
import type { Db } from '../../platform/db/database';
import type { LineBuffer } from '../../platform/db/line-buffer';
import { pupilsRepository } from './pupils.repository';
import type { AssessmentKey } from './results-file';

/**
 * Bulk results are written with COPY (platform/db/copy.ts) in large batches of CSV lines, all inside
 * the import's one transaction. Lines for an assessment that had no results go straight into
 * `results`; lines that may replace a stored result go through a temporary staging table and are
 * merged at the end, since COPY cannot update.
 */
export const RESULT_COPY_COLUMNS = [
  'trust_id',
  'assessment_id',
  'pupil_id',
  'value',
  'import_job_id',
] as const;
export type ResultBatch = { direct: LineBuffer; staged: LineBuffer };

/** One line of a batch, in RESULT_COPY_COLUMNS order (uuids and a finite number need no quoting). */
export const resultLine = (
  trustId: string,
  assessmentId: string,
  pupilId: string,
  value: number,
  jobId: string,
) => `${trustId},${assessmentId},${pupilId},${value},${jobId}\n`;

export const resultsRepository = {
  /** Every pupil of the trust with a UPN and the characteristics the summaries group by. */
  async pupilsOfTrust(tx: Db, trustId: string) {
    const rows = await tx
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'is not', null)
      .select(['id', 'upn', 'school_id', 'disadvantaged', 'sen', 'eal', 'sex'])
      .execute();
    return rows.map((p) => ({
      id: p.id,
      upn: p.upn!,
      schoolId: p.school_id,
      disadvantaged: p.disadvantaged,
      sen: p.sen,
      eal: p.eal,
      sex: p.sex,
    }));
  },

  /** The assessment a file names, created when the trust does not have it yet; `empty` when it has no results. */
  async findOrCreateAssessment(tx: Db, trustId: string, k: AssessmentKey) {
    const existing = await tx
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .where('name', '=', k.name)
      .where('subject', '=', k.subject)
      .where('year_group', '=', k.yearGroup)
      .where('academic_year', '=', k.academicYear)
      .where('collection_point', '=', k.collectionPoint)
      .select(['id', 'grade_set', 'taken_on'])
      .executeTakeFirst();
    if (existing) {
      const any = await tx
        .selectFrom('results')
        .where('assessment_id', '=', existing.id)
        .select('pupil_id')
        .limit(1)
        .executeTakeFirst();
      return { id: existing.id, gradeSet: existing.grade_set, takenOn: existing.taken_on, empty: !any };
    }
    const { id } = await pupilsRepository.insertAssessment(tx, { trustId, ...k });
    return { id, gradeSet: k.gradeSet, takenOn: k.takenOn, empty: true };
  },

  /** Writes a batch: new results into the table, possible replacements into the staging table. */
  async writeBatch(tx: Db, b: ResultBatch, staging: { created: boolean }): Promise<void> {
    if (b.direct.lines) await copyRows(tx, 'results', RESULT_COPY_COLUMNS, b.direct.bytes());
    if (!b.staged.lines) return;
    if (!staging.created) {
      // DDL the query builder cannot express (LIKE, ON COMMIT DROP); gone with the transaction.
      await sql`create temporary table results_staging (like results) on commit drop`.execute(tx);
      staging.created = true;
    }
    await copyRows(tx, 'results_staging', RESULT_COPY_COLUMNS, b.staged.bytes());
  },

  /** Merges the staged lines: a result already held for the pupil and assessment takes the new value and job. */
  async mergeStaged(tx: Db): Promise<void> {
    await sql`
      insert into results (trust_id, assessment_id, pupil_id, value, import_job_id)
      select trust_id, assessment_id, pupil_id, value, import_job_id from results_staging
      on conflict (assessment_id, pupil_id)
      do update set value = excluded.value, import_job_id = excluded.import_job_id`.execute(tx);
  },

  /** The assessments holding results last written by an import job. */
  async assessmentsOfJob(tx: Db, trustId: string, jobId: string): Promise<string[]> {
    const rows = await tx
      .selectFrom('results')
      .where('trust_id', '=', trustId)
      .where('import_job_id', '=', jobId)
      .select('assessment_id')
      .distinct()
      .execute();
    return rows.map((r) => r.assessment_id);
  },

  /** Removes the results an import job wrote (and no later import replaced); returns how many. */
  async deleteResultsOfJob(tx: Db, trustId: string, jobId: string): Promise<number> {
    const r = await tx
      .deleteFrom('results')
      .where('trust_id', '=', trustId)
      .where('import_job_id', '=', jobId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Every result of the trust (or one school) in the long CSV layout, ordered for stable files. */
  /**
   * The trust's assessments in export order: a total order (an assessment is its name, subject,
   * year group, year and collection point), so the same data always exports to the same file.
   */
  exportAssessments(db: Db, trustId: string) {
    return db
      .selectFrom('assessments as a')
      .where('a.trust_id', '=', trustId)
      .select([
        'a.id',
        'a.name',
        'a.subject',
        'a.year_group',
        'a.academic_year',
        'a.collection_point',
        'a.grade_set',
        'a.taken_on',
      ])
      .orderBy('a.academic_year')
      .orderBy('a.taken_on')
      .orderBy('a.name')
      .orderBy('a.subject')
      .orderBy('a.year_group')
      .orderBy('a.collection_point')
      .execute();
  },

  /** The pupils with a UPN (of one school when given) in UPN order: the order of the results export. */
  exportPupils(db: Db, trustId: string, schoolId: string | null) {
    let q = db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'is not', null)
      .select(['id', 'upn'])
      .orderBy('upn');
    if (schoolId) q = q.where('school_id', '=', schoolId);
    return q.$narrowType<{ upn: string }>().execute();
  },

  /**
   * A page of one assessment's results after the pupil id `after`, in the primary key's order, so
   * each page is read straight from the index (value is included in it) with nothing to sort.
   */
  exportResultsOf(
    db: Db,
    trustId: string,
    assessmentId: string,
    page: { after: string | null; size: number },
  ) {
    let q = db
      .selectFrom('results')
      .where('trust_id', '=', trustId)
      .where('assessment_id', '=', assessmentId)
      .select(['pupil_id', 'value'])
      .orderBy('pupil_id')
      .limit(page.size);
    if (page.after !== null) q = q.where('pupil_id', '>', page.after);
    return q.execute();
  },
};
