import { type Kysely, sql } from 'kysely';

/**
 * Pupils as they were: a school history (enrolments) and a characteristics history
 * (pupil_characteristics), so gaps are measured on the groups as they stood on each assessment's
 * date. `pupils` keeps the current values (and the current school) that most screens read; the new
 * characteristics are added there too, with defaults, so existing inserts keep working.
 *
 * Each pupil gets one open history row and one open enrolment from their date of birth: values
 * with no known start are taken to have held all along, so any as-at date in the pupil's life
 * resolves. Periods per pupil never overlap (enforced by the writer, which replaces a pupil's
 * periods as a whole); the database holds the parts it can say without btree_gist: one start per
 * date, at most one open period, and no period ending before it starts.
 */
const NEEDS = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH'];
const needCheck = (col: string) =>
  sql.raw(`${col} is null or ${col} in (${NEEDS.map((n) => `'${n}'`).join(', ')})`);
const bandCheck = (col: string) => sql.raw(`${col} is null or ${col} in ('low', 'middle', 'high')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('pupils')
    .addColumn('pupil_premium', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('looked_after', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('adopted_from_care', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('service_child', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sen_primary_need', 'text', (c) => c.check(needCheck('sen_primary_need')))
    .addColumn('ks2_fine_level', 'double precision')
    .addColumn('prior_attainment_band', 'text', (c) => c.check(bandCheck('prior_attainment_band')))
    .execute();
  // Pupils already held: pupil premium follows disadvantage (its main route), and the band follows
  // the KS2 scores they carry (see priorAttainmentBand in modules/pupils/characteristics.ts).
  await sql`
    update pupils set pupil_premium = disadvantaged,
      ks2_fine_level = case when ks2_reading is not null and ks2_maths is not null
                            then (ks2_reading + ks2_maths) / 2 else coalesce(ks2_reading, ks2_maths) end
  `.execute(db);
  await sql`
    update pupils set prior_attainment_band = case when ks2_fine_level is null then null
      when ks2_fine_level < 100 then 'low' when ks2_fine_level < 110 then 'middle' else 'high' end
  `.execute(db);

  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addCheckConstraint('enrolments_dates_check', sql`end_date is null or end_date >= start_date`)
    .addUniqueConstraint('enrolments_pupil_start_unique', ['pupil_id', 'start_date'])
    .execute();
  // The summaries join results to the enrolment covering each assessment date: this index answers
  // that probe without touching the table.
  await sql`create index enrolments_pupil_idx on enrolments (pupil_id, start_date) include (end_date, school_id, trust_id)`.execute(
    db,
  );
  await sql`create unique index enrolments_one_open_idx on enrolments (pupil_id) where end_date is null`.execute(
    db,
  );

  await db.schema
    .createTable('pupil_characteristics')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trust_id', 'uuid', (c) => c.notNull().references('trusts.id').onDelete('cascade'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('effective_to', 'date')
    .addColumn('disadvantaged', 'boolean', (c) => c.notNull())
    .addColumn('fsm', 'boolean', (c) => c.notNull())
    .addColumn('pupil_premium', 'boolean', (c) => c.notNull())
    .addColumn('looked_after', 'boolean', (c) => c.notNull())
    .addColumn('adopted_from_care', 'boolean', (c) => c.notNull())
    .addColumn('service_child', 'boolean', (c) => c.notNull())
    .addColumn('sen', 'text', (c) => c.notNull().check(sql`sen in ('N','K','E')`))
    .addColumn('sen_primary_need', 'text', (c) => c.check(needCheck('sen_primary_need')))
    .addColumn('eal', 'boolean', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('ks2_reading', 'double precision')
    .addColumn('ks2_maths', 'double precision')
    .addColumn('ks2_fine_level', 'double precision')
    .addColumn('prior_attainment_band', 'text', (c) => c.check(bandCheck('prior_attainment_band')))
    .addCheckConstraint(
      'pupil_characteristics_dates_check',
      sql`effective_to is null or effective_to >= effective_from`,
    )
    .addUniqueConstraint('pupil_characteristics_pupil_from_unique', ['pupil_id', 'effective_from'])
    .execute();
  // Covering the columns the summaries group by, so the as-at join reads the index alone.
  await sql`create index pupil_characteristics_asat_idx on pupil_characteristics (pupil_id, effective_from) include (effective_to, disadvantaged, sen, eal, trust_id)`.execute(
    db,
  );
  await sql`create unique index pupil_characteristics_one_open_idx on pupil_characteristics (pupil_id) where effective_to is null`.execute(
    db,
  );

  await sql`
    insert into enrolments (trust_id, pupil_id, school_id, start_date)
    select trust_id, id, school_id, date_of_birth from pupils
  `.execute(db);
  await sql`
    insert into pupil_characteristics (trust_id, pupil_id, effective_from, disadvantaged, fsm, pupil_premium,
      looked_after, adopted_from_care, service_child, sen, sen_primary_need, eal, ethnicity, ks2_reading,
      ks2_maths, ks2_fine_level, prior_attainment_band)
    select trust_id, id, date_of_birth, disadvantaged, fsm, pupil_premium, looked_after, adopted_from_care,
      service_child, sen, sen_primary_need, eal, ethnicity, ks2_reading, ks2_maths, ks2_fine_level,
      prior_attainment_band
    from pupils
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pupil_characteristics').execute();
  await db.schema.dropTable('enrolments').execute();
  for (const c of [
    'prior_attainment_band',
    'ks2_fine_level',
    'sen_primary_need',
    'service_child',
    'adopted_from_care',
    'looked_after',
    'pupil_premium',
  ])
    await db.schema.alterTable('pupils').dropColumn(c).execute();
}
