import { sql } from 'kysely';
import type { Term } from '../../../shared/contracts/calendar';
import type { Db } from '../../platform/db/database';

const pointColumns = ['id', 'academic_year_id', 'name', 'collect_on', 'year_groups', 'version'] as const;
const assessmentColumns = [
  'id',
  'academic_year_id',
  'collection_point_id',
  'name',
  'subject',
  'year_group',
  'assessment_type',
  'planned_on',
  'grade_set',
  'version',
] as const;

export type PointRow = { name: string; collectOn: string; yearGroups: string[] };
export type AssessmentRow = {
  collectionPointId: string | null;
  name: string;
  subject: string;
  yearGroup: string;
  type: string;
  plannedOn: string;
  gradeSet: string | null;
};

const assessmentValues = (a: AssessmentRow) => ({
  collection_point_id: a.collectionPointId,
  name: a.name,
  subject: a.subject,
  year_group: a.yearGroup,
  assessment_type: a.type,
  planned_on: a.plannedOn,
  grade_set: a.gradeSet,
});

export const calendarRepository = {
  listYears(db: Db, trustId: string) {
    return db
      .selectFrom('academic_years')
      .where('trust_id', '=', trustId)
      .select(['id', 'label', 'starts_on', 'ends_on', 'version'])
      .orderBy('starts_on', 'desc')
      .execute();
  },

  findYear(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('academic_years')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(['id', 'label', 'starts_on', 'ends_on', 'version'])
      .executeTakeFirst();
  },

  findYearByLabel(db: Db, trustId: string, label: string) {
    return db
      .selectFrom('academic_years')
      .where('trust_id', '=', trustId)
      .where('label', '=', label)
      .select('id')
      .executeTakeFirst();
  },

  listTerms(db: Db, trustId: string, yearIds: readonly string[]) {
    if (!yearIds.length) return Promise.resolve([]);
    return db
      .selectFrom('terms')
      .where('trust_id', '=', trustId)
      .where('academic_year_id', 'in', yearIds)
      .select([
        'academic_year_id',
        'name',
        'starts_on',
        'ends_on',
        'half_term_starts_on',
        'half_term_ends_on',
      ])
      .orderBy('starts_on')
      .execute();
  },

  insertYear(db: Db, trustId: string, y: { label: string; startsOn: string; endsOn: string }) {
    return db
      .insertInto('academic_years')
      .values({ trust_id: trustId, label: y.label, starts_on: y.startsOn, ends_on: y.endsOn })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Bumps the year's version only if it is still the one the editor saw. */
  bumpYear(db: Db, trustId: string, id: string, version: number) {
    return db
      .updateTable('academic_years')
      .set({ version: version + 1 })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  /** A year's terms are written as a whole: they are checked together, so they change together. */
  async replaceTerms(db: Db, trustId: string, yearId: string, terms: readonly Term[]): Promise<void> {
    await db
      .deleteFrom('terms')
      .where('trust_id', '=', trustId)
      .where('academic_year_id', '=', yearId)
      .execute();
    await db
      .insertInto('terms')
      .values(
        terms.map((t) => ({
          trust_id: trustId,
          academic_year_id: yearId,
          name: t.name,
          starts_on: t.startsOn,
          ends_on: t.endsOn,
          half_term_starts_on: t.halfTermStartsOn,
          half_term_ends_on: t.halfTermEndsOn,
        })),
      )
      .execute();
  },

  listPoints(db: Db, trustId: string, yearId: string) {
    return db
      .selectFrom('collection_points')
      .where('trust_id', '=', trustId)
      .where('academic_year_id', '=', yearId)
      .select(pointColumns)
      .orderBy('collect_on')
      .orderBy('name')
      .execute();
  },

  findPoint(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('collection_points')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(pointColumns)
      .executeTakeFirst();
  },

  insertPoint(db: Db, trustId: string, yearId: string, p: PointRow) {
    return db
      .insertInto('collection_points')
      .values({
        trust_id: trustId,
        academic_year_id: yearId,
        name: p.name,
        collect_on: p.collectOn,
        year_groups: p.yearGroups,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  updatePoint(db: Db, trustId: string, id: string, version: number, p: PointRow) {
    return db
      .updateTable('collection_points')
      .set({ name: p.name, collect_on: p.collectOn, year_groups: p.yearGroups, version: version + 1 })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  deletePoint(db: Db, trustId: string, id: string, version: number) {
    return db
      .deleteFrom('collection_points')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  listAssessments(db: Db, trustId: string, yearId: string) {
    return db
      .selectFrom('planned_assessments')
      .where('trust_id', '=', trustId)
      .where('academic_year_id', '=', yearId)
      .select(assessmentColumns)
      .orderBy('planned_on')
      .orderBy('year_group')
      .orderBy('subject')
      .execute();
  },

  findAssessment(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('planned_assessments')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(assessmentColumns)
      .executeTakeFirst();
  },

  insertAssessment(db: Db, trustId: string, yearId: string, a: AssessmentRow) {
    return db
      .insertInto('planned_assessments')
      .values({
        trust_id: trustId,
        academic_year_id: yearId,
        ...assessmentValues(a),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  updateAssessment(db: Db, trustId: string, id: string, version: number, a: AssessmentRow) {
    return db
      .updateTable('planned_assessments')
      .set({ ...assessmentValues(a), version: version + 1 })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  deleteAssessment(db: Db, trustId: string, id: string, version: number) {
    return db
      .deleteFrom('planned_assessments')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  /**
   * Links each imported assessment of the trust to the planned assessment it fulfils: one of its
   * academic year with the same subject and year group, and the same name or the same collection
   * point name (case and surrounding spaces aside), preferring one that matches on both. When that
   * leaves none, or more than one, the assessment stays unlinked rather than guessed. Derived, so
   * it is recomputed whole after every results import and calendar change.
   */
  async linkImportedAssessments(db: Db, trustId: string): Promise<void> {
    await sql`
      with candidates as (
        select a.id as assessment_id, pa.id as planned_id,
               (lower(trim(pa.name)) = lower(trim(a.name)))::int
                 + coalesce(lower(trim(cp.name)) = lower(trim(a.collection_point)), false)::int as score
        from assessments a
        join academic_years y on y.trust_id = a.trust_id and y.label = a.academic_year
        join planned_assessments pa on pa.trust_id = a.trust_id and pa.academic_year_id = y.id
          and lower(pa.subject) = lower(a.subject) and pa.year_group = a.year_group
        left join collection_points cp on cp.id = pa.collection_point_id
        where a.trust_id = ${trustId}
          and (lower(trim(pa.name)) = lower(trim(a.name))
            or lower(trim(cp.name)) = lower(trim(a.collection_point)))
      ),
      ranked as (
        select assessment_id, planned_id, score, max(score) over (partition by assessment_id) as best
        from candidates
      ),
      single as (
        select assessment_id, (array_agg(planned_id))[1] as planned_id
        from ranked where score = best group by assessment_id having count(*) = 1
      ),
      wanted as (
        select a.id, single.planned_id
        from assessments a left join single on single.assessment_id = a.id
        where a.trust_id = ${trustId}
      )
      update assessments a set planned_assessment_id = wanted.planned_id
      from wanted
      where a.id = wanted.id and a.planned_assessment_id is distinct from wanted.planned_id`.execute(db);
  },

  /** For each planned assessment of a year with results: how many, and from how many schools. */
  async receivedResults(db: Db, trustId: string, yearId: string) {
    const rows = await db
      .selectFrom('planned_assessments as pa')
      .innerJoin('assessments as a', (j) =>
        j.onRef('a.planned_assessment_id', '=', 'pa.id').onRef('a.trust_id', '=', 'pa.trust_id'),
      )
      .innerJoin('result_summaries as s', (j) =>
        j.onRef('s.assessment_id', '=', 'a.id').onRef('s.trust_id', '=', 'a.trust_id'),
      )
      .where('pa.trust_id', '=', trustId)
      .where('pa.academic_year_id', '=', yearId)
      .groupBy('pa.id')
      .select((eb) => [
        'pa.id',
        eb.fn.sum<number>('s.n').as('results'),
        eb.fn.count<number>('s.school_id').distinct().as('schools'),
      ])
      .execute();
    return new Map(rows.map((r) => [r.id, { results: Number(r.results), schools: Number(r.schools) }]));
  },
};
