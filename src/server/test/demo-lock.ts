import pg from 'pg';

/**
 * The demo trust is one per server (its staff emails are unique), and on PostgreSQL every test
 * worker shares one database, so test files that reset the demo trust would delete each other's.
 * Each such file holds this lock from its first reset until it ends; on PGlite each worker has its
 * own database and there is nothing to share.
 */
export async function holdDemoTrust(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) return async () => undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('select pg_advisory_lock(7070001)');
  return async () => {
    await client.query('select pg_advisory_unlock(7070001)');
    await client.end();
  };
}
