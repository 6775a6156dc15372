import { type Kysely, sql } from 'kysely';

// The monitoring rhythm: meeting logs against agenda items, and the daily digest preference.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('digest_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema.alterTable('people').addColumn('digest_last_sent_on', 'date').execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('line_management','liaison')`))
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('meeting_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('item_kind', 'text', (c) =>
      c.notNull().check(sql`item_kind in ('action','check','outcome','other')`),
    )
    .addColumn('item_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_items').execute();
  await db.schema.dropTable('meetings').execute();
  await db.schema.alterTable('people').dropColumn('digest_last_sent_on').execute();
  await db.schema.alterTable('people').dropColumn('digest_enabled').execute();
}
