import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { SummaryRow } from './summary-accumulator';

/**
 * Rebuilds the summary of sufficient statistics (result_summaries, migration 0009) for a trust's
 * results: n, sum and sum of squares per assessment x school x characteristics, from which group means,
 * SDs and gaps follow exactly. EVERY path that writes results (imports, seeds), or changes a pupil's
 * characteristics or school, must call this in the same transaction, scoped to what it touched:
 * `assessmentIds` for new or changed results, `schoolIds` for changed pupils; with neither, the whole
 * trust is rebuilt.
 */
export async function refreshResultSummaries(
  db: Db,
  trustId: string,
  scope: { assessmentIds?: readonly string[]; schoolIds?: readonly string[] } = {},
): Promise<void> {
  const { assessmentIds, schoolIds } = scope;
  if ((assessmentIds && !assessmentIds.length) || (schoolIds && !schoolIds.length)) return;
  const where = (alias: string, school: string) =>
    sql.join(
      [
        sql`${sql.ref(`${alias}.trust_id`)} = ${trustId}`,
        ...(assessmentIds ? [sql`${sql.ref(`${alias}.assessment_id`)} in (${sql.join(assessmentIds)})`] : []),
        ...(schoolIds ? [sql`${sql.ref(school)} in (${sql.join(schoolIds)})`] : []),
      ],
      sql` and `,
    );
  await sql`delete from result_summaries s where ${where('s', 's.school_id')}`.execute(db);
  // Each result is grouped as the pupil was on the assessment's date: the characteristics period and
  // the enrolment covering taken_on (covering indexes from migration 0015), else the current values
  // and school. Raw SQL: a left join on a date range with per-column fallbacks inside one
  // insert ... select is beyond the query builder.
  await sql`
    insert into result_summaries
      (trust_id, assessment_id, school_id, disadvantaged, sen, eal, sex, n, total, total_squares)
    select r.trust_id, r.assessment_id, g.school_id, g.disadvantaged, g.sen, g.eal, p.sex,
           count(*), sum(r.value), sum(r.value * r.value)
    from results r
    join assessments a on a.id = r.assessment_id and a.trust_id = r.trust_id
    join pupils p on p.id = r.pupil_id and p.trust_id = r.trust_id
    left join pupil_characteristics c
      on c.pupil_id = r.pupil_id and c.trust_id = r.trust_id and c.effective_from <= a.taken_on
     and (c.effective_to is null or c.effective_to >= a.taken_on)
    left join enrolments e
      on e.pupil_id = r.pupil_id and e.trust_id = r.trust_id and e.start_date <= a.taken_on
     and (e.end_date is null or e.end_date >= a.taken_on)
    cross join lateral (
      select coalesce(e.school_id, p.school_id) as school_id,
             -- Not-null columns: coalesce falls back exactly when no period covers the date.
             coalesce(c.disadvantaged, p.disadvantaged) as disadvantaged,
             coalesce(c.sen, p.sen) as sen, coalesce(c.eal, p.eal) as eal
    ) g
    where ${where('r', 'g.school_id')}
    group by r.trust_id, r.assessment_id, g.school_id, g.disadvantaged, g.sen, g.eal, p.sex
  `.execute(db);
}

/**
 * The summaries after a results import: assessments that had no results before get the rows the
 * import accumulated while reading (summary-accumulator.ts, the same definition as above); those
 * that had results are refreshed from the table.
 */
export async function writeImportedSummaries(
  db: Db,
  trustId: string,
  written: {
    accumulatedIds: readonly string[];
    accumulated: readonly SummaryRow[];
    refresh: readonly string[];
  },
): Promise<void> {
  const { accumulatedIds, accumulated, refresh } = written;
  if (accumulatedIds.length)
    await db
      .deleteFrom('result_summaries')
      .where('trust_id', '=', trustId)
      .where('assessment_id', 'in', accumulatedIds)
      .execute();
  if (accumulated.length)
    // Columns as arrays through unnest: nine parameters however many rows.
    await sql`
      insert into result_summaries
        (trust_id, assessment_id, school_id, disadvantaged, sen, eal, sex, n, total, total_squares)
      select ${trustId}::uuid, * from unnest(
        ${accumulated.map((r) => r.assessmentId)}::uuid[], ${accumulated.map((r) => r.schoolId)}::uuid[],
        ${accumulated.map((r) => r.disadvantaged)}::boolean[], ${accumulated.map((r) => r.sen)}::text[],
        ${accumulated.map((r) => r.eal)}::boolean[], ${accumulated.map((r) => r.sex)}::text[],
        ${accumulated.map((r) => r.n)}::integer[], ${accumulated.map((r) => r.total)}::double precision[],
        ${accumulated.map((r) => r.totalSquares)}::double precision[])`.execute(db);
  if (refresh.length) {
    // The import has just changed many rows, which the planner's statistics do not know yet (PGlite
    // never gathers them on its own): without this the refresh can pick a nested loop over every
    // pupil for every result. ANALYZE samples a fixed number of rows, so it stays cheap.
    await sql`analyze results`.execute(db);
    await refreshResultSummaries(db, trustId, { assessmentIds: refresh });
  }
}

/** What every assessment read returns. */
const ASSESSMENT_COLUMNS = [
  'id',
  'name',
  'subject',
  'year_group',
  'academic_year',
  'collection_point',
  'grade_set',
  'taken_on',
] as const;

export const analysisRepository = {
  listAssessments(db: Db, trustId: string) {
    return db
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .select(ASSESSMENT_COLUMNS)
      .orderBy('taken_on', 'desc')
      .orderBy('name')
      .execute();
  },

  findAssessment(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('assessments')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(ASSESSMENT_COLUMNS)
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

  /** Sums per assessment x school x (in the focus group or not), from the summary table. */
  summarySums(
    db: Db,
    trustId: string,
    assessmentIds: readonly string[],
    schoolIds: readonly string[],
    groupBy: 'disadvantaged' | 'sen' | 'eal' | 'sex',
  ) {
    if (!assessmentIds.length || !schoolIds.length) return Promise.resolve([]);
    const focus = {
      disadvantaged: sql<boolean>`s.disadvantaged`,
      sen: sql<boolean>`s.sen <> 'N'`,
      eal: sql<boolean>`s.eal`,
      sex: sql<boolean>`s.sex = 'F'`,
    }[groupBy];
    return db
      .selectFrom('result_summaries as s')
      .where('s.trust_id', '=', trustId)
      .where('s.assessment_id', 'in', assessmentIds)
      .where('s.school_id', 'in', schoolIds)
      .select((eb) => [
        's.assessment_id',
        's.school_id',
        focus.as('focus'),
        eb.fn.sum<number>('s.n').as('n'),
        eb.fn.sum<number>('s.total').as('total'),
        eb.fn.sum<number>('s.total_squares').as('total_squares'),
      ])
      .groupBy(['s.assessment_id', 's.school_id', focus])
      .execute();
  },

  findAssessments(
    db: Db,
    trustId: string,
    filter: {
      academicYear?: string;
      collectionPoint?: string;
      yearGroup?: string;
      subjects?: readonly string[];
    },
  ) {
    let q = db.selectFrom('assessments').where('trust_id', '=', trustId).select(ASSESSMENT_COLUMNS);
    if (filter.academicYear) q = q.where('academic_year', '=', filter.academicYear);
    if (filter.collectionPoint) q = q.where('collection_point', '=', filter.collectionPoint);
    if (filter.yearGroup) q = q.where('year_group', '=', filter.yearGroup);
    if (filter.subjects) q = q.where('subject', 'in', filter.subjects.length ? filter.subjects : ['']);
    return q.orderBy('taken_on').orderBy('name').execute();
  },

  /**
   * For the gap index: how many disadvantaged and other pupils share each value, per school, where a
   * pupil's value is the mean of their results on the given assessments (only pupils with all of them).
   */
  gapIndexCounts(db: Db, trustId: string, assessmentIds: readonly string[], schoolIds: readonly string[]) {
    if (!assessmentIds.length || !schoolIds.length) return Promise.resolve([]);
    return sql<{ school_id: string; value: number; disadvantaged: number; others: number }>`
      with v as (
        select r.pupil_id, avg(r.value) as value
        from results r
        where r.trust_id = ${trustId} and r.assessment_id in (${sql.join(assessmentIds)})
        group by r.pupil_id
        having count(*) = ${sql.lit(assessmentIds.length)}
      )
      select p.school_id, v.value,
             count(*) filter (where p.disadvantaged) as disadvantaged,
             count(*) filter (where not p.disadvantaged) as others
      from v join pupils p on p.id = v.pupil_id
      where p.trust_id = ${trustId} and p.school_id in (${sql.join(schoolIds)})
      group by p.school_id, v.value`
      .execute(db)
      .then((r) => r.rows);
  },
};
