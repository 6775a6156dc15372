import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { gaussian } from './sql-noise';
import type { PlannedPupil, PlannedSchool } from './trust-plan';

/** Collection points a generated year has: three, the most DfE workload guidance suggests. */
export const GENERATED_POINTS = [
  { name: 'Autumn 2', month: 12, day: 2 },
  { name: 'Spring 2', month: 3, day: 25 },
  { name: 'Summer 2', month: 7, day: 5 },
] as const;

const BATCH = 10_000;

/**
 * The generator's writes. Pupils arrive as arrays through unnest (ten thousand a statement); results
 * are made in SQL from the pupils' latent abilities, because a trust of 60,000 pupils has millions of
 * them. The noise on each result is an md5 of the pupil, the assessment and the seed (sql-noise.ts).
 */
export const generateRepository = {
  async stageSchools(tx: Db, rows: readonly (PlannedSchool & { id: string })[]): Promise<void> {
    await sql`create temp table gen_school (id uuid primary key, ord int, phase text, joined_year int,
      effect double precision, trajectory double precision) on commit drop`.execute(tx);
    await sql`insert into gen_school
      select * from unnest(${rows.map((s) => s.id)}::uuid[], ${rows.map((s) => s.ord)}::int[],
        ${rows.map((s) => s.phase)}::text[], ${rows.map((s) => s.joinedYear)}::int[],
        ${rows.map((s) => s.effect)}::double precision[], ${rows.map((s) => s.trajectory)}::double precision[])`.execute(
      tx,
    );
  },

  /** Inserts the pupils and keeps, per pupil, what results are made from (ability, year group now). */
  async insertPupils(tx: Db, trustId: string, pupils: readonly PlannedPupil[]): Promise<void> {
    await sql`create temp table gen_pupil (id uuid, ord int, school_ord int, year_now int,
      ability double precision, dis boolean, sen text, left_year int) on commit drop`.execute(tx);
    for (let from = 0; from < pupils.length; from += BATCH) {
      const b = pupils.slice(from, from + BATCH);
      const col = <T>(f: (p: PlannedPupil) => T) => b.map(f);
      await sql`
        with input as (
          select * from unnest(${col((p) => p.schoolOrd)}::int[], ${col((p) => p.upn)}::text[],
            ${col((p) => p.givenName)}::text[], ${col((p) => p.familyName)}::text[], ${col((p) => p.dateOfBirth)}::date[],
            ${col((p) => p.sex)}::text[], ${col((p) => p.year)}::int[], ${col((p) => p.disadvantaged)}::boolean[],
            ${col((p) => p.fsm)}::boolean[], ${col((p) => p.sen)}::text[], ${col((p) => p.eal)}::boolean[],
            ${col((p) => p.ethnicity)}::text[], ${col((p) => p.ks2Reading)}::double precision[],
            ${col((p) => p.ks2Maths)}::double precision[], ${col((p) => p.ability)}::double precision[],
            ${col((p) => p.leftYear)}::int[], ${col((p) => p.yearGroup)}::text[])
            with ordinality as t(school_ord, upn, given, family, dob, sex, yr, dis, fsm, sen, eal, eth, ks2r, ks2m, ability, left_year, yg, n)
        ), inserted as (
          insert into pupils (trust_id, school_id, upn, given_name, family_name, date_of_birth, sex, year_group,
                              disadvantaged, fsm, sen, eal, ethnicity, ks2_reading, ks2_maths)
          select ${trustId}::uuid, s.id, i.upn, i.given, i.family, i.dob, i.sex,
                 i.yg,
                 i.dis, i.fsm, i.sen, i.eal, i.eth, i.ks2r, i.ks2m
          from input i join gen_school s on s.ord = i.school_ord
          returning id, upn
        )
        insert into gen_pupil
        select ins.id, ${sql.lit(from)} + i.n::int, i.school_ord, i.yr, i.ability, i.dis, i.sen, i.left_year
        from inserted ins join input i on i.upn = ins.upn`.execute(tx);
    }
    await sql`analyze gen_pupil`.execute(tx);
    // A leaver's time at the school ends with the summer they left, so they are no longer on roll.
    await sql`insert into enrolments (trust_id, pupil_id, school_id, start_date, end_date)
      select ${trustId}::uuid, g.id, s.id, p.date_of_birth, make_date(g.left_year + 1, 8, 31)
      from gen_pupil g join pupils p on p.id = g.id join gen_school s on s.ord = g.school_ord
      where g.left_year is not null`.execute(tx);
  },

  /**
   * One assessment per academic year x year group x subject x collection point, for the points that
   * have happened by `today`: primary reading and maths as percentages (Y6 summer as the KS2 tests'
   * scaled scores), secondary English, maths and science on the GCSE scale.
   */
  async insertAssessments(tx: Db, trustId: string, firstYear: number, currentYear: number, today: string) {
    await sql`create temp table gen_assessment on commit drop as
      select a.*, row_number() over (order by start_year, year_num, subject, point) as ord
      from (
        select y as start_year, yr as year_num, subj as subject, p.name as point, p.ord as point_ord,
               make_date(case when p.month >= 9 then y else y + 1 end, p.month, p.day) as taken_on,
               case when yr >= 7 then 'gcse' when yr = 6 and p.ord = 3 then 'ks2_scaled' else 'percentage' end as grade_set
        from generate_series(${sql.lit(firstYear)}, ${sql.lit(currentYear)}) y
        cross join generate_series(1, 11) yr
        cross join unnest(${GENERATED_POINTS.map((p) => p.name)}::text[], ${GENERATED_POINTS.map((p) => p.month)}::int[],
                          ${GENERATED_POINTS.map((p) => p.day)}::int[]) with ordinality as p(name, month, day, ord)
        cross join unnest(case when yr >= 7 then array['English', 'Maths', 'Science'] else array['Reading', 'Maths'] end) subj
      ) a
      where a.taken_on <= ${today}::date`.execute(tx);
    await sql`alter table gen_assessment add column id uuid`.execute(tx);
    await sql`
      with made as (
        insert into assessments (trust_id, name, subject, year_group, academic_year, collection_point, grade_set, taken_on)
        select ${trustId}::uuid,
               case when grade_set = 'ks2_scaled' then 'KS2 ' || lower(subject) || ' test'
                    else 'Year ' || year_num || ' ' || case when subject = 'English' then subject else lower(subject) end end,
               subject, 'Y' || year_num, start_year || '/' || right(cast(start_year + 1 as text), 2), point, grade_set, taken_on
        from gen_assessment
        returning id, subject, year_group, academic_year, collection_point
      )
      update gen_assessment g set id = m.id from made m
      where m.subject = g.subject and m.year_group = 'Y' || g.year_num and m.collection_point = g.point
        and m.academic_year = g.start_year || '/' || right(cast(g.start_year + 1 as text), 2)`.execute(tx);
    await sql`analyze gen_assessment`.execute(tx);
  },

  /**
   * Results for every pupil at every assessment of the year group they were in that year, at a school
   * that teaches it, from the year the school joined the trust. A pupil's standing is their ability
   * plus the school's effect, which improves by its trajectory each year in the trust, plus what an
   * intervention added (gen_boost). With `onlyBoosted`, just the results an intervention changed:
   * the generator writes everything, picks intervention pupils from their baselines, then rewrites those.
   */
  async insertResults(tx: Db, trustId: string, seed: number, currentYear: number, onlyBoosted = false) {
    await sql`create temp table if not exists gen_boost (pupil_ord int, assessment_ord bigint,
      boost double precision, primary key (pupil_ord, assessment_ord)) on commit drop`.execute(tx);
    const noise = gaussian(sql`p.ord || ':' || a.ord || ':' || ${sql.lit(seed)}`);
    await sql`
      insert into results (trust_id, assessment_id, pupil_id, value)
      select ${trustId}::uuid, a.id, p.id,
        case a.grade_set
          when 'gcse' then least(9, greatest(0, round(4.6 - 0.6 * (11 - a.year_num) - 0.2 * (3 - a.point_ord) + 1.9 * (x.latent + 0.5 * x.noise))))
          when 'ks2_scaled' then least(120, greatest(80, round(104 + 6.5 * (x.latent + 0.45 * x.noise))))
          else least(100, greatest(0, round(62 + 3 * a.point_ord + 14 * (x.latent + 0.5 * x.noise))))
        end
      from gen_pupil p
      join gen_school s on s.ord = p.school_ord
      join gen_assessment a on a.year_num = p.year_now - (${sql.lit(currentYear)} - a.start_year)
        and a.start_year >= s.joined_year
        and (p.left_year is null or a.start_year <= p.left_year)
        and (s.phase <> 'secondary' or a.year_num >= 7)
      ${onlyBoosted ? sql`join` : sql`left join`} gen_boost b on b.pupil_ord = p.ord and b.assessment_ord = a.ord
      cross join lateral (
        select p.ability + s.effect + s.trajectory * (a.start_year - s.joined_year) + coalesce(b.boost, 0) as latent,
               ${noise} as noise
      ) x`.execute(tx);
  },

  /**
   * Statistics for the tables just filled, before the summaries read them: without them PostgreSQL
   * plans the enrolment lookup per result as a scan (160 s rather than seconds for 60 schools).
   */
  async analyse(tx: Db): Promise<void> {
    for (const table of ['pupils', 'enrolments', 'assessments', 'results', 'pupil_characteristics'])
      await sql`analyze ${sql.table(table)}`.execute(tx);
  },

  async counts(tx: Db, trustId: string) {
    const count = async (table: 'pupils' | 'assessments' | 'results' | 'enrolments') =>
      Number(
        (
          await tx
            .selectFrom(table)
            .where('trust_id', '=', trustId)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      pupils: await count('pupils'),
      assessments: await count('assessments'),
      results: await count('results'),
      // Only leavers have enrolments here, each with one that has ended.
      leavers: await count('enrolments'),
    };
  },
};
