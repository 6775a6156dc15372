import type { Db } from '../../platform/db/database';

export const monitoringRepository = {
  insertMeeting(
    db: Db,
    m: {
      trustId: string;
      personId: string;
      kind: string;
      schoolId: string | null;
      heldOn: string;
      notes: string;
      actionsAgreed: string;
      nextOn: string | null;
      createdBy: string | null;
    },
  ) {
    return db
      .insertInto('meetings')
      .values({
        trust_id: m.trustId,
        person_id: m.personId,
        kind: m.kind,
        school_id: m.schoolId,
        held_on: m.heldOn,
        notes: m.notes,
        actions_agreed: m.actionsAgreed,
        next_on: m.nextOn,
        created_by: m.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  async insertItems(
    db: Db,
    trustId: string,
    meetingId: string,
    items: { kind: string; itemId: string | null; title: string; note: string; decision: string }[],
  ): Promise<void> {
    if (!items.length) return;
    await db
      .insertInto('meeting_items')
      .values(
        items.map((i) => ({
          trust_id: trustId,
          meeting_id: meetingId,
          item_kind: i.kind,
          item_id: i.itemId,
          title: i.title,
          note: i.note,
          decision: i.decision,
        })),
      )
      .execute();
  },

  listMeetings(db: Db, trustId: string, personId: string) {
    return db
      .selectFrom('meetings as m')
      .leftJoin('people as c', 'c.id', 'm.created_by')
      .where('m.trust_id', '=', trustId)
      .where('m.person_id', '=', personId)
      .select([
        'm.id',
        'm.person_id',
        'm.kind',
        'm.school_id',
        'm.held_on',
        'm.notes',
        'm.actions_agreed',
        'm.next_on',
        'c.name as created_by_name',
      ])
      .orderBy('m.held_on', 'desc')
      .limit(100)
      .execute();
  },

  listItems(db: Db, trustId: string, meetingIds: readonly string[]) {
    if (!meetingIds.length) return Promise.resolve([]);
    return db
      .selectFrom('meeting_items')
      .where('trust_id', '=', trustId)
      .where('meeting_id', 'in', meetingIds)
      .selectAll()
      .execute();
  },

  /** People who want a digest and have not had one today. */
  digestRecipients(db: Db, today: string) {
    return db
      .selectFrom('people')
      .where('status', '=', 'active')
      .where('digest_enabled', '=', true)
      .where((eb) => eb.or([eb('digest_last_sent_on', 'is', null), eb('digest_last_sent_on', '<', today)]))
      .select(['id', 'trust_id', 'name', 'email'])
      .execute();
  },

  async markDigestSent(db: Db, personId: string, today: string): Promise<void> {
    await db.updateTable('people').set({ digest_last_sent_on: today }).where('id', '=', personId).execute();
  },

  async setDigestEnabled(db: Db, trustId: string, personId: string, enabled: boolean): Promise<void> {
    await db
      .updateTable('people')
      .set({ digest_enabled: enabled })
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .execute();
  },

  digestEnabled(db: Db, trustId: string, personId: string) {
    return db
      .selectFrom('people')
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .select('digest_enabled')
      .executeTakeFirst()
      .then((r) => r?.digest_enabled ?? false);
  },
};
