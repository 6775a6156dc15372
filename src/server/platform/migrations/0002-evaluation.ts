import { type Kysely, sql } from 'kysely';

// Evaluation tools (versioned), rounds, and per-statement responses with the joint-judgement workflow.
export async function up(db: Kysely<unknown>): Promise<void> {
  const trustRef = 'trusts.id';

  await db.schema
    .createTable('framework_components')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('framework_name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('strand', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('framework_components_trust_code_unique', ['trust_id', 'code'])
    .execute();

  await db.schema
    .createTable('evidence_sources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('evaluation_tools')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active','archived')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('evaluation_tools_trust_key_unique', ['trust_id', 'key'])
    .execute();

  await db.schema
    .createTable('tool_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('tool_id', 'uuid', (c) => c.notNull().references('evaluation_tools.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text', (c) =>
      c.notNull().check(sql`completed_by in ('school','department','trust')`),
    )
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The scale is copied into each version so past answers keep the meaning they had.
    .addColumn('scale', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addUniqueConstraint('tool_versions_tool_version_unique', ['tool_id', 'version'])
    .execute();

  await db.schema
    .createTable('tool_aspects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('tool_version_id', 'uuid', (c) =>
      c.notNull().references('tool_versions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('tool_statements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('tool_version_id', 'uuid', (c) =>
      c.notNull().references('tool_versions.id').onDelete('cascade'),
    )
    .addColumn('aspect_id', 'uuid', (c) => c.notNull().references('tool_aspects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addUniqueConstraint('tool_statements_version_code_unique', ['tool_version_id', 'code'])
    .execute();

  await db.schema
    .createTable('rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text', (c) =>
      c.notNull().check(sql`cycle in ('termly','biannual','annual','one_off')`),
    )
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','closed')`))
    .addColumn('previous_round_id', 'uuid', (c) => c.references('rounds.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One evaluation within a round: a tool version completed for a school, a department or the trust.
  await db.schema
    .createTable('round_subjects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('round_id', 'uuid', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('tool_version_id', 'uuid', (c) => c.notNull().references('tool_versions.id'))
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('liaison_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','submitted','agreed')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('agreed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('round_subjects_round_idx')
    .on('round_subjects')
    .columns(['round_id'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('round_subject_id', 'uuid', (c) =>
      c.notNull().references('round_subjects.id').onDelete('cascade'),
    )
    .addColumn('statement_id', 'uuid', (c) => c.notNull().references('tool_statements.id'))
    .addColumn('self_value', 'integer')
    .addColumn('self_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('not_judged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('not_judged_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agreed_value', 'integer')
    .addColumn('agreed_rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('carried_forward', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('previous_agreed_value', 'integer')
    .addColumn('left_last_time', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('responses_subject_statement_unique', ['round_subject_id', 'statement_id'])
    .execute();

  await db.schema
    .createTable('response_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('response_id', 'uuid', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'response_comments',
    'responses',
    'round_subjects',
    'rounds',
    'tool_statements',
    'tool_aspects',
    'tool_versions',
    'evaluation_tools',
    'evidence_sources',
    'framework_components',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
