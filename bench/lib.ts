import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/** Shared by the benchmarks: a server in its own process, and sign-in over HTTP. */
export type RunningServer = { url: string; stop: () => Promise<void> };

export async function startServerProcess(
  env: Record<string, string | undefined>,
  port: number,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  return cookie;
}

/** DATABASE_URL if set, otherwise a throwaway database on a local PostgreSQL made by .ci/pg-setup.sh. */
export function postgresUrl(): string {
  return (
    process.env.DATABASE_URL ||
    execFileSync('.ci/pg-setup.sh', { encoding: 'utf8' }).trim().split('\n').pop() ||
    ''
  );
}
