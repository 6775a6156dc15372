import { type Kysely, sql } from 'kysely';

// Saved column mappings for results files in a school's own layout (a MIS marksheet, a long export):
// a trust names a mapping once and reuses it for every file of that shape, on the web or in the CLI.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('layout', 'text', (c) => c.notNull().check(sql`layout in ('long','wide')`))
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('import_mappings_trust_name_key', ['trust_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
}
