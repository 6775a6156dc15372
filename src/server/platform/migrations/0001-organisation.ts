import { type Kysely, sql } from 'kysely';

// Migrations are append-only: once landed, change the schema with a new file, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trusts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('urn', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) =>
      c
        .notNull()
        .check(sql`phase in ('primary','secondary','all_through','special','alternative_provision')`),
    )
    .addColumn('local_authority', 'text', (c) => c.notNull())
    .addColumn('joined_trust_on', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','closed','archived')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('schools_trust_urn_unique', ['trust_id', 'urn'])
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active','archived')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('departments_school_idx').on('departments').columns(['school_id']).execute();

  await db.schema
    .createTable('year_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addUniqueConstraint('year_groups_school_code_unique', ['school_id', 'code'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('invited').check(sql`status in ('invited','active','archived')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Sign-in is by email alone, so an address may belong to one person on the whole server.
  await db.schema
    .createIndex('people_email_unique')
    .on('people')
    .expression(sql`lower(email)`)
    .unique()
    .execute();
  await db.schema.createIndex('people_trust_idx').on('people').columns(['trust_id']).execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('trust_admin','improvement_lead','trustee','school_leader','middle_leader','teacher','governor','data_manager')`,
        ),
    )
    .addColumn('school_id', 'uuid', (c) => c.references('schools.id').onDelete('cascade'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('role_scope_shape', sql`department_id is null or school_id is not null`)
    .execute();
  await db.schema
    .createIndex('role_assignments_person_idx')
    .on('role_assignments')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('password_reset','invitation')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid')
    .addColumn('actor_person_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['trust_id', 'entity_type', 'entity_id', 'at'])
    .execute();

  // The trail is append-only at the database, not just in code. Deleting a whole trust (the demo
  // reset) is the one exception, and must opt in with `set local sip.allow_trust_purge = 'on'`.
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and coalesce(current_setting('sip.allow_trust_purge', true), '') = 'on' then
        return old;
      end if;
      raise exception 'audit_events is append-only';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'api_tokens',
    'one_time_tokens',
    'sessions',
    'role_assignments',
    'people',
    'year_groups',
    'departments',
    'schools',
    'trusts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function audit_events_append_only()`.execute(db);
}
