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

  /** Pupils by id within the trust, with what an evaluation needs to know about them. */
  pupilsByIds(db: Db, trustId: string, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('id', 'in', ids)
      .select(['id', 'school_id', 'year_group', 'disadvantaged'])
      .execute();
  },

  /** Every pupil with a result on an assessment in the given schools and year groups. */
  pupilsWithResult(
    db: Db,
    trustId: string,
    assessmentId: string,
    schoolIds: readonly string[],
    yearGroups: readonly string[],
  ) {
    if (!schoolIds.length || !yearGroups.length) return Promise.resolve([]);
    return db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .where('r.trust_id', '=', trustId)
      .where('r.assessment_id', '=', assessmentId)
      .where('p.school_id', 'in', schoolIds)
      .where('p.year_group', 'in', yearGroups)
      .select(['p.id', 'p.school_id', 'p.year_group', 'p.disadvantaged'])
      .execute();
  },

  /** Results on one assessment for the given pupils, keyed by pupil. */
  async valuesFor(db: Db, trustId: string, assessmentId: string, pupilIds: readonly string[]) {
    const out = new Map<string, number>();
    for (let i = 0; i < pupilIds.length; i += 5000) {
      const rows = await db
        .selectFrom('results')
        .where('trust_id', '=', trustId)
        .where('assessment_id', '=', assessmentId)
        .where('pupil_id', 'in', pupilIds.slice(i, i + 5000))
        .select(['pupil_id', 'value'])
        .execute();
      for (const r of rows) out.set(r.pupil_id, r.value);
    }
    return out;
  },
};
