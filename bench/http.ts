/**
 * HTTP benchmark: an authenticated read (GET /api/v1/schools) under 50 connections, on the embedded
 * database and on PostgreSQL. The server runs as a separate process so the load generator does not
 * share its event loop. PostgreSQL comes from DATABASE_URL, or a throwaway database made by
 * .ci/pg-setup.sh. Record the figures in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { postgresUrl, signInCookie, startServerProcess } from './lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = 3290;

type Target = { label: string; env: Record<string, string> };

function demoSignIn(text: string): { email: string; password: string } {
  const email = /administrator: (\S+)/.exec(text)?.[1];
  const password = /Password: (\S+)/.exec(text)?.[1];
  if (!email || !password) throw new Error(`no demo sign-in in:\n${text}`);
  return { email, password };
}

async function run(target: Target): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-bench-'));
  const env = { ...target.env, DATA_DIR: dataDir };
  let signInText: string | undefined;
  if (target.env.DATABASE_URL) {
    signInText = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', 'reset'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
  }
  const server = await startServerProcess(env, PORT);
  try {
    signInText ??= readFileSync(join(dataDir, 'demo-sign-in.txt'), 'utf8');
    const { email, password } = demoSignIn(signInText);
    const cookie = await signInCookie(server.url, email, password);
    const target = `${server.url}/api/v1/schools`;
    const n = ((await (await fetch(target, { headers: { cookie } })).json()) as { schools: unknown[] })
      .schools.length;
    // A short warm-up so JIT and connection pools are settled before measuring.
    await autocannon({ url: target, connections: CONNECTIONS, duration: 3, headers: { cookie } });
    const r = await autocannon({
      url: target,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { cookie },
    });
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(
      `${label(env).padEnd(12)} GET /api/v1/schools (${n} schools) ${CONNECTIONS} connections, ${DURATION}s: ` +
        `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${errors}`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const label = (env: Record<string, string>) => (env.DATABASE_URL ? 'PostgreSQL' : 'PGlite');

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  await run({ label: 'PGlite', env: { DATABASE_URL: '' } });
  await run({ label: 'PostgreSQL', env: { DATABASE_URL: postgresUrl() } });
}

await main();
