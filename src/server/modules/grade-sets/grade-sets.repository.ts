import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { GradeScaleJson } from '../../platform/db/schema';

const columns = ['id', 'key', 'name', 'scale', 'non_results', 'version'] as const;

export const gradeSetsRepository = {
  list(db: Db, trustId: string) {
    return db
      .selectFrom('grade_sets')
      .where('trust_id', '=', trustId)
      .select(columns)
      .orderBy('name')
      .execute();
  },

  find(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('grade_sets')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(columns)
      .executeTakeFirst();
  },

  findByKey(db: Db, trustId: string, key: string) {
    return db
      .selectFrom('grade_sets')
      .where('trust_id', '=', trustId)
      .where('key', '=', key)
      .select('id')
      .executeTakeFirst();
  },

  insert(
    db: Db,
    trustId: string,
    s: { key: string; name: string; scale: GradeScaleJson; nonResults: string[] },
  ) {
    return db
      .insertInto('grade_sets')
      .values({
        trust_id: trustId,
        key: s.key,
        name: s.name,
        scale: JSON.stringify(s.scale),
        non_results: JSON.stringify(s.nonResults),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Optimistic update: no row when someone else changed the set first. */
  update(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    s: { name: string; scale: GradeScaleJson; nonResults: string[] },
  ) {
    return db
      .updateTable('grade_sets')
      .set({
        name: s.name,
        scale: JSON.stringify(s.scale),
        non_results: JSON.stringify(s.nonResults),
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },

  /** The grade-set keys that imported results of the trust refer to (through their assessments). */
  async keysInUse(db: Db, trustId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('assessments as a')
      .where('a.trust_id', '=', trustId)
      .where((eb) =>
        eb.exists(
          eb.selectFrom('results as r').whereRef('r.assessment_id', '=', 'a.id').select(sql`1`.as('one')),
        ),
      )
      .select('a.grade_set')
      .distinct()
      .execute();
    return new Set(rows.map((r) => r.grade_set));
  },
};
