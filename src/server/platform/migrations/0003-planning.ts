import { type Kysely, sql } from 'kysely';

// Improvement plans: priorities with EEF phases, measurable outcomes, actions, planned and recorded
// impact checks, and the de-implementation register.
export async function up(db: Kysely<unknown>): Promise<void> {
  const trustRef = 'trusts.id';

  await db.schema
    .createTable('plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('review_every_weeks', 'integer', (c) => c.notNull().defaultTo(6))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active','archived')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('plans_period_order', sql`period_end >= period_start`)
    .execute();
  await db.schema
    .createIndex('plans_trust_school_idx')
    .on('plans')
    .columns(['trust_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('priorities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'text', (c) =>
      c.notNull().defaultTo('explore').check(sql`phase in ('explore','prepare','deliver','sustain')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active','stopped','completed')`),
    )
    .addColumn('statement_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('source_response_id', 'uuid', (c) => c.references('responses.id').onDelete('set null'))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('phase_notes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('priorities_plan_idx').on('priorities').columns(['plan_id']).execute();

  await db.schema
    .createTable('phase_moves')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('from_phase', 'text', (c) => c.notNull())
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moved_by', 'uuid')
    .addColumn('moved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('numeric', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('up').check(sql`direction in ('up','down')`))
    .addColumn('group_label', 'text', (c) => c.notNull().defaultTo('All pupils'))
    .addColumn('baseline_value', 'text', (c) => c.notNull())
    .addColumn('baseline_on', 'date', (c) => c.notNull())
    .addColumn('target_value', 'text', (c) => c.notNull())
    .addColumn('target_on', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('outcomes_date_order', sql`target_on >= baseline_on`)
    .execute();

  await db.schema
    .createTable('plan_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('resources', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('not_started')
        .check(sql`status in ('not_started','in_progress','done','dropped')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('plan_actions_date_order', sql`due_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('plan_actions_owner_idx')
    .on('plan_actions')
    .columns(['owner_person_id', 'due_on'])
    .execute();

  await db.schema
    .createTable('impact_checks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('outcome_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('recorded_on', 'date')
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('values', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rag', 'text', (c) => c.check(sql`rag in ('red','amber','green')`))
    .addColumn('response', 'text', (c) => c.check(sql`response in ('continue','adapt','stop','scale')`))
    .addColumn('response_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('impact_checks_due_idx')
    .on('impact_checks')
    .columns(['trust_id', 'due_on'])
    .execute();

  await db.schema
    .createTable('deimplementations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references(trustRef).onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
    .addColumn('check_id', 'uuid', (c) => c.references('impact_checks.id').onDelete('set null'))
    .addColumn('stopped_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_freed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('money_freed', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'deimplementations',
    'impact_checks',
    'plan_actions',
    'outcomes',
    'phase_moves',
    'priorities',
    'plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
