/**
 * Analysis benchmark (issue 6, acceptance 4). Generates a trust of 60 schools x 1,000 pupils with 5
 * years of results (4.8 million) on PostgreSQL, and 6 schools on PGlite, then times three analysis
 * service calls against hand-written SQL that answers the same question straight from the results.
 * Targets: PostgreSQL p50 < 100 ms and p95 < 250 ms; PGlite each < 300 ms. Figures in docs/benchmarks.md.
 * Usage: npm run bench:analysis [-- postgres|pglite] (both by default).
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seedAnalysisTrust } from '../src/server/modules/data/seed-analysis-trust';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { type DatabaseHandle, openDatabase } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import { postgresUrl } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PUPILS_PER_SCHOOL = 1000;

async function timed(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function run(
  label: string,
  handle: DatabaseHandle,
  schools: number,
  limit: { p50: number; p95: number },
) {
  const db = handle.db;
  await migrateToLatest(db);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const s = createServices(db, config, { send: async () => {} });
  const trust = await s.org.createTrust(`Analysis Benchmark ${Date.now()}`);
  const actor = systemActor(trust.id);
  const schoolIds: string[] = [];
  for (let i = 0; i < schools; i++)
    schoolIds.push(
      (
        await s.org.createSchool(actor, {
          urn: String(700000 + i),
          name: `Bench School ${i + 1}`,
          phase: 'secondary',
          localAuthority: 'Leeds',
        })
      ).id,
    );
  const started = performance.now();
  const counts = await seedAnalysisTrust(db, trust.id, schoolIds, PUPILS_PER_SCHOOL);
  const seeded = (performance.now() - started) / 1000;
  await sql`analyze`.execute(db);
  console.log(
    `${label}: ${schools} schools, ${counts.pupils.toLocaleString('en-GB')} pupils, ${counts.assessments} assessments, ` +
      `${counts.results.toLocaleString('en-GB')} results; generated with summaries in ${seeded.toFixed(0)} s`,
  );

  const t = trust.id;
  const school = schoolIds[0]!;
  const point = { academicYear: '2025/26', collectionPoint: 'Spring 2' };
  const trendAssessments = (
    await s.analysis.gapTrend(actor, {
      subject: 'Maths',
      yearGroup: 'Y11',
      schoolId: school,
      follow: 'cohort',
      groupBy: 'disadvantaged',
    })
  ).points.map((p) => p.assessment.id);
  const indexAssessments = (
    await db
      .selectFrom('assessments')
      .where('trust_id', '=', t)
      .where('academic_year', '=', '2025/26')
      .where('collection_point', '=', 'Summer 2')
      .where('year_group', '=', 'Y11')
      .where('subject', 'in', ['English', 'Maths'])
      .select('id')
      .execute()
  ).map((a) => a.id);

  const cases = [
    {
      name: 'Trust gaps at a point (school x subject x disadvantaged)',
      service: () => s.analysis.pointGaps(actor, { ...point, groupBy: 'disadvantaged' }),
      handSql: () =>
        sql`select p.school_id, a.subject, p.disadvantaged, count(*), avg(r.value), stddev_samp(r.value)
            from results r join assessments a on a.id = r.assessment_id join pupils p on p.id = r.pupil_id
            where r.trust_id = ${t} and a.trust_id = ${t} and a.academic_year = '2025/26'
              and a.collection_point = 'Spring 2'
            group by p.school_id, a.subject, p.disadvantaged`.execute(db),
    },
    {
      name: "A school's 5-year gap trend (Y11 maths cohort, 20 points)",
      service: () =>
        s.analysis.gapTrend(actor, {
          subject: 'Maths',
          yearGroup: 'Y11',
          schoolId: school,
          follow: 'cohort',
          groupBy: 'disadvantaged',
        }),
      handSql: () =>
        sql`select r.assessment_id, p.disadvantaged, count(*), avg(r.value), stddev_samp(r.value)
            from results r join pupils p on p.id = r.pupil_id
            where r.trust_id = ${t} and p.school_id = ${school}
              and r.assessment_id in (${sql.join(trendAssessments)})
            group by r.assessment_id, p.disadvantaged`.execute(db),
    },
    {
      name: 'Gap index for Y11 (English and maths, every school and the trust)',
      service: () =>
        s.analysis.gapIndex(actor, {
          academicYear: '2025/26',
          collectionPoint: 'Summer 2',
          yearGroup: 'Y11',
          subjects: 'English,Maths',
        }),
      // Trust-wide only, ranked in SQL: mean rank for ties, percentile = rank / N.
      handSql: () =>
        sql`with v as (
              select p.id, p.disadvantaged, avg(r.value) as v
              from results r join pupils p on p.id = r.pupil_id
              where r.trust_id = ${t} and r.assessment_id in (${sql.join(indexAssessments)})
              group by p.id, p.disadvantaged having count(*) = 2),
            k as (
              select disadvantaged,
                     (rank() over (order by v) + (count(*) over (partition by v) - 1) / 2.0)
                       / count(*) over () as pct
              from v)
            select 20 * (avg(pct) filter (where not disadvantaged) - avg(pct) filter (where disadvantaged)) as gap_index
            from k`.execute(db),
    },
  ];

  // The service and the hand-written SQL must agree before their times mean anything.
  const index = await s.analysis.gapIndex(actor, {
    academicYear: '2025/26',
    collectionPoint: 'Summer 2',
    yearGroup: 'Y11',
    subjects: 'English,Maths',
  });
  const sqlIndex = Number(((await cases[2]!.handSql()).rows[0] as { gap_index: number }).gap_index);
  const serviceIndex = index.scopes.find((x) => x.scope === 'trust')?.gapIndex ?? Number.NaN;
  if (Math.abs(serviceIndex - sqlIndex) > 1e-6)
    throw new Error(`gap index ${serviceIndex} != SQL ${sqlIndex}`);

  let ok = true;
  for (const c of cases) {
    const service = await timed(c.service);
    const hand = await timed(c.handSql);
    const pass = service.p50 < limit.p50 && service.p95 < limit.p95;
    ok &&= pass;
    console.log(
      `  ${c.name}: service p50 ${service.p50.toFixed(1)} ms, p95 ${service.p95.toFixed(1)} ms ` +
        `| hand-written SQL p50 ${hand.p50.toFixed(1)} ms, p95 ${hand.p95.toFixed(1)} ms ${pass ? 'PASS' : 'FAIL'}`,
    );
  }
  return ok;
}

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}, ${RUNS} runs after 5 warm-up`,
);
const which = process.argv[2];
let ok = true;
if (!which || which === 'postgres') {
  const handle = await openDatabase({ databaseUrl: postgresUrl() });
  try {
    ok = (await run('PostgreSQL', handle, 60, { p50: 100, p95: 250 })) && ok;
  } finally {
    await handle.close();
  }
}
if (!which || which === 'pglite') {
  const handle = await openDatabase({ dataDir: 'memory' });
  try {
    ok = (await run('PGlite', handle, 6, { p50: 300, p95: 300 })) && ok;
  } finally {
    await handle.close();
  }
}
process.exitCode = ok ? 0 : 1;
