import { type Kysely, sql } from 'kysely';

// The interventions register: pupil-level programmes (tutoring, catch-up, mentoring...) with their
// pupils and session-by-session attendance, so their impact can be evaluated against comparison pupils.
// Attendance is kept per session and pupil rather than as planned/attended counts: the grid staff
// fill in is by session, a pupil's rate must count only sessions held while they were in the group,
// and counts could not be corrected for a single wrongly marked session.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interventions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('priority_id', 'uuid', (c) => c.references('priorities.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('tutoring','reading_catch_up','maths_catch_up','mentoring','attendance_support','other')`,
        ),
    )
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('lead_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('planned_sessions', 'integer', (c) => c.notNull().check(sql`planned_sessions >= 0`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned','running','ended','stopped')`),
    )
    .addColumn('baseline_assessment_id', 'uuid', (c) => c.references('assessments.id').onDelete('set null'))
    .addColumn('outcome_assessment_id', 'uuid', (c) => c.references('assessments.id').onDelete('set null'))
    .addColumn('matched_comparison', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('interventions_dates_check', sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('interventions_school_idx')
    .on('interventions')
    .columns(['trust_id', 'school_id'])
    .execute();
  await db.schema
    .createIndex('interventions_priority_idx')
    .on('interventions')
    .columns(['trust_id', 'priority_id'])
    .execute();

  await db.schema
    .createTable('intervention_pupils')
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('intervention_id', 'uuid', (c) =>
      c.notNull().references('interventions.id').onDelete('cascade'),
    )
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('joined_on', 'date', (c) => c.notNull())
    .addColumn('left_on', 'date')
    .addPrimaryKeyConstraint('intervention_pupils_pkey', ['intervention_id', 'pupil_id'])
    .addCheckConstraint('intervention_pupils_dates_check', sql`left_on is null or left_on >= joined_on`)
    .execute();

  await db.schema
    .createTable('intervention_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('intervention_id', 'uuid', (c) =>
      c.notNull().references('interventions.id').onDelete('cascade'),
    )
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addUniqueConstraint('intervention_sessions_day_unique', ['intervention_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('intervention_attendance')
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('session_id', 'uuid', (c) =>
      c.notNull().references('intervention_sessions.id').onDelete('cascade'),
    )
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('attended', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('intervention_attendance_pkey', ['session_id', 'pupil_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'intervention_attendance',
    'intervention_sessions',
    'intervention_pupils',
    'interventions',
  ])
    await db.schema.dropTable(t).execute();
}
