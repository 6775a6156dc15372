import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { NewSchool } from '../../platform/db/schema';

const schoolColumns = [
  's.id',
  's.trust_id',
  's.urn',
  's.name',
  's.phase',
  's.local_authority',
  's.joined_trust_on',
  's.status',
  's.version',
] as const;

function schoolsWithCounts(db: Db, trustId: string) {
  return db
    .selectFrom('schools as s')
    .where('s.trust_id', '=', trustId)
    .select(schoolColumns)
    .select((eb) =>
      eb
        .selectFrom('departments as d')
        .whereRef('d.school_id', '=', 's.id')
        .where('d.status', '=', 'active')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('department_count'),
    );
}

export type SchoolRecord = Awaited<ReturnType<typeof orgRepository.findSchool>>;

export const orgRepository = {
  insertTrust(db: Db, name: string, isDemo = false) {
    return db
      .insertInto('trusts')
      .values({ name, is_demo: isDemo })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  listTrusts(db: Db) {
    return db.selectFrom('trusts').select(['id', 'name', 'is_demo']).orderBy('created_at').execute();
  },

  findTrust(db: Db, trustId: string) {
    return db.selectFrom('trusts').where('id', '=', trustId).selectAll().executeTakeFirst();
  },

  listSchools(db: Db, trustId: string) {
    return schoolsWithCounts(db, trustId).orderBy('s.name').execute();
  },

  findSchool(db: Db, trustId: string, schoolId: string) {
    return schoolsWithCounts(db, trustId).where('s.id', '=', schoolId).executeTakeFirst();
  },

  listYearGroups(db: Db, trustId: string, schoolId: string) {
    return db
      .selectFrom('year_groups')
      .where('trust_id', '=', trustId)
      .where('school_id', '=', schoolId)
      .select(['id', 'code', 'name'])
      .orderBy('sort_order')
      .execute();
  },

  async insertSchool(db: Db, school: NewSchool) {
    return db.insertInto('schools').values(school).returning('id').executeTakeFirstOrThrow();
  },

  async insertYearGroups(
    db: Db,
    trustId: string,
    schoolId: string,
    groups: readonly { code: string; name: string }[],
  ): Promise<void> {
    if (groups.length === 0) return;
    await db
      .insertInto('year_groups')
      .values(
        groups.map((g, i) => ({
          trust_id: trustId,
          school_id: schoolId,
          code: g.code,
          name: g.name,
          sort_order: i,
        })),
      )
      .execute();
  },

  /** Optimistic update: succeeds only if the row still has the version the editor saw. */
  async updateSchool(
    db: Db,
    trustId: string,
    schoolId: string,
    version: number,
    changes: Partial<{
      urn: string;
      name: string;
      phase: string;
      local_authority: string;
      joined_trust_on: string | null;
      status: string;
    }>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('schools')
      .set({ ...changes, version: version + 1, updated_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('id', '=', schoolId)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  urnTaken(db: Db, trustId: string, urn: string, exceptId?: string) {
    let q = db.selectFrom('schools').where('trust_id', '=', trustId).where('urn', '=', urn).select('id');
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst().then(Boolean);
  },

  listDepartments(db: Db, trustId: string, schoolId: string) {
    return db
      .selectFrom('departments')
      .where('trust_id', '=', trustId)
      .where('school_id', '=', schoolId)
      .select(['id', 'school_id', 'name', 'status', 'version'])
      .orderBy('status')
      .orderBy('name')
      .execute();
  },

  findDepartment(db: Db, trustId: string, departmentId: string) {
    return db
      .selectFrom('departments')
      .where('trust_id', '=', trustId)
      .where('id', '=', departmentId)
      .select(['id', 'school_id', 'name', 'status', 'version'])
      .executeTakeFirst();
  },

  insertDepartment(db: Db, trustId: string, schoolId: string, name: string) {
    return db
      .insertInto('departments')
      .values({ trust_id: trustId, school_id: schoolId, name })
      .returning(['id', 'school_id', 'name', 'status', 'version'])
      .executeTakeFirstOrThrow();
  },

  async updateDepartment(
    db: Db,
    trustId: string,
    departmentId: string,
    version: number,
    changes: Partial<{ name: string; status: string }>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('departments')
      .set({ ...changes, version: version + 1, updated_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('id', '=', departmentId)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  departmentNameTaken(db: Db, schoolId: string, name: string, exceptId?: string) {
    let q = db
      .selectFrom('departments')
      .where('school_id', '=', schoolId)
      .where('status', '=', 'active')
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .select('id');
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst().then(Boolean);
  },
};
