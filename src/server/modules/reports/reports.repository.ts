import type { Db } from '../../platform/db/database';

export const reportsRepository = {
  /** The published school-level rows (performance tables) for the given URNs, oldest year first. */
  publishedForSchools(db: Db, trustId: string, urns: readonly string[]) {
    if (!urns.length) return Promise.resolve([]);
    return db
      .selectFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('record_level', 'in', ['school', 'special_school'])
      .where('urn', 'in', urns)
      .select(['dataset', 'year', 'la_code', 'urn', 'school_name', 'measures', 'missing'])
      .orderBy('year')
      .orderBy('urn')
      .execute();
  },
};
