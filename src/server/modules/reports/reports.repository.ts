import type { Db } from '../../platform/db/database';

export const reportsRepository = {
  /** The published KS4 school-level rows (performance tables) for the given URNs, oldest year first. */
  publishedForSchools(db: Db, trustId: string, urns: readonly string[]) {
    if (!urns.length) return Promise.resolve([]);
    return db
      .selectFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('dataset', '=', 'ks4')
      .where('record_level', 'in', ['school', 'special_school'])
      .where('urn', 'in', urns)
      .select(['dataset', 'year', 'la_code', 'urn', 'school_name', 'measures', 'missing'])
      .orderBy('year')
      .orderBy('urn')
      .execute();
  },

  /** The published KS4 local-authority and England (state-funded) rows to compare schools with. */
  publishedBenchmarks(db: Db, trustId: string, laCodes: readonly string[]) {
    return db
      .selectFrom('published_outcomes')
      .where('trust_id', '=', trustId)
      .where('dataset', '=', 'ks4')
      .where((eb) =>
        eb.or([
          eb('record_level', '=', 'national_state_funded'),
          ...(laCodes.length
            ? [eb.and([eb('record_level', '=', 'local_authority'), eb('la_code', 'in', laCodes)])]
            : []),
        ]),
      )
      .select(['dataset', 'year', 'record_level', 'la_code', 'measures'])
      .orderBy('year')
      .execute();
  },
};
