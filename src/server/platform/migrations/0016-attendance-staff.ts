import { type Kysely, sql } from 'kysely';

// Attendance per pupil per period, behaviour / attitude-to-learning points, staff records for
// workforce measures, and the GIAS details of a school. Each imported row carries the import job
// that wrote it, so deleting an import removes exactly its rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('possible_sessions', 'integer', (c) => c.notNull())
    .addColumn('attended_sessions', 'integer', (c) => c.notNull())
    .addColumn('authorised_absence', 'integer')
    .addColumn('unauthorised_absence', 'integer')
    .addColumn('import_job_id', 'uuid', (c) => c.notNull().references('import_jobs.id'))
    .addCheckConstraint(
      'attendance_sessions_check',
      sql`possible_sessions >= 0 and attended_sessions >= 0 and attended_sessions <= possible_sessions and period_end >= period_start`,
    )
    .addUniqueConstraint('attendance_pupil_period_unique', [
      'trust_id',
      'pupil_id',
      'period_start',
      'period_end',
    ])
    .execute();
  await db.schema
    .createIndex('attendance_school_idx')
    .on('attendance_records')
    .columns(['trust_id', 'school_id', 'period_start'])
    .execute();
  await db.schema
    .createIndex('attendance_job_idx')
    .on('attendance_records')
    .column('import_job_id')
    .execute();

  await db.schema
    .createTable('behaviour_points')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('import_job_id', 'uuid', (c) => c.notNull().references('import_jobs.id'))
    // A day's points per category: MIS exports total them, and a re-import replaces them.
    .addUniqueConstraint('behaviour_pupil_day_unique', ['trust_id', 'pupil_id', 'recorded_on', 'category'])
    .execute();
  await db.schema.createIndex('behaviour_job_idx').on('behaviour_points').column('import_job_id').execute();

  await db.schema
    .createTable('staff_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    // The trust's own payroll or HR reference: staff records are not sign-in accounts.
    .addColumn('staff_ref', 'text', (c) => c.notNull())
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('teacher','teaching_assistant','leader','support')`),
    )
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('left_on', 'date')
    .addColumn('fte', 'double precision', (c) => c.notNull())
    .addColumn('import_job_id', 'uuid', (c) => c.notNull().references('import_jobs.id'))
    .addCheckConstraint('staff_dates_check', sql`left_on is null or left_on >= started_on`)
    .addCheckConstraint('staff_fte_check', sql`fte > 0 and fte <= 1`)
    .addUniqueConstraint('staff_appointment_unique', ['trust_id', 'staff_ref', 'school_id', 'started_on'])
    .execute();
  await db.schema
    .createIndex('staff_school_idx')
    .on('staff_records')
    .columns(['trust_id', 'school_id'])
    .execute();
  await db.schema.createIndex('staff_job_idx').on('staff_records').column('import_job_id').execute();

  await db.schema
    .alterTable('schools')
    .addColumn('establishment_type_code', 'text')
    .addColumn('establishment_type', 'text')
    .addColumn('opened_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('statutory_low_age', 'integer')
    .addColumn('statutory_high_age', 'integer')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schools')
    .dropColumn('establishment_type_code')
    .dropColumn('establishment_type')
    .dropColumn('opened_on')
    .dropColumn('closed_on')
    .dropColumn('statutory_low_age')
    .dropColumn('statutory_high_age')
    .execute();
  for (const t of ['staff_records', 'behaviour_points', 'attendance_records'])
    await db.schema.dropTable(t).execute();
}
