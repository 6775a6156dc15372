import { type Kysely, sql } from 'kysely';

// The case-study library (searchable by PostgreSQL full text) and the EEF Toolkit reference list
// that priorities can cite in their Explore phase.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_studies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('set null'))
    .addColumn('source_priority_id', 'uuid', (c) => c.references('priorities.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('demographics', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('problem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approach', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('eef_phases', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('impact', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('measure_kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('lessons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('do_differently', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('component_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('statement_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','in_review','published')`),
    )
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('trust').check(sql`visibility in ('trust','all_trusts')`),
    )
    .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Weighted for ranking: the title counts most, then the problem and what was done, then the lessons.
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, problem), 'B') || setweight(to_tsvector('english'::regconfig, approach), 'B') || setweight(to_tsvector('english'::regconfig, lessons || ' ' || do_differently), 'C')`,
        )
        .stored(),
    )
    .execute();
  await db.schema
    .createIndex('case_studies_search_idx')
    .on('case_studies')
    .using('gin')
    .column('search')
    .execute();
  await db.schema
    .createIndex('case_studies_components_idx')
    .on('case_studies')
    .using('gin')
    .column('component_codes')
    .execute();
  await db.schema
    .createIndex('case_studies_trust_status_idx')
    .on('case_studies')
    .columns(['trust_id', 'status'])
    .execute();
  await db.schema
    .createIndex('case_studies_shared_idx')
    .on('case_studies')
    .columns(['status', 'visibility'])
    .execute();

  await db.schema
    .createTable('toolkit_strands')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cost', 'integer', (c) => c.notNull().check(sql`cost between 1 and 5`))
    .addColumn('evidence_strength', 'integer', (c) =>
      c.notNull().check(sql`evidence_strength between 0 and 5`),
    )
    .addColumn('months_impact', 'integer', (c) => c.notNull().check(sql`months_impact between -12 and 12`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('toolkit_strands_trust_slug_unique', ['trust_id', 'slug'])
    .execute();

  await db.schema
    .createTable('priority_toolkit_strands')
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('strand_id', 'uuid', (c) => c.notNull().references('toolkit_strands.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('priority_toolkit_strands_pk', ['priority_id', 'strand_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['priority_toolkit_strands', 'toolkit_strands', 'case_studies'])
    await db.schema.dropTable(t).execute();
}
