import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { PlannedIntervention } from './intervention-plan';
import { uniform } from './sql-noise';

/** A group one adult can run: at most thirty pupils. */
const MAX_MEMBERS = 30;

/**
 * Writes one planned intervention after the trust's results exist: its pupils are drawn from the
 * year group's lower half at the autumn baseline, weekly sessions run from January to the end of
 * June with about nine in ten attended, and its effect goes into gen_boost for the spring (half) and summer (whole)
 * assessments of its subject, whose results the generator then rewrites. Returns the boosted rows.
 */
export async function insertGeneratedIntervention(
  tx: Db,
  trustId: string,
  seed: number,
  plan: PlannedIntervention,
): Promise<number> {
  const cohort = sql`from results r
    join gen_pupil p on p.id = r.pupil_id
    join gen_assessment a on a.id = r.assessment_id
    where p.school_ord = ${plan.schoolOrd} and a.start_year = ${plan.startYear}
      and a.year_num = ${plan.yearNum} and a.subject = ${plan.subject} and a.point_ord = 1`;
  const size = await sql<{ n: number }>`select count(*)::int as n ${cohort}`.execute(tx);
  if ((size.rows[0]?.n ?? 0) < 12) return 0;
  await sql`create temp table if not exists gen_member (pupil_ord int, pupil_id uuid) on commit drop`.execute(
    tx,
  );
  await sql`truncate gen_member`.execute(tx);
  // Places go to about half of the pupils below the median, drawn by lot: the other half are the
  // similar pupils a matched comparison needs.
  const lot = uniform(sql`p.ord || ':place:' || ${sql.lit(seed)}`);
  await sql`insert into gen_member select p.ord, p.id ${cohort}
      and r.value <= (select percentile_cont(0.5) within group (order by r.value) ${cohort}) and ${lot} < 0.5
    order by ${lot} limit ${sql.lit(MAX_MEMBERS)}`.execute(tx);

  const baseline = (point: number) => sql`(select id from gen_assessment where start_year = ${plan.startYear}
    and year_num = ${plan.yearNum} and subject = ${plan.subject} and point_ord = ${point})`;
  const starts = `${plan.startYear + 1}-01-12`;
  const ends = `${plan.startYear + 1}-06-26`;
  const { id } = await tx
    .insertInto('interventions')
    .values({
      trust_id: trustId,
      school_id: sql<string>`(select id from gen_school where ord = ${plan.schoolOrd})`,
      name: plan.name,
      type: plan.type,
      starts_on: starts,
      ends_on: ends,
      planned_sessions: sql<number>`(select count(*)::int from generate_series(${starts}::date, ${ends}::date, interval '7 days'))`,
      notes: 'Weekly small-group sessions led by a trained teaching assistant.',
      status: 'ended',
      baseline_assessment_id: sql<string>`${baseline(1)}`,
      outcome_assessment_id: sql<string>`${baseline(3)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into intervention_pupils (trust_id, intervention_id, pupil_id, joined_on)
    select ${trustId}::uuid, ${id}::uuid, pupil_id, ${starts}::date from gen_member`.execute(tx);
  await sql`insert into intervention_sessions (trust_id, intervention_id, held_on)
    select ${trustId}::uuid, ${id}::uuid, d::date
    from generate_series(${starts}::date, ${ends}::date, interval '7 days') d`.execute(tx);
  const attended = uniform(sql`m.pupil_ord || ':' || s.held_on || ':' || ${sql.lit(seed)}`);
  await sql`insert into intervention_attendance (trust_id, session_id, pupil_id, attended)
    select ${trustId}::uuid, s.id, m.pupil_id, ${attended} < 0.9
    from intervention_sessions s cross join gen_member m where s.intervention_id = ${id}::uuid`.execute(tx);

  // The effect builds through the year: half by the spring assessment, all of it by the summer.
  const boosted = await sql`insert into gen_boost (pupil_ord, assessment_ord, boost)
    select m.pupil_ord, a.ord, ${plan.effect}::double precision * (a.point_ord - 1) / 2.0
    from gen_member m cross join gen_assessment a
    where a.start_year = ${plan.startYear} and a.year_num = ${plan.yearNum}
      and a.subject = ${plan.subject} and a.point_ord > 1`.execute(tx);
  // The temp tables have no statistics until analysed, and without them PostgreSQL plans this
  // delete as a scan of every result per boosted row (seconds rather than milliseconds).
  await sql`analyze gen_boost`.execute(tx);
  await sql`delete from results r
    using (select p.id as pupil_id, a.id as assessment_id from gen_boost b
           join gen_pupil p on p.ord = b.pupil_ord join gen_assessment a on a.ord = b.assessment_ord) x
    where r.trust_id = ${trustId}::uuid and r.pupil_id = x.pupil_id and r.assessment_id = x.assessment_id`.execute(
    tx,
  );
  return Number(boosted.numAffectedRows ?? 0);
}
// Several interventions share gen_boost: each deletes the results it changes, and the generator
// rewrites them all once at the end.
