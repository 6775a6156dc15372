import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { SchoolFields, StoredSchool } from './gias-plan';

/** The trust's schools as a GIAS import compares and updates them. */
export const giasRepository = {
  storedSchools(db: Db, trustId: string): Promise<StoredSchool[]> {
    return db
      .selectFrom('schools')
      .where('trust_id', '=', trustId)
      .select([
        'id',
        'version',
        'urn',
        'name',
        'phase',
        'local_authority',
        'joined_trust_on',
        'status',
        'establishment_type_code',
        'establishment_type',
        'opened_on',
        'closed_on',
        'statutory_low_age',
        'statutory_high_age',
      ])
      .execute();
  },

  async insertSchool(db: Db, trustId: string, urn: string, f: SchoolFields): Promise<string> {
    const r = await db
      .insertInto('schools')
      .values({ trust_id: trustId, urn, ...f })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** False when someone changed the school since it was read (its version moved on). */
  async updateSchool(
    db: Db,
    trustId: string,
    schoolId: string,
    version: number,
    f: Partial<SchoolFields>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('schools')
      .set({ ...f, version: version + 1, updated_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('id', '=', schoolId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },
};
