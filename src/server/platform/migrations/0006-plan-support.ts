import { type Kysely, sql } from 'kysely';

// Around each priority: barriers with contingencies, support given, and implementation fidelity measures.
export async function up(db: Kysely<unknown>): Promise<void> {
  const level = (c: string) => sql.raw(`${c} in ('low','medium','high')`);
  await db.schema
    .createTable('barriers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'text', (c) => c.notNull().check(level('likelihood')))
    .addColumn('impact', 'text', (c) => c.notNull().check(level('impact')))
    .addColumn('warning_sign', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contingency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('support_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('coaching','mentoring','cpd','supervision')`),
    )
    .addColumn('provider_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('recipient_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('sessions_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('fidelity_measures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target', 'double precision')
    .execute();

  await db.schema
    .createTable('fidelity_values')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('measure_id', 'uuid', (c) =>
      c.notNull().references('fidelity_measures.id').onDelete('cascade'),
    )
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['fidelity_values', 'fidelity_measures', 'support_records', 'barriers'])
    await db.schema.dropTable(t).execute();
}
