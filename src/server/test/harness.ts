import { loadConfig } from '../platform/config';
import { type Db, openDatabase } from '../platform/db/database';
import type { App } from '../platform/http/app';
import { buildApp } from '../platform/http/app';
import type { Mail, Mailer } from '../platform/mail/mailer';
import { migrateToLatest } from '../platform/migrations/migrator';
import { createServices, type Services } from '../services';

export type Harness = { app: App; db: Db; services: Services; mail: Mail[]; clock: TestClock };

/** A clock tests can set to any day; it reads the real time until set. */
export type TestClock = { now: () => Date; set: (isoDate: string | null) => void };

const KEY = Symbol.for('sip.test.harness');
type Global = typeof globalThis & { [KEY]?: Promise<Harness> };

/**
 * One migrated database and one app per test worker (PGlite in memory, or the PostgreSQL server
 * named by DATABASE_URL). Tests isolate themselves by creating their own trust, so they can share it.
 */
export function harness(): Promise<Harness> {
  const g = globalThis as Global;
  g[KEY] ??= create();
  return g[KEY];
}

async function create(): Promise<Harness> {
  // Tests change sessions in the database directly, so they read them fresh each time.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SESSION_CACHE_SECONDS: '0',
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: 'http://localhost:3000',
  });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: 'memory', poolSize: 5 });
  await migrateToLatest(handle.db);
  const mail: Mail[] = [];
  // Outgoing email is the edge of the system: captured here instead of sent.
  const mailer: Mailer = { send: async (m) => void mail.push(m) };
  let fixed: Date | null = null;
  const clock: TestClock = {
    now: () => fixed ?? new Date(),
    set: (d) => {
      fixed = d ? new Date(`${d}T12:00:00Z`) : null;
    },
  };
  const services = createServices(handle.db, config, mailer, clock.now);
  const app = await buildApp({ config, services });
  await app.ready();
  return { app, db: handle.db, services, mail, clock };
}
