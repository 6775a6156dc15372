import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { PupilCharacteristicsTable } from '../../platform/db/schema';
import type { Period } from './characteristics';
import type { Enrolment } from './enrolments';
import { CHARACTERISTIC_COLUMNS, rowOfValues, valuesOfRow } from './history.mapping';

const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export const pupilHistoryRepository = {
  /** Pupils of the trust by UPN, with the date their history starts from. */
  async pupilsByUpn(db: Db, trustId: string, upns: readonly string[]) {
    const out = new Map<string, { id: string; dateOfBirth: string }>();
    for (const batch of chunks(upns, 5000)) {
      const rows = await db
        .selectFrom('pupils')
        .where('trust_id', '=', trustId)
        .where('upn', 'in', batch)
        .select(['id', 'upn', 'date_of_birth'])
        .execute();
      for (const r of rows) if (r.upn) out.set(r.upn, { id: r.id, dateOfBirth: r.date_of_birth });
    }
    return out;
  },

  /** Each pupil's characteristics periods, oldest first. */
  async historiesOf(db: Db, trustId: string, pupilIds: readonly string[]): Promise<Map<string, Period[]>> {
    const out = new Map<string, Period[]>();
    for (const ids of chunks(pupilIds, 5000)) {
      const rows = await db
        .selectFrom('pupil_characteristics')
        .where('trust_id', '=', trustId)
        .where('pupil_id', 'in', ids)
        .select(['pupil_id', 'effective_from', 'effective_to', ...CHARACTERISTIC_COLUMNS])
        .orderBy('pupil_id')
        .orderBy('effective_from')
        .execute();
      for (const r of rows) {
        const list = out.get(r.pupil_id) ?? [];
        list.push({ from: r.effective_from, to: r.effective_to, values: valuesOfRow(r) });
        out.set(r.pupil_id, list);
      }
    }
    return out;
  },

  /** Each pupil's enrolments, oldest first. */
  async enrolmentsOf(
    db: Db,
    trustId: string,
    pupilIds: readonly string[],
  ): Promise<Map<string, Enrolment[]>> {
    const out = new Map<string, Enrolment[]>();
    for (const ids of chunks(pupilIds, 5000)) {
      const rows = await db
        .selectFrom('enrolments')
        .where('trust_id', '=', trustId)
        .where('pupil_id', 'in', ids)
        .select(['pupil_id', 'school_id', 'start_date', 'end_date'])
        .orderBy('pupil_id')
        .orderBy('start_date')
        .execute();
      for (const r of rows) {
        const list = out.get(r.pupil_id) ?? [];
        list.push({ schoolId: r.school_id, start: r.start_date, end: r.end_date });
        out.set(r.pupil_id, list);
      }
    }
    return out;
  },

  /** Replaces these pupils' periods as a whole (the service has checked they partition time). */
  async replaceHistories(db: Db, trustId: string, histories: ReadonlyMap<string, readonly Period[]>) {
    const ids = [...histories.keys()];
    for (const batch of chunks(ids, 5000))
      await db
        .deleteFrom('pupil_characteristics')
        .where('trust_id', '=', trustId)
        .where('pupil_id', 'in', batch)
        .execute();
    const rows = ids.flatMap((pupilId) =>
      histories.get(pupilId)!.map((p) => ({
        trust_id: trustId,
        pupil_id: pupilId,
        effective_from: p.from,
        effective_to: p.to,
        ...rowOfValues(p.values),
      })),
    );
    for (const batch of chunks(rows, 1000))
      await db.insertInto('pupil_characteristics').values(batch).execute();
  },

  async replaceEnrolments(db: Db, trustId: string, enrolments: ReadonlyMap<string, readonly Enrolment[]>) {
    const ids = [...enrolments.keys()];
    for (const batch of chunks(ids, 5000))
      await db
        .deleteFrom('enrolments')
        .where('trust_id', '=', trustId)
        .where('pupil_id', 'in', batch)
        .execute();
    const rows = ids.flatMap((pupilId) =>
      enrolments.get(pupilId)!.map((e) => ({
        trust_id: trustId,
        pupil_id: pupilId,
        school_id: e.schoolId,
        start_date: e.start,
        end_date: e.end,
      })),
    );
    for (const batch of chunks(rows, 1000)) await db.insertInto('enrolments').values(batch).execute();
  },

  /** The current columns of pupils follow each pupil's open period and open enrolment. */
  async syncCurrent(db: Db, trustId: string, pupilIds: readonly string[]) {
    for (const ids of chunks(pupilIds, 5000)) {
      await db
        .updateTable('pupils as p')
        .from('pupil_characteristics as c')
        .whereRef('c.pupil_id', '=', 'p.id')
        .where('c.effective_to', 'is', null)
        .where('p.trust_id', '=', trustId)
        .where('c.trust_id', '=', trustId)
        .where('p.id', 'in', ids)
        .set((eb) => Object.fromEntries(CHARACTERISTIC_COLUMNS.map((c) => [c, eb.ref(`c.${c}`)])))
        .execute();
      await db
        .updateTable('pupils as p')
        .from('enrolments as e')
        .whereRef('e.pupil_id', '=', 'p.id')
        .where('e.end_date', 'is', null)
        .where('p.trust_id', '=', trustId)
        .where('e.trust_id', '=', trustId)
        .where('p.id', 'in', ids)
        .set((eb) => ({ school_id: eb.ref('e.school_id') }))
        .execute();
    }
  },

  /**
   * Opens the history of pupils just inserted (synthetic seeds): one period and one enrolment from
   * their date of birth with their current values, in two set-based statements.
   */
  async openHistoryFor(db: Db, trustId: string, pupilIds: readonly string[]) {
    for (const ids of chunks(pupilIds, 5000)) {
      await db
        .insertInto('pupil_characteristics')
        .columns(['trust_id', 'pupil_id', 'effective_from', ...CHARACTERISTIC_COLUMNS])
        .expression((eb) =>
          eb
            .selectFrom('pupils')
            .where('trust_id', '=', trustId)
            .where('id', 'in', ids)
            .select(['trust_id', 'id', 'date_of_birth', ...CHARACTERISTIC_COLUMNS]),
        )
        .execute();
      await db
        .insertInto('enrolments')
        .columns(['trust_id', 'pupil_id', 'school_id', 'start_date'])
        .expression((eb) =>
          eb
            .selectFrom('pupils')
            .where('trust_id', '=', trustId)
            .where('id', 'in', ids)
            .select(['trust_id', 'id', 'school_id', 'date_of_birth']),
        )
        .execute();
    }
  },

  /**
   * Many pupils as at one date, resolved in SQL: the period and enrolment covering the date, or the
   * current values and school where none does.
   */
  characteristicsAsAtDate(db: Db, trustId: string, pupilIds: readonly string[], date: string) {
    if (!pupilIds.length) return Promise.resolve([]);
    return db
      .selectFrom('pupils as p')
      .leftJoin('pupil_characteristics as c', (j) =>
        j
          .onRef('c.pupil_id', '=', 'p.id')
          .on('c.effective_from', '<=', date)
          .on((eb) => eb.or([eb('c.effective_to', 'is', null), eb('c.effective_to', '>=', date)])),
      )
      .leftJoin('enrolments as e', (j) =>
        j
          .onRef('e.pupil_id', '=', 'p.id')
          .on('e.start_date', '<=', date)
          .on((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', date)])),
      )
      .where('p.trust_id', '=', trustId)
      .where('p.id', 'in', pupilIds)
      .select((eb) => {
        // A covering period is taken whole (a null KS2 score in it stays null), never mixed with current values.
        const pick = <C extends (typeof CHARACTERISTIC_COLUMNS)[number]>(col: C) =>
          eb
            .case()
            .when('c.id', 'is', null)
            .then(eb.ref(`p.${col}`))
            .else(eb.ref(`c.${col}`))
            .end()
            .$castTo<Selectable<PupilCharacteristicsTable>[C]>();
        return [
          'p.id',
          eb.fn.coalesce('e.school_id', 'p.school_id').as('school_id'),
          eb('c.id', 'is not', null).as('from_history'),
          pick('disadvantaged').as('disadvantaged'),
          pick('fsm').as('fsm'),
          pick('pupil_premium').as('pupil_premium'),
          pick('looked_after').as('looked_after'),
          pick('adopted_from_care').as('adopted_from_care'),
          pick('service_child').as('service_child'),
          pick('sen').as('sen'),
          pick('sen_primary_need').as('sen_primary_need'),
          pick('eal').as('eal'),
          pick('ethnicity').as('ethnicity'),
          pick('ks2_reading').as('ks2_reading'),
          pick('ks2_maths').as('ks2_maths'),
          pick('ks2_fine_level').as('ks2_fine_level'),
          pick('prior_attainment_band').as('prior_attainment_band'),
        ];
      })
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          id: r.id,
          schoolId: r.school_id,
          fromHistory: r.from_history,
          values: valuesOfRow(r),
        })),
      );
  },
};
