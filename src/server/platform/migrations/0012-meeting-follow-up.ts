import type { Kysely } from 'kysely';

// What a meeting agreed to do before the next one, and when the next one is.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('meetings')
    .addColumn('actions_agreed', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('meetings').addColumn('next_on', 'date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('next_on').execute();
  await db.schema.alterTable('meetings').dropColumn('actions_agreed').execute();
}
