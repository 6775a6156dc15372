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
};
