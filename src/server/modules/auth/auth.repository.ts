import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database';

/** The person behind a credential, with their role assignments, in one round trip. */
function actorQuery(db: Db) {
  return db
    .selectFrom('people as p')
    .where('p.status', '=', 'active')
    .select(['p.id', 'p.trust_id', 'p.name'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('role_assignments as ra')
          .whereRef('ra.person_id', '=', 'p.id')
          .select(['ra.id', 'ra.role', 'ra.school_id', 'ra.department_id']),
      ).as('assignments'),
    );
}

export const authRepository = {
  async insertSession(
    db: Db,
    s: { tokenHash: string; personId: string; trustId: string; csrfToken: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        token_hash: s.tokenHash,
        person_id: s.personId,
        trust_id: s.trustId,
        csrf_token: s.csrfToken,
        expires_at: s.expiresAt,
      })
      .execute();
  },

  findSessionActor(db: Db, tokenHash: string) {
    return actorQuery(db)
      .innerJoin('sessions as s', 's.person_id', 'p.id')
      .where('s.token_hash', '=', tokenHash)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .select('s.csrf_token')
      .executeTakeFirst();
  },

  findApiTokenActor(db: Db, tokenHash: string) {
    return actorQuery(db)
      .innerJoin('api_tokens as t', 't.person_id', 'p.id')
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
      .select('t.id as token_id')
      .executeTakeFirst();
  },

  async touchApiToken(db: Db, tokenId: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: sql<Date>`now()` })
      .where('id', '=', tokenId)
      .execute();
  },

  async revokeSession(db: Db, tokenHash: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: sql<Date>`now()` })
      .where('token_hash', '=', tokenHash)
      .execute();
  },

  async revokeSessionsOf(db: Db, personId: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: sql<Date>`now()` })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async insertOneTimeToken(
    db: Db,
    t: {
      tokenHash: string;
      trustId: string;
      personId: string;
      purpose: 'password_reset' | 'invitation';
      expiresAt: Date;
    },
  ): Promise<void> {
    await db
      .insertInto('one_time_tokens')
      .values({
        token_hash: t.tokenHash,
        trust_id: t.trustId,
        person_id: t.personId,
        purpose: t.purpose,
        expires_at: t.expiresAt,
      })
      .execute();
  },

  /** Marks the token used and returns its owner, atomically, so a link works exactly once. */
  consumeOneTimeToken(db: Db, tokenHash: string) {
    return db
      .updateTable('one_time_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['person_id', 'trust_id', 'purpose'])
      .executeTakeFirst();
  },

  insertApiToken(
    db: Db,
    t: { trustId: string; personId: string; name: string; tokenHash: string; expiresAt: Date | null },
  ) {
    return db
      .insertInto('api_tokens')
      .values({
        trust_id: t.trustId,
        person_id: t.personId,
        name: t.name,
        token_hash: t.tokenHash,
        expires_at: t.expiresAt,
      })
      .returning(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
  },

  listApiTokens(db: Db, trustId: string, personId: string) {
    return db
      .selectFrom('api_tokens')
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
      .orderBy('created_at', 'desc')
      .execute();
  },

  async revokeApiToken(db: Db, trustId: string, personId: string, tokenId: string): Promise<boolean> {
    const r = await db
      .updateTable('api_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },
};
