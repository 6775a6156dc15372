import type { Db } from '../../platform/db/database';
import type { PupilRow } from './pupil-file';
import type { SyntheticPupil } from './synthetic';

/** One pupil as a row; a pupil list from a MIS carries no KS2 scores, synthetic cohorts may. */
function pupilValues(
  trustId: string,
  schoolId: string,
  p: PupilRow & { ks2Reading?: number | null; ks2Maths?: number | null },
) {
  return {
    trust_id: trustId,
    school_id: schoolId,
    upn: p.upn,
    given_name: p.givenName,
    family_name: p.familyName,
    date_of_birth: p.dateOfBirth,
    sex: p.sex,
    year_group: p.yearGroup,
    disadvantaged: p.disadvantaged,
    fsm: p.fsm,
    sen: p.sen,
    eal: p.eal,
    ethnicity: p.ethnicity,
    ks2_reading: p.ks2Reading ?? null,
    ks2_maths: p.ks2Maths ?? null,
  };
}

/** The pupil-list layout: the importer's column names are the table's, so one list serves both. */
export const PUPIL_LIST_COLUMNS = [
  'upn',
  'given_name',
  'family_name',
  'date_of_birth',
  'sex',
  'year_group',
  'disadvantaged',
  'fsm',
  'sen',
  'eal',
  'ethnicity',
  'ks2_reading',
  'ks2_maths',
] as const;

export const pupilsRepository = {
  insertAssessment(
    db: Db,
    a: {
      trustId: string;
      name: string;
      subject: string;
      yearGroup: string;
      academicYear: string;
      collectionPoint: string;
      gradeSet: string;
      takenOn: string;
    },
  ) {
    return db
      .insertInto('assessments')
      .values({
        trust_id: a.trustId,
        name: a.name,
        subject: a.subject,
        year_group: a.yearGroup,
        academic_year: a.academicYear,
        collection_point: a.collectionPoint,
        grade_set: a.gradeSet,
        taken_on: a.takenOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Inserts pupils in batches and returns their ids in the same order. */
  async insertPupils(db: Db, trustId: string, schoolId: string, pupils: SyntheticPupil[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < pupils.length; i += 500) {
      const rows = await db
        .insertInto('pupils')
        .values(pupils.slice(i, i + 500).map((p) => pupilValues(trustId, schoolId, p)))
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  },

  /** Insert or update by UPN, so importing the same list twice changes nothing the second time. */
  async upsertPupils(db: Db, trustId: string, schoolId: string, pupils: PupilRow[]): Promise<void> {
    const withKs2 = pupils.some((p) => p.ks2Reading !== undefined || p.ks2Maths !== undefined);
    for (let i = 0; i < pupils.length; i += 500) {
      await db
        .insertInto('pupils')
        .values(pupils.slice(i, i + 500).map((p) => pupilValues(trustId, schoolId, p)))
        .onConflict((oc) =>
          oc.columns(['trust_id', 'upn']).doUpdateSet((eb) => ({
            school_id: eb.ref('excluded.school_id'),
            given_name: eb.ref('excluded.given_name'),
            family_name: eb.ref('excluded.family_name'),
            date_of_birth: eb.ref('excluded.date_of_birth'),
            sex: eb.ref('excluded.sex'),
            year_group: eb.ref('excluded.year_group'),
            disadvantaged: eb.ref('excluded.disadvantaged'),
            fsm: eb.ref('excluded.fsm'),
            sen: eb.ref('excluded.sen'),
            eal: eb.ref('excluded.eal'),
            ethnicity: eb.ref('excluded.ethnicity'),
            // A list without KS2 columns keeps the scores already held.
            ...(withKs2
              ? { ks2_reading: eb.ref('excluded.ks2_reading'), ks2_maths: eb.ref('excluded.ks2_maths') }
              : {}),
          })),
        )
        .execute();
    }
  },

  /** A school's pupils (or the trust's) in the pupil-list layout the importer reads. */
  exportPupils(db: Db, trustId: string, schoolId: string | null) {
    // The pupil's latest time at the school they are listed at: when it began and whether it ended.
    let q = db
      .selectFrom('pupils as p')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('enrolments as e')
            .whereRef('e.pupil_id', '=', 'p.id')
            .whereRef('e.school_id', '=', 'p.school_id')
            .where('e.trust_id', '=', trustId)
            .orderBy('e.start_date', 'desc')
            .limit(1)
            .select(['e.start_date as entry_date', 'e.end_date as leaving_date'])
            .as('stay'),
        (join) => join.onTrue(),
      )
      .where('p.trust_id', '=', trustId)
      .select(PUPIL_LIST_COLUMNS.map((c) => `p.${c}` as const))
      .select(['stay.entry_date', 'stay.leaving_date'])
      .orderBy('p.upn');
    if (schoolId) q = q.where('p.school_id', '=', schoolId);
    return q.execute();
  },

  /** The schools that pupils with these UPNs are in now (before an import moves them). */
  async schoolsOfUpns(db: Db, trustId: string, upns: readonly string[]): Promise<string[]> {
    const out = new Set<string>();
    for (let i = 0; i < upns.length; i += 5000) {
      const rows = await db
        .selectFrom('pupils')
        .where('trust_id', '=', trustId)
        .where('upn', 'in', upns.slice(i, i + 5000))
        .select('school_id')
        .distinct()
        .execute();
      for (const r of rows) out.add(r.school_id);
    }
    return [...out];
  },

  async insertResults(
    db: Db,
    trustId: string,
    rows: { assessmentId: string; pupilId: string; value: number }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) {
      await db
        .insertInto('results')
        .values(
          rows.slice(i, i + 2000).map((r) => ({
            trust_id: trustId,
            assessment_id: r.assessmentId,
            pupil_id: r.pupilId,
            value: r.value,
          })),
        )
        .execute();
    }
  },
};
