/**
 * HTTP benchmark: an authenticated read (GET /api/v1/schools) under 50 connections, on the embedded
 * database and on PostgreSQL. The server runs as a separate process so the load generator does not
 * share its event loop. PostgreSQL comes from DATABASE_URL, or a throwaway database made by
 * .ci/pg-setup.sh. Record the figures in docs/benchmarks.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = 3290;

type Target = { label: string; env: Record<string, string> };

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

function demoSignIn(text: string): { email: string; password: string } {
  const email = /administrator: (\S+)/.exec(text)?.[1];
  const password = /Password: (\S+)/.exec(text)?.[1];
  if (!email || !password) throw new Error(`no demo sign-in in:\n${text}`);
  return { email, password };
}

async function run(target: Target): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-bench-'));
  const env = { ...process.env, ...target.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' };
  let signInText: string;
  if (target.env.DATABASE_URL) {
    signInText = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', 'reset'], {
      env,
      encoding: 'utf8',
    });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(url, child);
    signInText ??= readFileSync(join(dataDir, 'demo-sign-in.txt'), 'utf8');
    const { email, password } = demoSignIn(signInText);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const check = await fetch(`${url}/api/v1/schools`, { headers: { cookie } });
    const n = ((await check.json()) as { schools: unknown[] }).schools.length;

    // A short warm-up so JIT and connection pools are settled before measuring.
    await autocannon({
      url: `${url}/api/v1/schools`,
      connections: CONNECTIONS,
      duration: 3,
      headers: { cookie },
    });
    const r = await autocannon({
      url: `${url}/api/v1/schools`,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { cookie },
    });
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(
      `${target.label.padEnd(12)} GET /api/v1/schools (${n} schools) ${CONNECTIONS} connections, ${DURATION}s: ` +
        `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${errors}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  const targets: Target[] = [{ label: 'PGlite', env: { DATABASE_URL: '' } }];
  const pgUrl =
    process.env.DATABASE_URL ||
    execFileSync('.ci/pg-setup.sh', { encoding: 'utf8' }).trim().split('\n').pop();
  if (pgUrl) targets.push({ label: 'PostgreSQL', env: { DATABASE_URL: pgUrl } });
  for (const t of targets) await run(t);
}

await main();
