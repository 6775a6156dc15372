import { type Kysely, sql } from 'kysely';

// Pupil, staff and parent voice. A response is tied to a school and, for pupil surveys, to a few
// characteristics so groups can be compared; nothing that says who responded is ever stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    // Null for a survey run across the whole trust.
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('pupil','staff','parent')`))
    .addColumn('academic_year', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'date')
    .addColumn('closes_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('surveys_trust_idx').on('surveys').columns(['trust_id', 'school_id']).execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('likert','text')`))
    // Likert labels in order; the first scores 1. Empty for free text.
    .addColumn('scale_labels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('statement_id', 'uuid', (c) => c.references('tool_statements.id').onDelete('set null'))
    .addColumn('component_id', 'uuid', (c) => c.references('framework_components.id').onDelete('set null'))
    .addUniqueConstraint('survey_questions_position_unique', ['survey_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_accepted', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('survey_imports_survey_idx')
    .on('survey_imports')
    .columns(['trust_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('survey_imports.id').onDelete('cascade'))
    // The day only: an exact submission time could single out a respondent.
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    // A hash of the submission time and answers, so a re-imported file adds nothing twice.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('year_group', 'text')
    .addColumn('disadvantaged', 'boolean')
    .addColumn('sen', 'boolean')
    .addColumn('eal', 'boolean')
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('M','F')`))
    .addUniqueConstraint('survey_responses_fingerprint_unique', ['survey_id', 'school_id', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('survey_responses_import_idx')
    .on('survey_responses')
    .columns(['trust_id', 'import_id'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('response_id', 'uuid', (c) =>
      c.notNull().references('survey_responses.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'uuid', (c) =>
      c.notNull().references('survey_questions.id').onDelete('cascade'),
    )
    // Likert answers score 1..k on the question's scale; free text goes in `text`.
    .addColumn('value', 'integer')
    .addColumn('text', 'text')
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question_id'])
    .addCheckConstraint('survey_answers_one_kind', sql`(value is null) <> (text is null)`)
    .execute();
  await db.schema
    .createIndex('survey_answers_question_idx')
    .on('survey_answers')
    .columns(['question_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['survey_answers', 'survey_responses', 'survey_imports', 'survey_questions', 'surveys'])
    await db.schema.dropTable(t).execute();
}
