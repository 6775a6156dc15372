import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import type { DemoSignIn } from './modules/demo/demo.service';
import { type Config, ConfigError } from './platform/config';
import { openDatabase } from './platform/db/database';
import { buildApp } from './platform/http/app';
import { createMailer } from './platform/mail/mailer';
import { migrateToLatest } from './platform/migrations/migrator';
import { createServices } from './services';

/** Starts the platform: migrate, seed the demo trust on an empty embedded database, then serve. */
export async function startServer(
  config: Config,
  webDir = 'dist/web',
): Promise<{ close: () => Promise<void>; url: string }> {
  const log = pino({ level: config.logLevel });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');

  const services = createServices(handle.db, config, createMailer(config, log));
  const interrupted = await services.data.recoverInterruptedImports();
  if (interrupted) log.warn({ interrupted }, 'imports cut off by the last shutdown were marked failed');
  if (handle.kind === 'pglite') await ensureDemo(services.demo, config);

  const app = await buildApp({ config, services, logger: { level: config.logLevel }, webDir });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await handle.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `Port ${config.port} is already in use; stop the other program or set PORT to a free port.`,
      );
    }
    throw err;
  }
  const url = `http://localhost:${config.port}`;
  const digests = scheduleDigests(services, log);
  return {
    url,
    close: async () => {
      clearInterval(digests);
      await app.close();
      await handle.close();
    },
  };
}

/** From 07:00 UK time, once an hour, send any daily digests not yet sent today. */
function scheduleDigests(services: ReturnType<typeof createServices>, log: pino.Logger): NodeJS.Timeout {
  const tick = () => {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone: 'Europe/London' }).format(
        new Date(),
      ),
    );
    if (hour < 7) return;
    services.monitoring
      .sendDueDigests()
      .then((r) => r.sent && log.info(r, 'daily digests sent'))
      .catch((err: unknown) => log.error({ err }, 'daily digests failed'));
  };
  const timer = setInterval(tick, 60 * 60 * 1000);
  timer.unref();
  return timer;
}

async function ensureDemo(demo: ReturnType<typeof createServices>['demo'], config: Config): Promise<void> {
  const file = join(config.dataDir, 'demo-sign-in.txt');
  if (await demo.isEmpty()) {
    const signIn = await demo.seed();
    await writeFile(file, formatSignIn(signIn), { mode: 0o600 });
  }
  if (await demo.findDemoTrust()) {
    const text = await readFile(file, 'utf8').catch(
      () => 'Demo sign-in: run `npx sip demo reset` to create new demo accounts.\n',
    );
    process.stdout.write(`\n${text}\n`);
  }
}

export function formatSignIn(s: DemoSignIn): string {
  return [
    `Demo trust: ${s.trustName} (${s.accounts} accounts, all with the same password)`,
    `  Sign in as the trust administrator: ${s.email}`,
    `  Password: ${s.password}`,
    '  Other demo accounts: see Admin > People once signed in.',
  ].join('\n');
}
