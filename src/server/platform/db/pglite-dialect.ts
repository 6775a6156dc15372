import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect } from 'kysely';
import { pgliteCopy } from './copy';

/**
 * Kysely has no PGlite dialect of its own, so we present PGlite as a one-connection `pg` pool
 * and reuse Kysely's Postgres driver, adapter and introspector. PGlite is single-connection, so
 * `connect()` queues callers: a transaction holds the connection until it is released.
 */
export function pgliteDialect(pglite: PGlite): PostgresDialect {
  let tail: Promise<void> = Promise.resolve();

  const client = {
    async query(sql: string, parameters: readonly unknown[]) {
      const copied = await pgliteCopy(pglite, parameters);
      if (copied) return copied;
      const result = await pglite.query<Record<string, unknown>>(sql, parameters as unknown[]);
      return {
        rows: result.rows,
        rowCount: result.affectedRows ?? result.rows.length,
        command: (result as { command?: string }).command ?? commandOf(sql),
      };
    },
  };

  const pool = {
    async connect() {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      return { ...client, release: () => release() };
    },
    async end() {
      await pglite.close();
    },
  };

  // PostgresDialect only calls connect/end on the pool and query/release on its clients.
  return new PostgresDialect({ pool: pool as never });
}

function commandOf(sql: string): string {
  return (/^\s*(\w+)/.exec(sql)?.[1] ?? 'SELECT').toUpperCase();
}
