import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { AttendanceRow } from './attendance-file';
import type { BehaviourRow } from './behaviour-file';
import type { StaffRow } from './staff-file';

/** Rows of attendance, behaviour and staff imports; each row carries the job that wrote it. */
const BATCH = 1000;

export type MatchedPupil = {
  id: string;
  upn: string | null;
  school_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
};

export const recordsRepository = {
  /** The trust's pupils with these UPNs (another trust's pupils are simply not found). */
  async pupilsByUpn(db: Db, trustId: string, upns: readonly string[]): Promise<MatchedPupil[]> {
    const out: MatchedPupil[] = [];
    const unique = [...new Set(upns)];
    for (let i = 0; i < unique.length; i += 5000) {
      out.push(
        ...(await db
          .selectFrom('pupils')
          .where('trust_id', '=', trustId)
          .where('upn', 'in', unique.slice(i, i + 5000))
          .select(['id', 'upn', 'school_id', 'given_name', 'family_name', 'date_of_birth'])
          .execute()),
      );
    }
    return out;
  },

  /** Pupils of the given schools, for the check that a note names no other pupil. */
  pupilsOfSchools(db: Db, trustId: string, schoolIds: readonly string[]): Promise<MatchedPupil[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('school_id', 'in', schoolIds)
      .select(['id', 'upn', 'school_id', 'given_name', 'family_name', 'date_of_birth'])
      .execute();
  },

  schoolsOfTrust(db: Db, trustId: string) {
    return db.selectFrom('schools').where('trust_id', '=', trustId).select(['id', 'urn', 'name']).execute();
  },

  /** Insert or replace by pupil and period, so a re-import of the same file changes nothing. */
  async upsertAttendance(
    db: Db,
    trustId: string,
    jobId: string,
    rows: (AttendanceRow & { pupilId: string; schoolId: string })[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await db
        .insertInto('attendance_records')
        .values(
          rows.slice(i, i + BATCH).map((r) => ({
            trust_id: trustId,
            pupil_id: r.pupilId,
            school_id: r.schoolId,
            period_start: r.periodStart,
            period_end: r.periodEnd,
            possible_sessions: r.possible,
            attended_sessions: r.attended,
            authorised_absence: r.authorised,
            unauthorised_absence: r.unauthorised,
            import_job_id: jobId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['trust_id', 'pupil_id', 'period_start', 'period_end']).doUpdateSet((eb) => ({
            school_id: eb.ref('excluded.school_id'),
            possible_sessions: eb.ref('excluded.possible_sessions'),
            attended_sessions: eb.ref('excluded.attended_sessions'),
            authorised_absence: eb.ref('excluded.authorised_absence'),
            unauthorised_absence: eb.ref('excluded.unauthorised_absence'),
            import_job_id: eb.ref('excluded.import_job_id'),
          })),
        )
        .execute();
    }
  },

  async upsertBehaviour(
    db: Db,
    trustId: string,
    jobId: string,
    rows: (BehaviourRow & { pupilId: string; schoolId: string })[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await db
        .insertInto('behaviour_points')
        .values(
          rows.slice(i, i + BATCH).map((r) => ({
            trust_id: trustId,
            pupil_id: r.pupilId,
            school_id: r.schoolId,
            recorded_on: r.date,
            category: r.category,
            points: r.points,
            note: r.note,
            import_job_id: jobId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['trust_id', 'pupil_id', 'recorded_on', 'category']).doUpdateSet((eb) => ({
            school_id: eb.ref('excluded.school_id'),
            points: eb.ref('excluded.points'),
            note: eb.ref('excluded.note'),
            import_job_id: eb.ref('excluded.import_job_id'),
          })),
        )
        .execute();
    }
  },

  async upsertStaff(
    db: Db,
    trustId: string,
    jobId: string,
    rows: (StaffRow & { schoolId: string })[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await db
        .insertInto('staff_records')
        .values(
          rows.slice(i, i + BATCH).map((r) => ({
            trust_id: trustId,
            staff_ref: r.staffRef,
            school_id: r.schoolId,
            role: r.role,
            started_on: r.startedOn,
            left_on: r.leftOn,
            fte: r.fte,
            import_job_id: jobId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['trust_id', 'staff_ref', 'school_id', 'started_on']).doUpdateSet((eb) => ({
            role: eb.ref('excluded.role'),
            left_on: eb.ref('excluded.left_on'),
            fte: eb.ref('excluded.fte'),
            import_job_id: eb.ref('excluded.import_job_id'),
          })),
        )
        .execute();
    }
  },

  /** Deletes exactly the rows a job wrote (rows since replaced by a later import belong to that one). */
  async deleteRowsOfJob(db: Db, trustId: string, jobId: string): Promise<number> {
    let n = 0;
    for (const table of ['attendance_records', 'behaviour_points', 'staff_records'] as const) {
      const r = await db
        .deleteFrom(table)
        .where('trust_id', '=', trustId)
        .where('import_job_id', '=', jobId)
        .executeTakeFirst();
      n += Number(r.numDeletedRows);
    }
    return n;
  },

  /** Each pupil's totals over a span of days, with the characteristics the groups are made from. */
  /**
   * Each pupil's sessions in the range, with their groups as they stood on its first day (their
   * characteristics history), so a year's gaps are measured on the groups as they were then; the
   * current values where no recorded period covers that day.
   */
  pupilTotals(db: Db, trustId: string, from: string, to: string, schoolIds: readonly string[]) {
    if (schoolIds.length === 0) return Promise.resolve([]);
    const dis = sql<boolean>`coalesce(c.disadvantaged, p.disadvantaged)`;
    const sen = sql<string>`coalesce(c.sen, p.sen)`;
    const eal = sql<boolean>`coalesce(c.eal, p.eal)`;
    return db
      .selectFrom('attendance_records as a')
      .innerJoin('pupils as p', 'p.id', 'a.pupil_id')
      .leftJoin('pupil_characteristics as c', (j) =>
        j
          .onRef('c.pupil_id', '=', 'a.pupil_id')
          .onRef('c.trust_id', '=', 'a.trust_id')
          .on('c.effective_from', '<=', from)
          .on((eb) => eb.or([eb('c.effective_to', 'is', null), eb('c.effective_to', '>=', from)])),
      )
      .where('a.trust_id', '=', trustId)
      .where('a.school_id', 'in', schoolIds)
      .where('a.period_start', '>=', from)
      .where('a.period_end', '<=', to)
      .groupBy(['a.school_id', 'a.pupil_id', dis, sen, eal])
      .select([
        'a.school_id',
        dis.as('disadvantaged'),
        sen.as('sen'),
        eal.as('eal'),
        sql<number>`sum(a.possible_sessions)::int`.as('possible'),
        sql<number>`sum(a.attended_sessions)::int`.as('attended'),
      ])
      .execute();
  },

  /** The first days of the periods held, to list the academic years there are figures for. */
  attendanceStarts(db: Db, trustId: string) {
    return db
      .selectFrom('attendance_records')
      .where('trust_id', '=', trustId)
      .select('period_start')
      .distinct()
      .execute();
  },

  staffOfSchools(db: Db, trustId: string, schoolIds: readonly string[]) {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('staff_records')
      .where('trust_id', '=', trustId)
      .where('school_id', 'in', schoolIds)
      .select(['school_id', 'staff_ref', 'started_on', 'left_on'])
      .execute();
  },
};
