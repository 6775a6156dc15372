import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { pupilsRepository } from './pupils.repository';
import type { AssessmentKey } from './results-file';

/**
 * Bulk results are written in large batches as three arrays through unnest, which PostgreSQL and
 * PGlite both take as three parameters however many rows they carry (no 65,535-parameter ceiling,
 * no per-row statement), all inside the import's one transaction.
 */
export type ResultBatch = { assessmentIds: string[]; pupilIds: string[]; values: number[] };

export const resultsRepository = {
  /** Every pupil of the trust with a UPN: the importer matches lines against this in memory. */
  async pupilsOfTrust(tx: Db, trustId: string) {
    const rows = await tx
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'is not', null)
      .select(['id', 'upn', 'school_id'])
      .execute();
    return rows.map((p) => ({ id: p.id, upn: p.upn!, schoolId: p.school_id }));
  },

  /** The assessment a file names, created when the trust does not have it yet. */
  async findOrCreateAssessment(tx: Db, trustId: string, k: AssessmentKey) {
    const existing = await tx
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .where('name', '=', k.name)
      .where('subject', '=', k.subject)
      .where('year_group', '=', k.yearGroup)
      .where('academic_year', '=', k.academicYear)
      .where('collection_point', '=', k.collectionPoint)
      .select(['id', 'grade_set'])
      .executeTakeFirst();
    if (existing) return { id: existing.id, gradeSet: existing.grade_set };
    const { id } = await pupilsRepository.insertAssessment(tx, { trustId, ...k });
    return { id, gradeSet: k.gradeSet };
  },

  /** Writes a batch; a result already held for the pupil and assessment takes the new value. */
  async writeBatch(tx: Db, trustId: string, b: ResultBatch): Promise<void> {
    if (!b.values.length) return;
    await sql`
      insert into results (trust_id, assessment_id, pupil_id, value)
      select ${trustId}::uuid, a, p, v
      from unnest(${b.assessmentIds}::uuid[], ${b.pupilIds}::uuid[], ${b.values}::double precision[]) as t(a, p, v)
      on conflict (assessment_id, pupil_id) do update set value = excluded.value`.execute(tx);
  },

  /** Every result of the trust (or one school) in the long CSV layout, ordered for stable files. */
  exportRows(db: Db, trustId: string, schoolId: string | null) {
    let q = db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
      .where('r.trust_id', '=', trustId)
      .select([
        'p.upn',
        'a.name',
        'a.subject',
        'a.year_group',
        'a.academic_year',
        'a.collection_point',
        'a.grade_set',
        'a.taken_on',
        'r.value',
      ])
      .orderBy('a.academic_year')
      .orderBy('a.name')
      .orderBy('a.subject')
      .orderBy('p.upn');
    if (schoolId) q = q.where('p.school_id', '=', schoolId);
    return q.execute();
  },
};
