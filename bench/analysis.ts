/**
 * Analysis benchmark (issue 6, acceptance 4). Generates a trust of 60 schools x 1,000 pupils with 5
 * years of results (4.8 million) on PostgreSQL, and 6 schools on PGlite, then times three analysis
 * service calls against the hand-written SQL GROUP BY that answers the same question.
 * Targets: PostgreSQL p50 < 100 ms and p95 < 250 ms; PGlite each < 300 ms. Figures in docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { seedAnalysisTrust } from '../src/server/modules/data/seed-analysis-trust';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { type DatabaseHandle, openDatabase } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import { postgresUrl } from './lib';

async function setUp(handle: DatabaseHandle, schools: number, config: ReturnType<typeof loadConfig>) {
  await migrateToLatest(handle.db);
  const s = createServices(handle.db, config, { send: async () => {} });
  const trust = await s.org.createTrust(`Analysis Benchmark ${Date.now()}`);
  const actor = systemActor(trust.id);
  const ids: string[] = [];
  for (let i = 0; i < schools; i++) {
    const school = await s.org.createSchool(actor, {
      urn: String(700000 + i),
      name: `Bench School ${i + 1}`,
      phase: 'secondary',
      localAuthority: 'Leeds',
    });
    ids.push(school.id);
  }
  const started = Date.now();
  const counts = await seedAnalysisTrust(handle.db, trust.id, ids, 1000);
  console.log(`generated ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await sql`analyze`.execute(handle.db);
  return { s, actor, trustId: trust.id, schoolIds: ids };
}

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
);
const target = process.argv[2] ?? 'postgres';
const databaseUrl = target === 'postgres' ? postgresUrl() : undefined;
const config = loadConfig({ DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'silent' });
const handle = await openDatabase({ databaseUrl });
try {
  const env = await setUp(handle, target === 'postgres' ? 60 : 6, config);
  console.log(JSON.stringify({ trustId: env.trustId, databaseUrl }));
} finally {
  await handle.close();
}
