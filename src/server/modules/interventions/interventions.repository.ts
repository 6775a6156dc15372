import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { pupilOnRoll } from '../pupils/record.repository';

export type InterventionValues = {
  priorityId: string | null;
  name: string;
  type: string;
  startsOn: string;
  endsOn: string | null;
  leadPersonId: string | null;
  plannedSessions: number;
  notes: string;
  status: string;
  baselineAssessmentId: string | null;
  outcomeAssessmentId: string | null;
  matchedComparison: boolean;
};

const columns = (v: InterventionValues) => ({
  priority_id: v.priorityId,
  name: v.name,
  type: v.type,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  lead_person_id: v.leadPersonId,
  planned_sessions: v.plannedSessions,
  notes: v.notes,
  status: v.status,
  baseline_assessment_id: v.baselineAssessmentId,
  outcome_assessment_id: v.outcomeAssessmentId,
  matched_comparison: v.matchedComparison,
});

function summaries(db: Db, trustId: string) {
  return db
    .selectFrom('interventions as i')
    .innerJoin('schools as s', 's.id', 'i.school_id')
    .leftJoin('priorities as pr', 'pr.id', 'i.priority_id')
    .leftJoin('people as pe', 'pe.id', 'i.lead_person_id')
    .where('i.trust_id', '=', trustId)
    .selectAll('i')
    .select(['s.name as school_name', 'pr.title as priority_title', 'pe.name as lead_name'])
    .select((eb) => [
      eb
        .selectFrom('intervention_pupils as ip')
        .whereRef('ip.intervention_id', '=', 'i.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('pupil_count'),
      eb
        .selectFrom('intervention_sessions as se')
        .whereRef('se.intervention_id', '=', 'i.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('sessions_held'),
    ]);
}
export type InterventionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirst']>>
>;

/** The interventions register; every query is scoped by trust. */
// A leaver keeps their record and results, but cannot join a new intervention (pupilOnRoll).

export const interventionsRepository = {
  list(
    db: Db,
    trustId: string,
    f: { schoolIds: readonly string[]; type?: string; status?: string; priorityId?: string },
  ) {
    if (!f.schoolIds.length) return Promise.resolve([]);
    let q = summaries(db, trustId).where('i.school_id', 'in', f.schoolIds);
    if (f.type) q = q.where('i.type', '=', f.type);
    if (f.status) q = q.where('i.status', '=', f.status);
    if (f.priorityId) q = q.where('i.priority_id', '=', f.priorityId);
    return q.orderBy('i.starts_on', 'desc').orderBy('i.name').execute();
  },

  find(db: Db, trustId: string, id: string) {
    return summaries(db, trustId).where('i.id', '=', id).executeTakeFirst();
  },

  insert(db: Db, trustId: string, schoolId: string, v: InterventionValues) {
    return db
      .insertInto('interventions')
      .values({ trust_id: trustId, school_id: schoolId, ...columns(v) })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** True when the row was at `version` and is now at the next one; false means someone saved first. */
  async update(db: Db, trustId: string, id: string, version: number, v: InterventionValues | null) {
    const res = await db
      .updateTable('interventions')
      .set({ ...(v ? columns(v) : {}), version: version + 1, updated_at: new Date() })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  async remove(db: Db, trustId: string, id: string, version: number) {
    const res = await db
      .deleteFrom('interventions')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },

  members(db: Db, trustId: string, interventionId: string) {
    return db
      .selectFrom('intervention_pupils as ip')
      .innerJoin('pupils as p', 'p.id', 'ip.pupil_id')
      .where('ip.trust_id', '=', trustId)
      .where('ip.intervention_id', '=', interventionId)
      .select([
        'p.id',
        'p.given_name',
        'p.family_name',
        'p.year_group',
        'p.disadvantaged',
        'p.upn',
        'ip.joined_on',
        'ip.left_on',
      ])
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .execute();
  },

  async sessions(db: Db, trustId: string, interventionId: string) {
    const sessions = await db
      .selectFrom('intervention_sessions')
      .where('trust_id', '=', trustId)
      .where('intervention_id', '=', interventionId)
      .select(['id', 'held_on'])
      .orderBy('held_on')
      .execute();
    const present = sessions.length
      ? await db
          .selectFrom('intervention_attendance')
          .where('trust_id', '=', trustId)
          .where(
            'session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .where('attended', '=', true)
          .select(['session_id', 'pupil_id'])
          .execute()
      : [];
    return sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      attended: new Set(present.filter((a) => a.session_id === s.id).map((a) => a.pupil_id)),
    }));
  },

  /** A school's pupils not yet in the intervention, by name and filters; the first 200 and the count. */
  async candidates(
    db: Db,
    trustId: string,
    schoolId: string,
    interventionId: string,
    f: { search?: string; yearGroup?: string; disadvantaged?: boolean },
  ) {
    let q = db
      .selectFrom('pupils as p')
      .where('p.trust_id', '=', trustId)
      .where('p.school_id', '=', schoolId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('intervention_pupils as ip')
              .whereRef('ip.pupil_id', '=', 'p.id')
              .where('ip.intervention_id', '=', interventionId),
          ),
        ),
      );
    q = q.where(pupilOnRoll);
    if (f.yearGroup) q = q.where('p.year_group', '=', f.yearGroup);
    if (f.disadvantaged !== undefined) q = q.where('p.disadvantaged', '=', f.disadvantaged);
    if (f.search) {
      const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Full name as people type it ("Amelia Sm"), which neither name column holds alone.
      q = q.where(sql<boolean>`(p.given_name || ' ' || p.family_name) ilike ${like}`);
    }
    const [rows, count] = await Promise.all([
      q
        .select(['p.id', 'p.given_name', 'p.family_name', 'p.year_group', 'p.disadvantaged'])
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .limit(200)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  async yearGroups(db: Db, trustId: string, schoolId: string) {
    const rows = await db
      .selectFrom('pupils as p')
      .where('p.trust_id', '=', trustId)
      .where('p.school_id', '=', schoolId)
      .where(pupilOnRoll)
      .select('p.year_group')
      .distinct()
      .execute();
    return rows.map((r) => r.year_group);
  },

  pupilsByIds(db: Db, trustId: string, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('id', 'in', ids)
      .select(['id', 'school_id', 'upn'])
      .execute();
  },

  pupilsByUpns(db: Db, trustId: string, upns: readonly string[]) {
    if (!upns.length) return Promise.resolve([]);
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'in', upns)
      .select(['id', 'school_id', 'upn'])
      .execute();
  },

  async insertMembers(
    db: Db,
    trustId: string,
    interventionId: string,
    pupilIds: readonly string[],
    joinedOn: string,
  ) {
    for (let i = 0; i < pupilIds.length; i += 500)
      await db
        .insertInto('intervention_pupils')
        .values(
          pupilIds.slice(i, i + 500).map((pupilId) => ({
            trust_id: trustId,
            intervention_id: interventionId,
            pupil_id: pupilId,
            joined_on: joinedOn,
          })),
        )
        .execute();
  },

  async updateMember(
    db: Db,
    trustId: string,
    interventionId: string,
    pupilId: string,
    v: { joinedOn: string; leftOn: string | null },
  ) {
    const res = await db
      .updateTable('intervention_pupils')
      .set({ joined_on: v.joinedOn, left_on: v.leftOn })
      .where('trust_id', '=', trustId)
      .where('intervention_id', '=', interventionId)
      .where('pupil_id', '=', pupilId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Removes a pupil added by mistake, with their attendance marks in this intervention's sessions. */
  async removeMember(db: Db, trustId: string, interventionId: string, pupilId: string) {
    await db
      .deleteFrom('intervention_attendance')
      .where('trust_id', '=', trustId)
      .where('pupil_id', '=', pupilId)
      .where('session_id', 'in', (eb) =>
        eb.selectFrom('intervention_sessions').where('intervention_id', '=', interventionId).select('id'),
      )
      .execute();
    const res = await db
      .deleteFrom('intervention_pupils')
      .where('trust_id', '=', trustId)
      .where('intervention_id', '=', interventionId)
      .where('pupil_id', '=', pupilId)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },

  /** Creates the day's session if new and replaces its marks: one row per pupil in the group that day. */
  async recordSession(
    db: Db,
    trustId: string,
    interventionId: string,
    heldOn: string,
    marks: readonly { pupilId: string; attended: boolean }[],
  ) {
    const session = await db
      .insertInto('intervention_sessions')
      .values({ trust_id: trustId, intervention_id: interventionId, held_on: heldOn })
      .onConflict((oc) => oc.columns(['intervention_id', 'held_on']).doUpdateSet({ held_on: heldOn }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('intervention_attendance').where('session_id', '=', session.id).execute();
    if (marks.length)
      await db
        .insertInto('intervention_attendance')
        .values(
          marks.map((m) => ({
            trust_id: trustId,
            session_id: session.id,
            pupil_id: m.pupilId,
            attended: m.attended,
          })),
        )
        .execute();
    return session.id;
  },

  async deleteSession(db: Db, trustId: string, interventionId: string, sessionId: string) {
    const res = await db
      .deleteFrom('intervention_sessions')
      .where('trust_id', '=', trustId)
      .where('intervention_id', '=', interventionId)
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },

  /** Pupils of the school in the year groups, not in the intervention, who have a result on the assessment. */
  comparisonPool(
    db: Db,
    trustId: string,
    f: { schoolId: string; yearGroups: readonly string[]; interventionId: string; assessmentId: string },
  ) {
    if (!f.yearGroups.length) return Promise.resolve([]);
    return db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .where('r.trust_id', '=', trustId)
      .where('r.assessment_id', '=', f.assessmentId)
      .where('p.school_id', '=', f.schoolId)
      .where('p.year_group', 'in', f.yearGroups)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('intervention_pupils as ip')
              .whereRef('ip.pupil_id', '=', 'p.id')
              .where('ip.intervention_id', '=', f.interventionId),
          ),
        ),
      )
      .select(['p.id', 'p.disadvantaged', 'p.upn'])
      .execute();
  },
};
