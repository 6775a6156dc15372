import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { refreshResultSummaries } from '../analysis/analysis.repository';
import { gaussian, uniform } from '../demo/generate/sql-noise';

/**
 * Several years of results for a whole trust (the analysis benchmark and tests), written by set-based SQL (INSERT ... SELECT over
 * generate_series) rather than row by row, so 5 million results take minutes, not hours.
 *
 * Each school has `pupilsPerSchool` pupils spread evenly over Y7-Y11 (2025/26). Every pupil has
 * results in 4 subjects at 4 collection points in each of the 5 academic years 2021/22-2025/26, on
 * the assessment of the year group they were in that year (so a Y7 pupil of 2025/26 sat the Y3
 * assessments of 2021/22). Results are GCSE-style 0-9, driven by a latent ability with a school
 * effect and a disadvantage gap of half a standard deviation, as in the synthetic cohorts.
 *
 * Every draw is an md5 of a fixed key (the pupil's name, the assessment's name), not random(): the
 * order in which the database visits rows depends on the plan and on random ids, so random() with a
 * seed would still give a different trust on each run.
 */
export const BENCH_SUBJECTS = ['English', 'Maths', 'Science', 'History'] as const;
export const BENCH_POINTS = ['Autumn 1', 'Autumn 2', 'Spring 2', 'Summer 2'] as const;
export const BENCH_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

const LAST_YEAR = BENCH_YEARS[BENCH_YEARS.length - 1];

export async function seedAnalysisTrust(
  db: Db,
  trustId: string,
  schoolIds: readonly string[],
  pupilsPerSchool: number,
): Promise<{ pupils: number; assessments: number; results: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`create temp table bench_school (id uuid primary key, ord int, effect double precision) on commit drop`.execute(
      trx,
    );
    for (const [i, id] of schoolIds.entries()) {
      // School effects spread from -0.4 to +0.4 SD.
      const effect = schoolIds.length > 1 ? -0.4 + (0.8 * i) / (schoolIds.length - 1) : 0;
      await sql`insert into bench_school values (${id}, ${sql.lit(i)}, ${sql.lit(effect)})`.execute(trx);
    }
    // Pupils: year group by position (Y7..Y11), characteristics at national-ish rates.
    const key = (what: string) => sql`'P' || s.ord || '-' || g || ${what}`;
    await sql`
      insert into pupils (trust_id, school_id, upn, given_name, family_name, date_of_birth, sex, year_group,
                          disadvantaged, fsm, sen, eal, ethnicity, ks2_reading, ks2_maths)
      select ${trustId}, s.id, null, 'Pupil', 'P' || s.ord || '-' || g,
             date '2010-09-01' + (g % 365), case when ${uniform(key('sex'))} < 0.5 then 'F' else 'M' end,
             'Y' || (7 + g % 5), d, d and ${uniform(key('fsm'))} < 0.8,
             case when ${uniform(key('sen'))} < 0.03 then 'E' when ${uniform(key('sen'))} < 0.16 then 'K' else 'N' end,
             ${uniform(key('eal'))} < 0.2, 'WBRI', null, null
      from bench_school s
      cross join generate_series(0, ${sql.lit(pupilsPerSchool - 1)}) g
      cross join lateral (select ${uniform(key('disadvantaged'))} < 0.25 as d) x
    `.execute(trx);
    await sql`
      create temp table bench_pupil on commit drop as
      select p.id, cast(substr(p.year_group, 2) as int) as year_now,
             s.effect - case when p.disadvantaged then 0.5 else 0 end
               - case p.sen when 'E' then 1.2 when 'K' then 0.6 else 0 end
               + ${gaussian(sql`p.family_name || 'ability'`)} as ability, p.family_name as name
      from pupils p join bench_school s on s.id = p.school_id
      where p.trust_id = ${trustId}
    `.execute(trx);
    // One assessment per academic year x year group taught that year x subject x collection point.
    await sql`
      insert into assessments (trust_id, name, subject, year_group, academic_year, collection_point, grade_set, taken_on)
      select ${trustId}, 'Year ' || yg || ' ' || lower(subj) || ' ' || cp || ' ' || y || '/' || right(cast(y + 1 as text), 2),
             subj, 'Y' || yg, y || '/' || right(cast(y + 1 as text), 2), cp, 'gcse',
             make_date(y, 9, 1) + cast(70 * (cpi - 1) as int)
      from generate_series(${sql.lit(BENCH_YEARS[0])}, ${sql.lit(LAST_YEAR)}) y
      cross join generate_series(0, 4) k
      cross join lateral (select 3 + (y - ${sql.lit(BENCH_YEARS[0])}) + k as yg offset 0) g
      cross join unnest(cast(${[...BENCH_SUBJECTS]} as text[])) subj
      cross join unnest(cast(${[...BENCH_POINTS]} as text[])) with ordinality as c(cp, cpi)
    `.execute(trx);
    await sql`
      insert into results (trust_id, assessment_id, pupil_id, value)
      select ${trustId}, a.id, p.id,
             least(9, greatest(0, round(4.6 + 1.9 * (p.ability + 0.5 * ${gaussian(sql`p.name || a.name`)}))))
      from bench_pupil p
      join assessments a
        on a.trust_id = ${trustId}
       and a.year_group = 'Y' || (p.year_now - (${sql.lit(LAST_YEAR)} - cast(left(a.academic_year, 4) as int)))
    `.execute(trx);
    // History as an MIS would give it: one enrolment and one period from birth, except that one in
    // ten disadvantaged pupils became so on 1 January 2024, so the summaries resolve periods as at
    // each assessment's date rather than reading the current values alone.
    await sql`
      insert into enrolments (trust_id, pupil_id, school_id, start_date)
      select trust_id, id, school_id, date_of_birth from pupils where trust_id = ${trustId}
    `.execute(trx);
    await sql`
      create temp table bench_change on commit drop as
      select id from pupils where trust_id = ${trustId} and disadvantaged and ${uniform(sql`family_name || 'change'`)} < 0.1
    `.execute(trx);
    await sql`
      insert into pupil_characteristics (trust_id, pupil_id, effective_from, effective_to, disadvantaged, fsm,
        pupil_premium, looked_after, adopted_from_care, service_child, sen, eal, ethnicity)
      select p.trust_id, p.id, case when ch.id is null then p.date_of_birth else date '2024-01-01' end, null,
             p.disadvantaged, p.fsm, p.disadvantaged, false, false, false, p.sen, p.eal, p.ethnicity
      from pupils p left join bench_change ch on ch.id = p.id
      where p.trust_id = ${trustId}
      union all
      select p.trust_id, p.id, p.date_of_birth, date '2023-12-31', false, false, false, false, false, false,
             p.sen, p.eal, p.ethnicity
      from pupils p join bench_change ch on ch.id = p.id
    `.execute(trx);
    await refreshResultSummaries(trx, trustId);
    const count = async (table: 'pupils' | 'assessments' | 'results') =>
      Number(
        (
          await trx
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
    };
  });
}
