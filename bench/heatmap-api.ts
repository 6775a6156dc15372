/**
 * Heatmap API benchmark: a trust of 60 schools evaluated against a 150-statement tool, every
 * statement agreed, then GET /api/v1/rounds/:id/heatmap timed over HTTP on PostgreSQL (and PGlite).
 * Target: under 100 ms on PostgreSQL. Record the figures in docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evaluationRepository } from '../src/server/modules/evaluation/evaluation.repository';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import type { ToolDefinition } from '../src/shared/contracts/frameworks';
import { postgresUrl, signInCookie, startServerProcess } from './lib';

const SCHOOLS = 60;
const ASPECTS = 6;
const PER_ASPECT = 25;
const PASSWORD = 'benchmark password 1';

const tool: ToolDefinition = {
  key: 'bench-tool',
  name: 'Benchmark tool',
  area: 'curriculum',
  completedBy: 'school',
  aspects: Array.from({ length: ASPECTS }, (_, a) => ({
    title: `Aspect ${a + 1}`,
    statements: Array.from({ length: PER_ASPECT }, (_, s) => ({
      code: `B.${a + 1}.${s + 1}`,
      text: `Statement ${a + 1}.${s + 1} about practice`,
    })),
  })),
};

/** Builds the trust through the services, so the data is exactly what the platform itself would write. */
async function seed(env: {
  DATABASE_URL: string;
  DATA_DIR: string;
}): Promise<{ email: string; roundId: string }> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const s = createServices(handle.db, config, { send: async () => {} });
    const trust = await s.org.createTrust(`Benchmark Trust ${Date.now()}`);
    const actor = systemActor(trust.id);
    const email = `bench.${Date.now()}@bench.example`;
    const admin = await s.people.invite(
      actor,
      { name: 'Bench Admin', email, jobTitle: '' },
      { sendInvitation: false },
    );
    await s.people.assignRole(actor, admin.id, { role: 'trust_admin' });
    await s.auth.setPassword(actor, admin.id, PASSWORD);
    const schools = [];
    for (let i = 0; i < SCHOOLS; i++) {
      schools.push(
        await s.org.createSchool(actor, {
          urn: String(700000 + i),
          name: `School ${String(i + 1).padStart(2, '0')}`,
          phase: i % 5 === 0 ? 'secondary' : 'primary',
          localAuthority: 'Leeds',
        }),
      );
    }
    const saved = await s.frameworks.save(actor, tool);
    const round = await s.evaluation.createRound(actor, {
      name: 'Benchmark round',
      cycle: 'termly',
      opensOn: '2026-09-01',
      closesOn: '2026-12-18',
      toolVersionIds: [saved.versionId],
      schools: schools.map((x) => ({ schoolId: x.id })),
    });
    const responses = await evaluationRepository.listResponses(
      handle.db,
      trust.id,
      round.subjects.map((x) => x.id),
    );
    for (const [i, r] of responses.entries()) {
      const v = 1 + ((i * 7919) % 4);
      await evaluationRepository.updateResponse(
        handle.db,
        trust.id,
        r.id,
        r.version,
        { self_value: v, agreed_value: v },
        null,
      );
    }
    return { email, roundId: round.id };
  } finally {
    await handle.close();
  }
}

async function measure(
  label: string,
  env: { DATABASE_URL: string; DATA_DIR: string },
  port: number,
): Promise<void> {
  const t0 = Date.now();
  const { email, roundId } = await seed(env);
  const seeded = ((Date.now() - t0) / 1000).toFixed(0);
  const server = await startServerProcess(env, port);
  try {
    const cookie = await signInCookie(server.url, email, PASSWORD);
    const url = `${server.url}/api/v1/rounds/${roundId}/heatmap`;
    const body = (await (await fetch(url, { headers: { cookie } })).json()) as {
      rows: unknown[];
      columns: unknown[];
    };
    await autocannon({ url, connections: 1, amount: 20, headers: { cookie } });
    const one = await autocannon({ url, connections: 1, amount: 100, headers: { cookie } });
    const ten = await autocannon({ url, connections: 10, duration: 10, headers: { cookie } });
    console.log(
      `${label.padEnd(11)} heatmap ${body.rows.length} x ${body.columns.length} (seeded in ${seeded}s): ` +
        `1 client p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms; ` +
        `10 clients ${Math.round(ten.requests.average)} req/s, p50 ${ten.latency.p50} ms, p99 ${ten.latency.p99} ms, errors ${ten.errors + ten.non2xx}`,
    );
  } finally {
    await server.stop();
  }
}

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
);
const dataDir = mkdtempSync(join(tmpdir(), 'sip-heatmap-'));
try {
  await measure('PostgreSQL', { DATABASE_URL: postgresUrl(), DATA_DIR: dataDir }, 3291);
  if (!process.env.BENCH_SKIP_PGLITE) await measure('PGlite', { DATABASE_URL: '', DATA_DIR: dataDir }, 3292);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
