import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../config';
import { copyingPool } from './copy';
import { ensurePgliteCluster } from './pglite-cluster';
import { pgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgres';
export type DatabaseHandle = { db: Db; kind: DatabaseKind; close: () => Promise<void> };

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Both drivers must hand back the same JS values: dates stay 'YYYY-MM-DD' strings (a JS Date would
// shift them across time zones), and counts/numerics come back as numbers.
const identity = (v: string) => v;
pg.types.setTypeParser(DATE_OID, identity);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in `dataDir` (or memory). */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | 'memory';
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end();
      throw new ConfigError(
        `Could not connect to the PostgreSQL server in DATABASE_URL: ${(err as Error).message}.`,
      );
    }
    // The pool's clients also take bulk COPYs (copy.ts).
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await openPglite(opts.dataDir ?? 'memory');
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * The embedded database runs inside this process, so its memory is the server's. PostgreSQL's
 * default 128 MB of shared buffers is sized for a server of its own: in PGlite every page of it
 * that is touched stays resident, and a million-row import peaked at 682 MB against 455 MB with
 * 32 MB (docs/benchmarks.md), at the same speed, because the operating system's file cache still
 * holds the data files.
 */
const PGLITE_SETTINGS = ['shared_buffers=32MB'];

/** PGlite in `dir` (created if new) or in memory, returning the driver's values as `pg` does. */
export async function openPglite(dir: string | 'memory'): Promise<PGlite> {
  if (dir !== 'memory') await ensurePgliteCluster(`${dir}/pglite`);
  return PGlite.create(dir === 'memory' ? undefined : `${dir}/pglite`, {
    parsers: { [DATE_OID]: identity, [NUMERIC_OID]: (v: string) => Number(v) },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
  });
}
