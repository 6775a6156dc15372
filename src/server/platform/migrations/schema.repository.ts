import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * A description of the schema the migrations built, from the catalogue, in a form that must come
 * out identical on PGlite and on a PostgreSQL server.
 */
export async function describeSchema(db: Db) {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = current_schema()
    order by table_name, column_name`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname`.execute(
    db,
  );
  const constraints = await sql<{ conname: string; def: string }>`
    select c.conname, pg_get_constraintdef(c.oid) as def
    -- PostgreSQL 18 also lists NOT NULL as constraints (contype 'n'); nullability is compared via columns.
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and c.contype <> 'n' order by c.conname`.execute(db);
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
}
