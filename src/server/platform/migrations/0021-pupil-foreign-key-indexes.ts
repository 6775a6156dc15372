import type { Kysely } from 'kysely';

// Deleting a pupil cascades to their attendance, behaviour points and intervention records. Those
// tables were indexed by trust first, so each cascaded delete scanned the whole table: deleting a
// trust of a few thousand pupils took most of a minute on PostgreSQL. An index led by pupil_id makes
// each a lookup.
const INDEXES = [
  ['attendance_pupil_idx', 'attendance_records'],
  ['behaviour_pupil_idx', 'behaviour_points'],
  ['intervention_pupils_pupil_idx', 'intervention_pupils'],
  ['intervention_attendance_pupil_idx', 'intervention_attendance'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table] of INDEXES)
    await db.schema.createIndex(name).on(table).column('pupil_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
