import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export type AssignmentRow = {
  id: string;
  person_id: string;
  role: string;
  school_id: string | null;
  school_name: string | null;
  department_id: string | null;
  department_name: string | null;
};

const personColumns = ['id', 'trust_id', 'email', 'name', 'job_title', 'status', 'version'] as const;

export const peopleRepository = {
  listPeople(db: Db, trustId: string, schoolId?: string) {
    let q = db.selectFrom('people').where('trust_id', '=', trustId).select(personColumns);
    if (schoolId) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments as ra')
            .whereRef('ra.person_id', '=', 'people.id')
            .where('ra.school_id', '=', schoolId)
            .select('ra.id'),
        ),
      );
    }
    return q.orderBy('status').orderBy('name').execute();
  },

  findPerson(db: Db, trustId: string, personId: string) {
    return db
      .selectFrom('people')
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .select(personColumns)
      .executeTakeFirst();
  },

  /** Sign-in looks a person up across trusts: an email address is unique on the server. */
  findByEmail(db: Db, email: string) {
    return db
      .selectFrom('people')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .select([...personColumns, 'password_hash'])
      .executeTakeFirst();
  },

  emailTaken(db: Db, email: string) {
    return db
      .selectFrom('people')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .select('id')
      .executeTakeFirst()
      .then(Boolean);
  },

  insertPerson(
    db: Db,
    p: { trustId: string; email: string; name: string; jobTitle: string; passwordHash?: string | null },
  ) {
    return db
      .insertInto('people')
      .values({
        trust_id: p.trustId,
        email: p.email,
        name: p.name,
        job_title: p.jobTitle,
        password_hash: p.passwordHash ?? null,
        status: p.passwordHash ? 'active' : 'invited',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  async updatePerson(
    db: Db,
    trustId: string,
    personId: string,
    version: number,
    changes: Partial<{ name: string; job_title: string; status: string }>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('people')
      .set({ ...changes, version: version + 1, updated_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async setPassword(db: Db, personId: string, passwordHash: string): Promise<void> {
    await db
      .updateTable('people')
      .set({ password_hash: passwordHash, status: 'active', updated_at: sql<Date>`now()` })
      .where('id', '=', personId)
      .where('status', '!=', 'archived')
      .execute();
  },

  listAssignments(db: Db, trustId: string, personIds: readonly string[]): Promise<AssignmentRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('role_assignments as ra')
      .leftJoin('schools as s', 's.id', 'ra.school_id')
      .leftJoin('departments as d', 'd.id', 'ra.department_id')
      .where('ra.trust_id', '=', trustId)
      .where('ra.person_id', 'in', personIds)
      .select([
        'ra.id',
        'ra.person_id',
        'ra.role',
        'ra.school_id',
        's.name as school_name',
        'ra.department_id',
        'd.name as department_name',
      ])
      .orderBy('ra.created_at')
      .execute();
  },

  findAssignment(db: Db, trustId: string, assignmentId: string) {
    return db
      .selectFrom('role_assignments')
      .where('trust_id', '=', trustId)
      .where('id', '=', assignmentId)
      .selectAll()
      .executeTakeFirst();
  },

  assignmentExists(
    db: Db,
    a: { personId: string; role: string; schoolId: string | null; departmentId: string | null },
  ) {
    return db
      .selectFrom('role_assignments')
      .where('person_id', '=', a.personId)
      .where('role', '=', a.role)
      .where((eb) => (a.schoolId ? eb('school_id', '=', a.schoolId) : eb('school_id', 'is', null)))
      .where((eb) =>
        a.departmentId ? eb('department_id', '=', a.departmentId) : eb('department_id', 'is', null),
      )
      .select('id')
      .executeTakeFirst()
      .then(Boolean);
  },

  insertAssignment(
    db: Db,
    a: {
      trustId: string;
      personId: string;
      role: string;
      schoolId: string | null;
      departmentId: string | null;
    },
  ) {
    return db
      .insertInto('role_assignments')
      .values({
        trust_id: a.trustId,
        person_id: a.personId,
        role: a.role,
        school_id: a.schoolId,
        department_id: a.departmentId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  countActiveTrustAdmins(db: Db, trustId: string) {
    return db
      .selectFrom('role_assignments as ra')
      .innerJoin('people as p', 'p.id', 'ra.person_id')
      .where('ra.trust_id', '=', trustId)
      .where('ra.role', '=', 'trust_admin')
      .where('p.status', '!=', 'archived')
      .select(sql<number>`count(distinct p.id)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  },

  async deleteAssignment(db: Db, trustId: string, assignmentId: string): Promise<void> {
    await db
      .deleteFrom('role_assignments')
      .where('trust_id', '=', trustId)
      .where('id', '=', assignmentId)
      .execute();
  },
};
