import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './database';

/**
 * Bulk loading with COPY, the fastest way into PostgreSQL: several times cheaper per row than
 * INSERT, because rows skip parsing, planning and per-statement overhead. Kysely has no COPY, and
 * each driver takes the data differently (a COPY FROM STDIN stream on `pg`, a blob on PGlite), so
 * the rows travel to the driver inside the query as a `CopyIn` parameter that both client wrappers
 * below recognise. Being an ordinary query on the transaction's connection, the COPY is part of the
 * caller's transaction: it rolls back with it.
 */
export class CopyIn {
  constructor(
    /** `table (column, ...)`, identifiers already checked. */
    readonly into: string,
    /** The rows as CSV, one line per row, ending in a newline: text, or its bytes. */
    readonly csv: string | Uint8Array<ArrayBuffer>,
  ) {}
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Appends CSV rows to `table` in the transaction `tx` (or autocommit on `db`); returns the row count. */
export async function copyRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  csv: string | Uint8Array<ArrayBuffer>,
): Promise<number> {
  if (csv.length === 0) return 0;
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  const copy = new CopyIn(`${table} (${columns.join(', ')})`, csv);
  const result = await tx.executeQuery(CompiledQuery.raw(copyStatement(copy, 'stdin'), [copy]));
  return Number(result.numAffectedRows ?? 0);
}

const copyStatement = (c: CopyIn, source: string) => `copy ${c.into} from ${source} with (format csv)`;

const copyOf = (parameters: readonly unknown[] | undefined): CopyIn | null =>
  parameters?.length === 1 && parameters[0] instanceof CopyIn ? parameters[0] : null;

type QueryResult = { rows: unknown[]; rowCount: number | null; command: string };

/** A `pg` client as Kysely's Postgres driver uses it, able to take a COPY. */
function copyingClient(client: pg.PoolClient) {
  return {
    async query(text: string, parameters: unknown[]): Promise<QueryResult> {
      const copy = copyOf(parameters);
      if (!copy) return client.query(text, parameters);
      const stream = client.query(copyFrom(copyStatement(copy, 'stdin')));
      await pipeline(Readable.from([copy.csv]), stream);
      // Reported as an INSERT so Kysely passes the row count on.
      return { rows: [], rowCount: stream.rowCount, command: 'INSERT' };
    },
    release: (destroy?: boolean) => client.release(destroy),
  };
}

/** A `pg` pool for Kysely's PostgresDialect whose clients can take a COPY. */
export function copyingPool(pool: pg.Pool): PostgresPool {
  // Kysely keeps one connection object per client it is given, so each client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        // Kysely's client type also has a cursor overload of query, used only for streamed reads,
        // which this database does not configure.
        wrapper = copyingClient(client) as unknown as PostgresPoolClient;
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** PGlite reads COPY data from a blob it exposes as the file '/dev/blob'. */
export async function pgliteCopy(
  pglite: PGlite,
  parameters: readonly unknown[],
): Promise<QueryResult | null> {
  const copy = copyOf(parameters);
  if (!copy) return null;
  const result = await pglite.query(copyStatement(copy, `'/dev/blob'`), [], { blob: blobOf(copy.csv) });
  return { rows: [], rowCount: result.affectedRows ?? 0, command: 'INSERT' };
}

/**
 * PGlite takes a COPY's data as a Blob and reads it once, through `arrayBuffer()`. A real Blob
 * costs two copies of every batch (into the Blob, then out of it again), garbage that V8 frees
 * late: a million-row import's peak memory varied by 150 MB with it. This Blob hands PGlite one
 * exact copy of the bytes instead.
 */
function blobOf(csv: string | Uint8Array<ArrayBuffer>): Blob {
  if (typeof csv === 'string') return new Blob([csv]);
  return new BytesBlob(csv.buffer.slice(csv.byteOffset, csv.byteOffset + csv.byteLength));
}

class BytesBlob extends Blob {
  constructor(private readonly contents: ArrayBuffer) {
    super();
  }
  override get size(): number {
    return this.contents.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.contents);
  }
}
