import { type Kysely, sql } from 'kysely';

// Import jobs, and school-level outcomes published by the DfE (performance tables), kept per trust.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('dry_run', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('committed','rejected','validated','deleted')`),
    )
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_accepted', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('published_outcomes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('import_job_id', 'uuid', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('record_level', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`record_level in ('school','special_school','local_authority','national_all','national_state_funded')`,
        ),
    )
    .addColumn('la_code', 'text')
    .addColumn('urn', 'text')
    .addColumn('school_name', 'text')
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    // Why a measure is missing, by column: the DfE code (SUPP, NE, ...) is kept, not just a blank.
    .addColumn('missing', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('published_outcomes_lookup_idx')
    .on('published_outcomes')
    .columns(['trust_id', 'dataset', 'year', 'urn'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('published_outcomes').execute();
  await db.schema.dropTable('import_jobs').execute();
}
