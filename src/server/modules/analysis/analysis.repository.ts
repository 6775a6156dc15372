import type { Db } from '../../platform/db/database';

export const analysisRepository = {
  listAssessments(db: Db, trustId: string) {
    return db
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .select([
        'id',
        'name',
        'subject',
        'year_group',
        'academic_year',
        'collection_point',
        'grade_set',
        'taken_on',
      ])
      .orderBy('taken_on', 'desc')
      .orderBy('name')
      .execute();
  },

  findAssessment(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select([
        'id',
        'name',
        'subject',
        'year_group',
        'academic_year',
        'collection_point',
        'grade_set',
        'taken_on',
      ])
      .executeTakeFirst();
  },

  /** One row per pupil result: the value and the characteristics the analysis groups by. */
  resultRows(db: Db, trustId: string, assessmentId: string, schoolIds: readonly string[]) {
    if (!schoolIds.length) return Promise.resolve([]);
    return db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .where('r.trust_id', '=', trustId)
      .where('r.assessment_id', '=', assessmentId)
      .where('p.school_id', 'in', schoolIds)
      .select(['r.value', 'p.school_id', 'p.disadvantaged', 'p.sen', 'p.eal', 'p.sex'])
      .execute();
  },
};
