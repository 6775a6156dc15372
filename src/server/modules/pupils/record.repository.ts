import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/** Pupil `p` is still on roll: no enrolments recorded, or one still open. */
export const pupilOnRoll = sql<boolean>`(not exists (select 1 from enrolments e where e.pupil_id = p.id and e.trust_id = p.trust_id)
  or exists (select 1 from enrolments e where e.pupil_id = p.id and e.trust_id = p.trust_id and e.end_date is null))`;

const summaryColumns = ['p.id', 'p.given_name', 'p.family_name', 'p.year_group', 'p.date_of_birth'] as const;

export const pupilRecordRepository = {
  /** Up to `limit` pupils of a school whose name contains the text or whose UPN is it, on roll first. */
  search(db: Db, trustId: string, schoolId: string, q: string, limit: number) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Pupils on roll come first: they are the ones usually looked for.
    return db
      .selectFrom('pupils as p')
      .where('p.trust_id', '=', trustId)
      .where('p.school_id', '=', schoolId)
      .where((eb) =>
        eb.or([
          eb(sql<string>`p.given_name || ' ' || p.family_name`, 'ilike', like),
          eb(sql<string>`p.family_name || ' ' || p.given_name`, 'ilike', like),
          eb(sql<string>`p.family_name || ', ' || p.given_name`, 'ilike', like),
          eb('p.upn', '=', q.toUpperCase()),
        ]),
      )
      .select([...summaryColumns, pupilOnRoll.as('on_roll')])
      .orderBy(pupilOnRoll, 'desc')
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },

  find(db: Db, trustId: string, pupilId: string) {
    return db
      .selectFrom('pupils as p')
      .innerJoin('schools as s', (j) =>
        j.onRef('s.id', '=', 'p.school_id').onRef('s.trust_id', '=', 'p.trust_id'),
      )
      .where('p.trust_id', '=', trustId)
      .where('p.id', '=', pupilId)
      .select([
        ...summaryColumns,
        pupilOnRoll.as('on_roll'),
        'p.upn',
        'p.sex',
        'p.school_id',
        's.name as school_name',
        'p.disadvantaged',
        'p.fsm',
        'p.sen',
        'p.eal',
        'p.ethnicity',
        'p.ks2_reading',
        'p.ks2_maths',
      ])
      .executeTakeFirst();
  },

  schoolNames(db: Db, trustId: string) {
    return db.selectFrom('schools').where('trust_id', '=', trustId).select(['id', 'name']).execute();
  },

  results(db: Db, trustId: string, pupilId: string) {
    return db
      .selectFrom('results as r')
      .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
      .where('r.trust_id', '=', trustId)
      .where('r.pupil_id', '=', pupilId)
      .select([
        'a.name',
        'a.subject',
        'a.year_group',
        'a.academic_year',
        'a.collection_point',
        'a.grade_set',
        'a.taken_on',
        'r.value',
      ])
      .orderBy('a.taken_on', 'desc')
      .orderBy('a.subject')
      .orderBy('a.name')
      .execute();
  },

  attendance(db: Db, trustId: string, pupilId: string) {
    return db
      .selectFrom('attendance_records')
      .where('trust_id', '=', trustId)
      .where('pupil_id', '=', pupilId)
      .select(['period_start', 'period_end', 'possible_sessions', 'attended_sessions'])
      .orderBy('period_start', 'desc')
      .execute();
  },

  /** The interventions the pupil has been in, with the sessions held while a member and those attended. */
  interventions(db: Db, trustId: string, pupilId: string) {
    return db
      .selectFrom('intervention_pupils as ip')
      .innerJoin('interventions as i', 'i.id', 'ip.intervention_id')
      .where('ip.trust_id', '=', trustId)
      .where('ip.pupil_id', '=', pupilId)
      .select((eb) => [
        'i.id',
        'i.name',
        'i.type',
        'ip.joined_on',
        'ip.left_on',
        eb
          .selectFrom('intervention_sessions as s')
          .whereRef('s.intervention_id', '=', 'i.id')
          .whereRef('s.held_on', '>=', 'ip.joined_on')
          .where((w) => w.or([w('ip.left_on', 'is', null), w('s.held_on', '<=', w.ref('ip.left_on'))]))
          .select((c) => c.fn.countAll<number>().as('n'))
          .as('held'),
        eb
          .selectFrom('intervention_attendance as at')
          .innerJoin('intervention_sessions as s', 's.id', 'at.session_id')
          .whereRef('s.intervention_id', '=', 'i.id')
          .whereRef('at.pupil_id', '=', 'ip.pupil_id')
          .where('at.attended', '=', true)
          .select((c) => c.fn.countAll<number>().as('n'))
          .as('attended'),
      ])
      .orderBy('ip.joined_on', 'desc')
      .execute();
  },
};
