import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../src/server/main';
import { loadConfig } from '../src/server/platform/config';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminEmail: string;
    password: string;
  }
}

// E2E_PORT lets two suites run side by side on one machine.
const PORT = process.env.E2E_PORT ?? '3199';

/** Reads the demo sign-in the server writes when it seeds an empty database. */
export function parseSignIn(text: string): { email: string; password: string } {
  const email = /Sign in as the trust administrator:\s*(\S+)/.exec(text)?.[1];
  const password = /Password:\s*(\S+)/.exec(text)?.[1];
  if (!email || !password) throw new Error(`Could not read the demo sign-in from:\n${text}`);
  return { email, password };
}

/** Starts the real server on a fresh embedded database; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const webDir = resolve('dist/web');
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build` before `npm run e2e`.');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sip-e2e-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    PORT,
    LOG_LEVEL: 'warn',
    // Always the embedded database, which is seeded with the demo trust, even where CI sets DATABASE_URL.
    DATABASE_URL: '',
    // The suite signs in many times a minute from one address; the limit itself has its own tests.
    LOGIN_RATE_LIMIT: '1000',
    // Invitation emails go to the server log rather than to a real mail server.
    SMTP_HOST: '',
  });
  const server = await startServer(config, webDir);
  const { email, password } = parseSignIn(await readFile(join(dataDir, 'demo-sign-in.txt'), 'utf8'));

  project.provide('baseURL', `http://localhost:${PORT}`);
  project.provide('adminEmail', email);
  project.provide('password', password);

  return async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
