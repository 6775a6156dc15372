import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { AssessmentKey } from './results-file';

/**
 * Bulk results go through a temporary staging table: lines are appended in large batches (arrays
 * through unnest, which both PostgreSQL and PGlite take as four parameters however long), references
 * are then checked in one set-based query each, and the results written with one INSERT ... SELECT in
 * key order. The staging table disappears with the transaction, whether it commits or not.
 */
export type StagedBatch = { lines: number[]; upns: string[]; assessments: number[]; values: number[] };

export const resultsRepository = {
  async createStaging(tx: Db): Promise<void> {
    await sql`create temp table import_result_lines (
      line integer not null, upn text not null, assessment integer not null, value double precision not null
    ) on commit drop`.execute(tx);
  },

  async appendStaging(tx: Db, b: StagedBatch): Promise<void> {
    if (!b.lines.length) return;
    await sql`insert into import_result_lines
      select * from unnest(${b.lines}::integer[], ${b.upns}::text[], ${b.assessments}::integer[], ${b.values}::double precision[])`.execute(
      tx,
    );
  },

  /** Lines whose UPN is not a pupil of the trust (or, when a school is given, of that school). */
  async unknownPupils(tx: Db, trustId: string, schoolId: string | null, limit: number) {
    const r = await sql<{ line: number; upn: string; elsewhere: boolean }>`
      select s.line, s.upn, p.id is not null as elsewhere
      from import_result_lines s
      left join pupils p on p.trust_id = ${trustId} and p.upn = s.upn
      where p.id is null or (${schoolId}::uuid is not null and p.school_id <> ${schoolId}::uuid)
      order by s.line limit ${limit}`.execute(tx);
    return r.rows;
  },

  /** Second and later lines for the same pupil and assessment, with the line they repeat. */
  async duplicateLines(tx: Db, limit: number) {
    const r = await sql<{ line: number; first: number; upn: string }>`
      select line, first, upn from (
        select line, upn, min(line) over (partition by upn, assessment) as first from import_result_lines
      ) d where line <> first order by line limit ${limit}`.execute(tx);
    return r.rows;
  },

  /** The id of each assessment, created when the trust does not have it yet. */
  async findOrCreateAssessments(tx: Db, trustId: string, keys: AssessmentKey[]) {
    const found: { id: string; gradeSet: string }[] = [];
    for (const k of keys) {
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
      if (existing) {
        found.push({ id: existing.id, gradeSet: existing.grade_set });
        continue;
      }
      const { id } = await tx
        .insertInto('assessments')
        .values({
          trust_id: trustId,
          name: k.name,
          subject: k.subject,
          year_group: k.yearGroup,
          academic_year: k.academicYear,
          collection_point: k.collectionPoint,
          grade_set: k.gradeSet,
          taken_on: k.takenOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      found.push({ id, gradeSet: k.gradeSet });
    }
    return found;
  },

  /** Writes every staged line (a re-imported result replaces the old value); returns the count. */
  async writeResults(tx: Db, trustId: string, assessmentIds: string[]): Promise<number> {
    const r = await sql`
      insert into results (trust_id, assessment_id, pupil_id, value)
      select ${trustId}::uuid, a.id, p.id, s.value
      from import_result_lines s
      join unnest(${assessmentIds}::uuid[]) with ordinality as a(id, n) on a.n = s.assessment + 1
      join pupils p on p.trust_id = ${trustId} and p.upn = s.upn
      order by a.id, p.id
      on conflict (assessment_id, pupil_id) do update set value = excluded.value`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
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
