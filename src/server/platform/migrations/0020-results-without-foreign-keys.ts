import { type Kysely, sql } from 'kysely';

/**
 * Results are written a million at a time by COPY, and their two foreign keys made PostgreSQL check
 * every row against pupils and assessments: measured on a million rows, COPY took 8.9 s with them
 * and 3.4 s without. Every writer of results resolves both ids from the same transaction (the import
 * reads the trust's pupils and creates its assessments first), so the checks bought nothing there.
 * What the keys also did, deleting a pupil's or an assessment's results with it, is kept by
 * statement-level triggers that delete them in one join per statement (a trust's deletion included,
 * since its cascade deletes pupils and assessments by statement too), where the key's cascade ran
 * one delete per pupil.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table results drop constraint results_pupil_id_fkey`.execute(db);
  await sql`alter table results drop constraint results_assessment_id_fkey`.execute(db);
  await sql`
    create function results_follow_deleted_pupils() returns trigger language plpgsql as $$
    begin
      delete from results r using deleted_pupils d where r.pupil_id = d.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger results_follow_deleted_pupils after delete on pupils
      referencing old table as deleted_pupils
      for each statement execute function results_follow_deleted_pupils()`.execute(db);
  await sql`
    create function results_follow_deleted_assessments() returns trigger language plpgsql as $$
    begin
      delete from results r using deleted_assessments d where r.assessment_id = d.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger results_follow_deleted_assessments after delete on assessments
      referencing old table as deleted_assessments
      for each statement execute function results_follow_deleted_assessments()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger results_follow_deleted_assessments on assessments`.execute(db);
  await sql`drop function results_follow_deleted_assessments()`.execute(db);
  await sql`drop trigger results_follow_deleted_pupils on pupils`.execute(db);
  await sql`drop function results_follow_deleted_pupils()`.execute(db);
  await sql`delete from results r where not exists (select 1 from pupils p where p.id = r.pupil_id)
    or not exists (select 1 from assessments a where a.id = r.assessment_id)`.execute(db);
  await sql`alter table results add constraint results_pupil_id_fkey
    foreign key (pupil_id) references pupils (id) on delete cascade`.execute(db);
  await sql`alter table results add constraint results_assessment_id_fkey
    foreign key (assessment_id) references assessments (id) on delete cascade`.execute(db);
}
