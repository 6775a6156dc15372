import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export const demoRepository = {
  countTrusts(db: Db) {
    return db
      .selectFrom('trusts')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n);
  },

  findDemoTrust(db: Db) {
    return db.selectFrom('trusts').where('is_demo', '=', true).select(['id', 'name']).executeTakeFirst();
  },

  /** Removes demo trusts and everything they own; the audit trigger allows it only with this setting. */
  async deleteDemoTrusts(db: Db): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await sql`set local sip.allow_trust_purge = 'on'`.execute(trx);
      await trx.deleteFrom('trusts').where('is_demo', '=', true).execute();
    });
  },
};
