import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { dataRepository } from '../../data/data.repository';
import { gaussian } from './sql-noise';
import type { PlannedStaff } from './workforce-plan';

/**
 * Terms of a generated year: start and end (month, day; months before September are in the next
 * calendar year) and possible sessions, two a day, 380 in the year.
 */
const TERMS = [
  { name: 'autumn', start: [9, 1], end: [12, 19], sessions: 140 },
  { name: 'spring', start: [1, 5], end: [3, 27], sessions: 110 },
  { name: 'summer', start: [4, 13], end: [7, 21], sessions: 130 },
] as const;

/**
 * Generated attendance and staff arrive like imported ones, each in an import job of its kind, so
 * the Data page lists them and deleting the job removes exactly those rows.
 */
const sha = (trustId: string, filename: string) =>
  createHash('sha256').update(`${trustId}:${filename}`).digest('hex');
const openJob = (tx: Db, trustId: string, kind: string, filename: string) =>
  dataRepository.insertJob(tx, {
    trustId,
    kind,
    filename,
    sha256: sha(trustId, filename),
    year: null,
    dryRun: false,
    status: 'committed',
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rejected: [],
    createdBy: null,
  });
const closeJob = (tx: Db, trustId: string, jobId: string, filename: string, rows: number) =>
  dataRepository.finishJob(tx, trustId, jobId, {
    status: 'committed',
    sha256: sha(trustId, filename),
    rowsRead: rows,
    rowsAccepted: rows,
    rowsRejected: 0,
    rowsSkipped: 0,
    rejected: [],
  });

export const generateRecordsRepository = {
  /**
   * A record per pupil per term that has ended by `today`, at their school from the year it joined,
   * from Year 1. Absence is log-normal: a pupil's own tendency and a term's ups and downs, higher for
   * disadvantaged pupils, pupils with SEN and older secondary pupils, which gives about 6% absence, a
   * fifth of pupils persistently absent in a term, and over a third of disadvantaged pupils.
   */
  async insertAttendance(
    tx: Db,
    trustId: string,
    seed: number,
    firstYear: number,
    currentYear: number,
    today: string,
  ) {
    const filename = `Generated attendance (seed ${seed})`;
    const { id: jobId } = await openJob(tx, trustId, 'attendance', filename);
    const own = gaussian(sql`p.ord || ':attendance:' || ${sql.lit(seed)}`);
    const term = gaussian(sql`p.ord || ':' || y || ':' || t.name || ':' || ${sql.lit(seed)}`);
    const date = ([m, d]: readonly [number, number]) =>
      sql`make_date(${m >= 9 ? sql`y` : sql`y + 1`}, ${sql.lit(m)}, ${sql.lit(d)})`;
    const terms = sql.join(
      TERMS.map((t) => sql`(${t.name}, ${date(t.start)}, ${date(t.end)}, ${sql.lit(t.sessions)})`),
    );
    const inserted = await sql`
      insert into attendance_records (trust_id, pupil_id, school_id, period_start, period_end,
        possible_sessions, attended_sessions, authorised_absence, unauthorised_absence, import_job_id)
      select ${trustId}::uuid, p.id, s.id, t.starts, t.ends, t.sessions, t.sessions - m.missed,
        m.missed - m.unauthorised, m.unauthorised, ${jobId}::uuid
      from gen_pupil p
      join gen_school s on s.ord = p.school_ord
      cross join generate_series(${sql.lit(firstYear)}, ${sql.lit(currentYear)}) y
      cross join lateral (values ${terms}) as t(name, starts, ends, sessions)
      cross join lateral (
        select p.year_now - (${sql.lit(currentYear)} - y) as yr,
          0.038 * exp(0.75 * ${own} + 0.35 * ${term})
            * case when p.dis then 1.5 else 1 end
            * case p.sen when 'E' then 1.5 when 'K' then 1.25 else 1 end as rate
      ) r
      cross join lateral (
        select least(t.sessions, round(t.sessions * least(0.9,
                 r.rate * (1 + 0.06 * greatest(0, r.yr - 6)))))::int as missed
      ) m0
      cross join lateral (
        select m0.missed, round(m0.missed * case when p.dis then 0.4 else 0.25 end)::int as unauthorised
      ) m
      where y >= s.joined_year and t.ends <= ${today}::date and r.yr >= 1
        and (p.left_year is null or y <= p.left_year)
        and (s.phase <> 'secondary' or r.yr >= 7)`.execute(tx);
    const rows = Number(inserted.numAffectedRows ?? 0);
    await closeJob(tx, trustId, jobId, filename, rows);
    return rows;
  },

  async insertStaff(tx: Db, trustId: string, seed: number, staff: readonly PlannedStaff[]) {
    const filename = `Generated staff records (seed ${seed})`;
    const { id: jobId } = await openJob(tx, trustId, 'staff', filename);
    const col = <T>(f: (s: PlannedStaff) => T) => staff.map(f);
    await sql`
      insert into staff_records (trust_id, staff_ref, school_id, role, started_on, left_on, fte, import_job_id)
      select ${trustId}::uuid, i.ref, s.id, i.role, i.started, i.left_on, i.fte, ${jobId}::uuid
      from unnest(${col((s) => s.schoolOrd)}::int[], ${col((s) => s.ref)}::text[], ${col((s) => s.role)}::text[],
        ${col((s) => s.startedOn)}::date[], ${col((s) => s.leftOn)}::date[], ${col((s) => s.fte)}::double precision[])
        as i(school_ord, ref, role, started, left_on, fte)
      join gen_school s on s.ord = i.school_ord`.execute(tx);
    await closeJob(tx, trustId, jobId, filename, staff.length);
  },
};
