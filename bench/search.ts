/**
 * Case-study search benchmark: 1,000 generated case studies for one trust on PostgreSQL, then many
 * varied full-text searches (some with filters) through the library service, as the route calls it.
 * Target: under 50 ms. Figures in docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { rng } from '../src/server/modules/data/synthetic';
import { libraryRepository } from '../src/server/modules/library/library.repository';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import { postgresUrl } from './lib';

const CASE_STUDIES = 1000;
const QUERIES = 400;

const topics = [
  ['reading fluency', 'paired reading', 'reading ages', 'fluency'],
  ['phonics', 'decoding', 'catch-up groups', 'phonics screening'],
  ['attendance', 'persistent absence', 'punctuality', 'family liaison'],
  ['behaviour', 'routines', 'exclusions', 'restorative conversations'],
  ['maths mastery', 'number sense', 'times tables', 'manipulatives'],
  ['vocabulary', 'tier two words', 'academic language', 'word consciousness'],
  ['oracy', 'structured talk', 'discussion', 'spoken language'],
  ['SEND inclusion', 'adaptive teaching', 'SENCo', 'support plans'],
  ['feedback', 'whole-class feedback', 'marking workload', 'responses to feedback'],
  ['retrieval practice', 'low-stakes quizzes', 'spacing', 'knowledge organisers'],
  ['metacognition', 'self-regulation', 'planning and monitoring', 'worked examples'],
  ['staff retention', 'early career teachers', 'workload', 'coaching'],
  ['curriculum sequencing', 'subject leadership', 'long-term plans', 'disciplinary knowledge'],
  ['tutoring', 'small group tuition', 'school-led tutoring', 'tutor training'],
  ['parental engagement', 'reading at home', 'parents evenings', 'home learning'],
  ['disadvantaged pupils', 'pupil premium', 'gap', 'aspiration'],
];
const verbs = ['introduced', 'trained staff in', 'piloted', 'scaled up', 'stopped', 'refined', 'monitored'];
const places = [
  'in Year 1',
  'across Key Stage 2',
  'in Year 7',
  'in Year 9',
  'across the trust',
  'in the sixth form',
];
const regions = ['Kirklees', 'Calderdale', 'Leeds', 'Wakefield', 'Bradford', 'York', 'Sheffield'];
const phases = ['primary', 'secondary', 'all_through', 'special'];
const components = [
  'cst.goals.evidence',
  'cst.capability.expertise',
  'cst.implement.process',
  'ofsted.curriculum-teaching',
];
const kinds = ['attainment', 'ks2_progress', 'progress8', 'attendance', 'staff_retention', 'ofsted'] as const;

async function seed(databaseUrl: string) {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const handle = await openDatabase({ databaseUrl });
  await migrateToLatest(handle.db);
  const s = createServices(handle.db, config, { send: async () => {} });
  const trust = await s.org.createTrust(`Search Benchmark ${Date.now()}`);
  const random = rng(20261125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = (topic: string[]) =>
    `We ${pick(verbs)} ${pick(topic)} ${pick(places)} because ${pick(topic)} was weak and ${pick(pick(topics))} got in the way.`;
  const started = performance.now();
  for (let i = 0; i < CASE_STUDIES; i++) {
    const topic = pick(topics);
    const other = pick(topics);
    const paragraph = (n: number) =>
      Array.from({ length: n }, () => sentence(random() < 0.7 ? topic : other)).join(' ');
    await libraryRepository.insert(handle.db, {
      trustId: trust.id,
      schoolId: null,
      sourcePriorityId: null,
      createdBy: null,
      status: random() < 0.85 ? 'published' : 'draft',
      title: `${topic[0]![0]!.toUpperCase()}${topic[0]!.slice(1)}: ${pick(topic)} ${pick(places)}`,
      schoolCount: 1 + Math.floor(random() * 8),
      region: pick(regions),
      phase: pick(phases),
      demographics: {
        pupils: 200 + Math.floor(random() * 1200),
        disadvantagedPercent: 10 + Math.floor(random() * 50),
        senPercent: null,
        ealPercent: null,
      },
      problem: paragraph(5),
      approach: paragraph(8),
      eefPhases: [],
      impact: [
        {
          kind: pick(kinds),
          measure: pick(topic),
          group: 'All pupils',
          unit: '%',
          before: String(40 + Math.floor(random() * 20)),
          beforeOn: null,
          after: String(55 + Math.floor(random() * 25)),
          afterOn: null,
          target: null,
          source: 'School records',
        },
      ],
      lessons: paragraph(4),
      doDifferently: paragraph(2),
      contacts: [],
      componentCodes: [pick(components)],
      statementIds: [],
      visibility: 'trust',
    });
  }
  console.log(`Seeded ${CASE_STUDIES} case studies in ${Math.round(performance.now() - started)} ms`);
  return { s, handle, trustId: trust.id, pick };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
);
const { s, handle, trustId, pick } = await seed(postgresUrl());
try {
  await sql`analyze case_studies`.execute(handle.db);
  const actor = systemActor(trustId);
  const words = topics.flat();
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const q =
      i % 3 === 0
        ? `${pick(words)} ${pick(words)}`
        : i % 3 === 1
          ? pick(words)
          : `"${pick(words)}" -${pick(words).split(' ')[0]}`;
    const filters =
      i % 4 === 0
        ? { component: pick(components) }
        : i % 4 === 1
          ? { region: pick(regions), phase: pick(phases) }
          : i % 4 === 2
            ? { measure: pick(kinds) }
            : {};
    return { q, ...filters, limit: 20 };
  });
  for (const q of queries.slice(0, 40)) await s.library.search(actor, q);
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const res = await s.library.search(actor, q);
    times.push(performance.now() - t0);
    hits += res.results.length;
  }
  const f = (n: number) => n.toFixed(1);
  console.log(
    `PostgreSQL  case-study search (${CASE_STUDIES} case studies, ${QUERIES} varied queries, ${(hits / QUERIES).toFixed(1)} results each on average, ranked with snippets): ` +
      `p50 ${f(percentile(times, 50))} ms, p95 ${f(percentile(times, 95))} ms, max ${f(Math.max(...times))} ms (target < 50 ms)`,
  );
} finally {
  await handle.close();
}
