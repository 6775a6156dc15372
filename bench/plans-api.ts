/**
 * Trust plan view benchmark: 60 schools x 10 priorities x 5 impact checks, then
 * GET /api/v1/plans/overview over HTTP on PostgreSQL. Target: under 100 ms. Figures in docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { planningRepository } from '../src/server/modules/planning/planning.repository';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import { postgresUrl, signInCookie, startServerProcess } from './lib';

const SCHOOLS = 60;
const PRIORITIES = 10;
const CHECKS = 5;
const PASSWORD = 'benchmark password 1';

async function seed(databaseUrl: string): Promise<string> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const handle = await openDatabase({ databaseUrl });
  try {
    await migrateToLatest(handle.db);
    const s = createServices(handle.db, config, { send: async () => {} });
    const trust = await s.org.createTrust(`Plans Benchmark ${Date.now()}`);
    const actor = systemActor(trust.id);
    const email = `plans.${Date.now()}@bench.example`;
    const admin = await s.people.invite(
      actor,
      { name: 'Bench Admin', email, jobTitle: '' },
      { sendInvitation: false },
    );
    await s.people.assignRole(actor, admin.id, { role: 'trust_admin' });
    await s.auth.setPassword(actor, admin.id, PASSWORD);
    for (let i = 0; i < SCHOOLS; i++) {
      const school = await s.org.createSchool(actor, {
        urn: String(800000 + i),
        name: `School ${i + 1}`,
        phase: 'primary',
        localAuthority: 'York',
      });
      const plan = await s.planning.createPlan(actor, {
        title: `Plan ${i + 1}`,
        schoolId: school.id,
        periodStart: '2026-09-01',
        periodEnd: '2027-08-31',
        reviewEveryWeeks: 6,
      });
      for (let p = 0; p < PRIORITIES; p++) {
        // Straight to the repository: the services' full re-read after each write would dominate seeding.
        const { id } = await planningRepository.insertPriority(handle.db, {
          trustId: trust.id,
          planId: plan.id,
          title: `Priority ${p + 1}`,
          rationale: '',
          statementIds: [],
          tags: [],
          ownerPersonId: null,
          sourceResponseId: null,
        });
        for (let c = 0; c < CHECKS; c++) {
          await planningRepository.insertCheck(handle.db, {
            trustId: trust.id,
            priorityId: id,
            dueOn: ['2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15', '2027-01-15'][c] ?? '2027-02-15',
            method: 'survey',
            outcomeIds: [],
            ownerPersonId: null,
          });
        }
      }
    }
    return email;
  } finally {
    await handle.close();
  }
}

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
);
const databaseUrl = postgresUrl();
const email = await seed(databaseUrl);
const server = await startServerProcess({ DATABASE_URL: databaseUrl }, 3293);
try {
  const cookie = await signInCookie(server.url, email, PASSWORD);
  const url = `${server.url}/api/v1/plans/overview`;
  const body = (await (await fetch(url, { headers: { cookie } })).json()) as {
    plans: { priorities: number; overdueChecks: number }[];
  };
  await autocannon({ url, connections: 1, amount: 20, headers: { cookie } });
  const one = await autocannon({ url, connections: 1, amount: 100, headers: { cookie } });
  const ten = await autocannon({ url, connections: 10, duration: 10, headers: { cookie } });
  const priorities = body.plans.reduce((n, p) => n + p.priorities, 0);
  const overdue = body.plans.reduce((n, p) => n + p.overdueChecks, 0);
  console.log(
    `PostgreSQL  plans overview (${body.plans.length} plans, ${priorities} priorities, ${overdue} overdue checks): ` +
      `1 client p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms; 10 clients ${Math.round(ten.requests.average)} req/s, p99 ${ten.latency.p99} ms`,
  );
} finally {
  await server.stop();
}
