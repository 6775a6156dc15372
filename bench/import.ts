/**
 * Results import throughput: 1,000,000 result lines from a CSV file, end to end (stream, parse,
 * validate, stage, check references, write) through the same service the API and CLI use, on
 * PostgreSQL and on embedded PGlite. Beside it, the ceiling: a raw COPY of the same resolved rows
 * into the same table of the same database, in the same run. Peak memory is the kernel's
 * high-water mark of the process that runs the import, one database per process as a server runs
 * (for PGlite that includes the database itself, which runs in-process).
 *
 *   npm run bench:import                 both databases (PostgreSQL via DATABASE_URL or .ci/pg-setup.sh)
 *   npm run bench:import -- --pglite     PGlite only
 *   LINES=200000 npm run bench:import    a smaller file
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { upnCheckLetter } from '../src/server/modules/data/upn';
import { systemActor } from '../src/server/platform/auth/actor';
import { loadConfig } from '../src/server/platform/config';
import { type Db, openDatabase, openPglite } from '../src/server/platform/db/database';
import { pgliteDialect } from '../src/server/platform/db/pglite-dialect';
import type { Database } from '../src/server/platform/db/schema';
import { migrateToLatest } from '../src/server/platform/migrations/migrator';
import { createServices } from '../src/server/services';
import { postgresUrl } from './lib';

const LINES = Number(process.env.LINES ?? 1_000_000);
const ASSESSMENTS = 50;
const PUPILS = Math.ceil(LINES / ASSESSMENTS);
/** An HTTP upload reaches the service in chunks of about 64 KB; the file is read the same way. */
const CHUNK = Number(process.env.CHUNK ?? 64 * 1024);
const dir = mkdtempSync(join(tmpdir(), 'sip-bench-import-'));

const upnOf = (i: number) => {
  const rest = `380${String(1000 + Math.floor(i / 1000)).padStart(4, '0')}13${String(i % 1000).padStart(3, '0')}`;
  return `${upnCheckLetter(rest)}${rest}`;
};

/**
 * The file a data manager would send: every pupil's result in each of 50 assessments. Written in
 * pieces so that making it does not inflate this process's memory before the import is measured.
 */
function writeFile(path: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (text: string) => {
    bytes += text.length;
    writeSync(fd, text);
  };
  put('upn,assessment,subject,year_group,academic_year,collection_point,grade_set,date,result\n');
  for (let a = 0; a < ASSESSMENTS; a++) {
    const lines: string[] = [];
    for (let p = 0; p < PUPILS && a * PUPILS + p < LINES; p++)
      lines.push(
        `${upnOf(p)},Unit test ${a + 1},Maths,Y9,2025/26,Autumn ${1 + (a % 2)},gcse,2025-11-0${1 + (a % 9)},${(p + a) % 10}\n`,
      );
    put(lines.join(''));
  }
  closeSync(fd);
  return bytes;
}

async function setUpTrust(db: Db): Promise<string> {
  const trust = await sql<{
    id: string;
  }>`insert into trusts (name) values ('Bench Import Trust') returning id`.execute(db);
  const trustId = trust.rows[0]!.id;
  const school = await sql<{
    id: string;
  }>`insert into schools (trust_id, urn, name, phase, local_authority, joined_trust_on)
    values (${trustId}, '199999', 'Bench School', 'secondary', 'Leeds', '2020-09-01') returning id`.execute(
    db,
  );
  const upns = Array.from({ length: PUPILS }, (_, i) => upnOf(i));
  await sql`insert into pupils (trust_id, school_id, upn, given_name, family_name, date_of_birth, sex, year_group,
      disadvantaged, fsm, sen, eal, ethnicity)
    select ${trustId}, ${school.rows[0]!.id}, u, 'Pupil', 'Bench', '2012-01-01', 'F', 'Y9', false, false, 'N', false, 'WBRI'
    from unnest(${upns}::text[]) u`.execute(db);
  return trustId;
}

type Figures = {
  db: string;
  seconds: number;
  rowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  peakMb: number;
};

async function measure(
  label: string,
  db: Db,
  ceiling: {
    dump: (query: string) => Promise<Blob | string>;
    load: (dumped: Blob | string) => Promise<void>;
  },
  file: string,
): Promise<Figures> {
  const trustId = await setUpTrust(db);
  // The service as the server wires it, so the import also refreshes the analysis summaries.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const services = createServices(db, config, { send: async () => undefined });
  const service = services.results;
  const baseline = process.memoryUsage();
  // The kernel's high-water mark of this process's resident memory, reset here, so the peak is
  // exact even while PGlite's WebAssembly holds the event loop (a timer would not fire then).
  resetPeakRss();
  let atPeak = baseline;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > atPeak.rss) atPeak = m;
  }, 50);
  if (process.env.DRY) {
    const d0 = performance.now();
    await service.importResults(
      systemActor(trustId),
      { filename: 'r.csv', dryRun: true },
      createReadStream(file, { highWaterMark: CHUNK }),
    );
    console.log(`${label}: dry run (read and check only) ${((performance.now() - d0) / 1000).toFixed(1)} s`);
  }
  const t0 = performance.now();
  const { job } = await service.importResults(
    systemActor(trustId),
    { filename: 'results.csv', dryRun: false },
    createReadStream(file, { highWaterMark: CHUNK }),
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const peak = peakRss();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${label}: RSS ${mb(baseline.rss)} before the import, peak ${mb(peak)} (at the highest sample: V8 heap ${mb(atPeak.heapUsed)} of ${mb(atPeak.heapTotal)}, external ${mb(atPeak.external)}, array buffers ${mb(atPeak.arrayBuffers)})`,
  );
  if (job.status !== 'committed' || job.rows_accepted !== LINES)
    throw new Error(`import did not commit every line: ${job.status} ${job.rows_accepted}`);

  // The results export, as the route streams it, an assessment at a time.
  resetPeakRss();
  const e0 = performance.now();
  let exported = 0;
  let exportedLines = 0;
  const out: string | AsyncIterable<string> = await services.dataExport.resultsCsv(systemActor(trustId));
  for await (const chunk of typeof out === 'string' ? [out] : out) {
    exported += chunk.length;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) exportedLines += 1;
  }
  if (exportedLines !== LINES + 1) throw new Error(`the export wrote ${exportedLines} lines`);
  console.log(
    `${label}: exported ${LINES.toLocaleString('en-GB')} results (${(exported / 1e6).toFixed(0)} MB) in ${((performance.now() - e0) / 1000).toFixed(1)} s, peak ${mb(peakRss())}`,
  );

  // The ceiling: the same resolved rows, dumped by the database (never held here), then COPYed
  // straight back into the emptied table.
  const columns = 'trust_id, assessment_id, pupil_id, value';
  const dumped = await ceiling.dump(`select ${columns} from results where trust_id = '${trustId}'`);
  await sql`delete from results where trust_id = ${trustId}`.execute(db);
  await sql`vacuum results`.execute(db).catch(() => undefined);
  const t1 = performance.now();
  await ceiling.load(dumped);
  const copySeconds = (performance.now() - t1) / 1000;
  const n = await sql<{
    n: number;
  }>`select count(*)::int as n from results where trust_id = ${trustId}`.execute(db);
  if (n.rows[0]!.n !== LINES) throw new Error('raw COPY did not load every row');

  return {
    db: label,
    seconds,
    rowsPerSecond: LINES / seconds,
    copySeconds,
    copyRowsPerSecond: LINES / copySeconds,
    peakMb: peak / 1024 / 1024,
  };
}

const resetPeakRss = () => writeFileSync('/proc/self/clear_refs', '5');
const peakRss = () => {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kb) throw new Error('no VmHWM in /proc/self/status');
  return Number(kb) * 1024;
};

const COPY = 'copy results (trust_id, assessment_id, pupil_id, value) from';

async function onPostgres(file: string): Promise<Figures> {
  const url = postgresUrl();
  const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const path = join(dir, 'copy.csv');
    return await measure(
      'PostgreSQL 15',
      handle.db,
      {
        dump: async (query) => {
          execFileSync('psql', [url, '-q', '-c', `\\copy (${query}) to '${path}' with (format csv)`]);
          return path;
        },
        load: async () => {
          execFileSync('psql', [url, '-q', '-c', `\\${COPY} '${path}' with (format csv)`]);
        },
      },
      file,
    );
  } finally {
    await handle.close();
  }
}

async function onPglite(file: string): Promise<Figures> {
  // Opened as the server opens it (its settings, its cluster created in a child process).
  const pglite = await openPglite(dir);
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    return await measure(
      'PGlite (embedded)',
      db,
      {
        dump: async (query) => {
          const out = await pglite.query(`copy (${query}) to '/dev/blob' with (format csv)`);
          if (!out.blob) throw new Error('COPY TO returned no data');
          return out.blob;
        },
        load: async (blob) => {
          await pglite.query(`${COPY} '/dev/blob' with (format csv)`, [], { blob: blob as Blob });
        },
      },
      file,
    );
  } finally {
    await db.destroy();
  }
}

/**
 * Each database is measured in a process of its own, as a server would run: one database per
 * process, nothing left over from the other run in its memory.
 */
async function child(kind: string, file: string): Promise<void> {
  const figures = kind === 'postgres' ? await onPostgres(file) : await onPglite(file);
  console.log(`FIGURES ${JSON.stringify(figures)}`);
}

function inChild(kind: 'postgres' | 'pglite', file: string): Figures {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', kind, file],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  let figures: Figures | null = null;
  for (const line of out.split('\n')) {
    if (line.startsWith('FIGURES ')) figures = JSON.parse(line.slice(8)) as Figures;
    else if (line) console.log(line);
  }
  if (!figures) throw new Error(`the ${kind} run reported no figures`);
  return figures;
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  try {
    await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const file = join(dir, 'results.csv');
  const bytes = writeFile(file);
  console.log(
    `${LINES.toLocaleString('en-GB')} result lines, ${(bytes / 1e6).toFixed(0)} MB, ${PUPILS.toLocaleString('en-GB')} pupils x ${ASSESSMENTS} assessments`,
  );
  const figures: Figures[] = [];
  try {
    if (!process.argv.includes('--pglite')) figures.push(inChild('postgres', file));
    if (!process.argv.includes('--postgres')) figures.push(inChild('pglite', file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| Database | End to end | Rows/s | Raw COPY (ceiling) | Rows/s | Peak memory |');
  console.log('|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(
      `| ${f.db} | ${f.seconds.toFixed(1)} s | ${Math.round(f.rowsPerSecond).toLocaleString('en-GB')} | ${f.copySeconds.toFixed(1)} s | ${Math.round(f.copyRowsPerSecond).toLocaleString('en-GB')} | ${f.peakMb.toFixed(0)} MB |`,
    );
}
