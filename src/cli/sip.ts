import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { z } from 'zod';
import { formatSignIn, startServer } from '../server/main';
import { generatePassword } from '../server/modules/demo/demo.service';
import { systemActor } from '../server/platform/auth/actor';
import { type Config, ConfigError, loadConfig } from '../server/platform/config';
import { openDatabase } from '../server/platform/db/database';
import { AppError } from '../server/platform/errors';
import { createMailer } from '../server/platform/mail/mailer';
import { migrateToLatest } from '../server/platform/migrations/migrator';
import { createServices, type Services } from '../server/services';
import {
  assessmentList,
  gapAnalysis,
  gapIndexResult,
  gapTrend,
  gapTrendQuery,
  groupBySchema,
  pointGaps,
} from '../shared/contracts/analysis';
import { password as passwordSchema } from '../shared/contracts/auth';
import { email as emailSchema } from '../shared/contracts/people';
import { roleSchema } from '../shared/contracts/roles';
import { registerImportCommands } from './import-cli';
import { registerSurveyCommands } from './surveys-cli';

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `sip demo generate` options: sizes a laptop and a trust-scale benchmark both make sense of. */
const generateOptions = z.object({
  schools: count(1, 200),
  pupils: count(30, 250_000),
  years: count(1, 10),
  seed: count(0, 2 ** 31 - 1),
  name: z.string().trim().min(1).max(200).optional(),
});

/** Opens the database, migrates it, runs the command with the services, and always closes. */
async function withServices<T>(fn: (s: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const log = pino({ level: config.logLevel });
    return await fn(createServices(handle.db, config, createMailer(config, log)), config);
  } finally {
    await handle.close();
  }
}

async function pickTrust(s: Services, trustId?: string): Promise<string> {
  const trusts = await s.org.listTrusts();
  if (trustId) {
    if (!trusts.some((t) => t.id === trustId)) throw new ConfigError(`No trust has the id ${trustId}.`);
    return trustId;
  }
  if (trusts.length === 1) return trusts[0]!.id;
  if (trusts.length === 0)
    throw new ConfigError('There is no trust yet: create one with `sip trusts create "Trust name"`.');
  throw new ConfigError(
    `There are ${trusts.length} trusts; choose one with --trust (see \`sip trusts list\`).`,
  );
}

async function writeDemoSignIn(config: Config, text: string): Promise<void> {
  if (!config.databaseUrl) await writeFile(join(config.dataDir, 'demo-sign-in.txt'), text, { mode: 0o600 });
}

export function buildCli(): Command {
  const program = new Command('sip').description('School Improvement Platform command line');

  program
    .command('serve')
    .description(
      'start the web app and API (migrates first; seeds the demo trust on an empty embedded database)',
    )
    .action(async () => {
      const server = await startServer(loadConfig());
      process.stdout.write(`School Improvement Platform is running at ${server.url}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const db = program.command('db').description('database tasks');
  db.command('migrate')
    .description('apply any pending migrations')
    .action(async () => {
      const config = loadConfig();
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(handle.db);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n',
        );
      } finally {
        await handle.close();
      }
    });

  const demo = program.command('demo').description('the demonstration trust');
  demo
    .command('reset')
    .description('delete the demo trust (and only it) and create it afresh with a new password')
    .action(() =>
      withServices(async (s, config) => {
        const text = formatSignIn(await s.demo.reset());
        await writeDemoSignIn(config, text);
        process.stdout.write(`${text}\n`);
      }),
    );
  demo
    .command('seed')
    .description('create the demo trust if there is none (use on a PostgreSQL server only when you want it)')
    .action(() =>
      withServices(async (s, config) => {
        if (await s.demo.findDemoTrust()) {
          process.stdout.write('A demo trust already exists; use `sip demo reset` to recreate it.\n');
          return;
        }
        const text = formatSignIn(await s.demo.seed());
        await writeDemoSignIn(config, text);
        process.stdout.write(`${text}\n`);
      }),
    );

  demo
    .command('generate')
    .description(
      'create a synthetic trust of any size (schools, pupils, years of results), the same for the same seed',
    )
    .option('--schools <n>', 'number of schools', '12')
    .option('--pupils <n>', 'number of pupils across the trust', '6000')
    .option('--years <n>', 'complete academic years of history before this one', '5')
    .option('--seed <n>', 'seed: the same seed makes the same trust', '1')
    .option('--name <name>', "the trust's name")
    .action((opts: Record<string, string | undefined>) =>
      withServices(async (s) => {
        const o = generateOptions.parse(opts);
        const t0 = performance.now();
        const password = generatePassword();
        const t = await s.generate.generate({ ...o, password });
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        process.stdout.write(
          `Created ${t.trustName} in ${seconds} s: ${t.schools} schools, ${(t.pupils - t.leavers).toLocaleString('en-GB')} pupils on roll and ${t.leavers.toLocaleString('en-GB')} who have left, ` +
            `${t.assessments.toLocaleString('en-GB')} assessments, ${t.results.toLocaleString('en-GB')} results, ` +
            `${t.attendanceRecords.toLocaleString('en-GB')} attendance records, ${t.staffRecords.toLocaleString('en-GB')} staff records, ` +
            `${t.interventions} interventions.\n` +
            `Sign in as ${t.email} with the password ${password}\n`,
        );
      }),
    );

  const trusts = program.command('trusts').description('trusts on this server');
  trusts
    .command('create <name>')
    .description('create a trust (then add its first administrator with `sip users create`)')
    .action((name: string) =>
      withServices(async (s) => {
        const t = await s.org.createTrust(name.trim());
        process.stdout.write(`Created trust ${t.name}: ${t.id}\n`);
      }),
    );
  trusts
    .command('list')
    .description('list trusts')
    .action(() =>
      withServices(async (s) => {
        for (const t of await s.org.listTrusts())
          process.stdout.write(`${t.id}  ${t.name}${t.isDemo ? ' (demo)' : ''}\n`);
      }),
    );

  const analyse = program
    .command('analyse')
    .description('the equity lens: gaps between groups of pupils (--json prints what the API returns)');
  const printAnalysis = (json: boolean | undefined, body: unknown, lines: string[]): void => {
    process.stdout.write(json ? `${JSON.stringify(body, null, 2)}\n` : `${lines.join('\n')}\n`);
  };
  analyse
    .command('gaps')
    .description(
      'gaps on one assessment (GET /analysis/gaps), or at a collection point with --year and --point',
    )
    .option('--assessment <id>', 'assessment id (see `sip analyse assessments`)')
    .option('--year <academicYear>', 'academic year, e.g. 2025/26 (with --point: every school x subject)')
    .option('--point <collectionPoint>', 'collection point, e.g. "Spring 2"')
    .option('--year-group <yearGroup>', 'only this year group (with --point)')
    .option('--group-by <groupBy>', 'disadvantaged, sen, eal or sex', 'disadvantaged')
    .option('--json', 'print the JSON the API returns')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action(
      (opts: {
        assessment?: string;
        year?: string;
        point?: string;
        yearGroup?: string;
        groupBy: string;
        json?: boolean;
        trust?: string;
      }) =>
        withServices(async (s) => {
          const actor = systemActor(await pickTrust(s, opts.trust));
          const groupBy = groupBySchema.parse(opts.groupBy);
          if (opts.assessment) {
            const body = gapAnalysis.parse(await s.analysis.gaps(actor, opts.assessment, groupBy));
            return printAnalysis(
              opts.json,
              body,
              body.scopes.map((x) => x.reading),
            );
          }
          if (!opts.year || !opts.point)
            throw new ConfigError('Give --assessment, or --year and --point for a collection point.');
          const body = pointGaps.parse(
            await s.analysis.pointGaps(actor, {
              academicYear: opts.year,
              collectionPoint: opts.point,
              ...(opts.yearGroup ? { yearGroup: opts.yearGroup } : {}),
              groupBy,
            }),
          );
          printAnalysis(
            opts.json,
            body,
            body.rows.map((r) => {
              const [f, o] = r.groups;
              const mean = (m: number | null | undefined) => (m == null ? 'c' : m.toFixed(1));
              const gap = r.gap
                ? `gap ${r.gap.difference.toFixed(2)}${r.gap.distinguishable ? '' : ' (could be chance)'}`
                : 'gap hidden';
              return `${r.label} · ${r.subject}: ${f?.label} ${mean(f?.mean)} (${f?.n ?? 'c'}), ${o?.label} ${mean(o?.mean)} (${o?.n ?? 'c'}), ${gap}`;
            }),
          );
        }),
    );
  analyse
    .command('assessments')
    .description('list assessments with their ids')
    .option('--json', 'print the JSON the API returns')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((opts: { json?: boolean; trust?: string }) =>
      withServices(async (s) => {
        const assessments = await s.analysis.assessments(systemActor(await pickTrust(s, opts.trust)));
        printAnalysis(
          opts.json,
          assessmentList.parse({ assessments }),
          assessments.map((a) => `${a.id}  ${a.name} (${a.academicYear}, ${a.collectionPoint})`),
        );
      }),
    );
  analyse
    .command('gap-trend')
    .description('a gap over time for a school or the trust (GET /analysis/gap-trend)')
    .requiredOption('--subject <subject>', 'e.g. Maths')
    .requiredOption('--year-group <yearGroup>', 'e.g. Y11')
    .option('--school <id>', 'one school (default: the whole trust)')
    .option(
      '--follow <follow>',
      'cohort (the pupils now in the year group) or yearGroup (successive cohorts)',
      'cohort',
    )
    .option('--group-by <groupBy>', 'disadvantaged, sen, eal or sex', 'disadvantaged')
    .option('--json', 'print the JSON the API returns')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action(
      (opts: {
        subject: string;
        yearGroup: string;
        school?: string;
        follow: string;
        groupBy: string;
        json?: boolean;
        trust?: string;
      }) =>
        withServices(async (s) => {
          const actor = systemActor(await pickTrust(s, opts.trust));
          const body = gapTrend.parse(
            await s.analysis.gapTrend(
              actor,
              gapTrendQuery.parse({
                subject: opts.subject,
                yearGroup: opts.yearGroup,
                follow: opts.follow,
                groupBy: opts.groupBy,
                ...(opts.school ? { schoolId: opts.school } : {}),
              }),
            ),
          );
          printAnalysis(opts.json, body, [
            `${body.label}, ${body.subject}, ${body.yearGroup}: ${body.points.length} collection point(s).`,
            body.overall?.sentence ?? 'Not enough points that can be shown to say how the gap changed.',
          ]);
        }),
    );
  analyse
    .command('gap-index')
    .description(
      'DfE disadvantage gap index for a year group at a collection point (GET /analysis/gap-index)',
    )
    .requiredOption('--year <academicYear>', 'e.g. 2025/26')
    .requiredOption('--point <collectionPoint>', 'e.g. "Summer 2"')
    .requiredOption('--year-group <yearGroup>', 'e.g. Y11')
    .option('--subjects <subjects>', 'comma-separated; each pupil’s mean of these', 'English,Maths')
    .option('--json', 'print the JSON the API returns')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action(
      (opts: {
        year: string;
        point: string;
        yearGroup: string;
        subjects: string;
        json?: boolean;
        trust?: string;
      }) =>
        withServices(async (s) => {
          const actor = systemActor(await pickTrust(s, opts.trust));
          const body = gapIndexResult.parse(
            await s.analysis.gapIndex(actor, {
              academicYear: opts.year,
              collectionPoint: opts.point,
              yearGroup: opts.yearGroup,
              subjects: opts.subjects,
            }),
          );
          printAnalysis(
            opts.json,
            body,
            body.scopes.map(
              (x) =>
                `${x.label}: ${x.gapIndex === null ? (x.suppressed ? 'hidden (small group)' : 'no index') : x.gapIndex.toFixed(2)} (${x.n ?? 'c'} pupils)`,
            ),
          );
        }),
    );

  program
    .command('digest')
    .description('send today’s daily digest emails now (the server also sends them hourly from 07:00)')
    .action(() =>
      withServices(async (s) => {
        const r = await s.monitoring.sendDueDigests();
        process.stdout.write(`Sent ${r.sent} digest(s); ${r.skipped} person(s) had nothing due.\n`);
      }),
    );

  registerImportCommands(program, { withServices, pickTrust });
  registerSurveyCommands(program, { withServices, pickTrust });

  const users = program.command('users').description('people and their accounts');
  users
    .command('create')
    .description(
      'create an account with a role; without --password an invitation link is emailed (or logged)',
    )
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'full name')
    .option('--job-title <title>', 'job title', '')
    .option('--role <role>', `one of ${roleSchema.options.join(', ')}`, 'trust_admin')
    .option('--school <urn>', 'URN of the school the role applies to (school roles)')
    .option('--password <password>', 'set this password now (at least 12 characters)')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action(
      (opts: {
        email: string;
        name: string;
        jobTitle: string;
        role: string;
        school?: string;
        password?: string;
        trust?: string;
      }) =>
        withServices(async (s) => {
          const role = roleSchema.parse(opts.role);
          const email = emailSchema.parse(opts.email);
          const password = opts.password === undefined ? undefined : passwordSchema.parse(opts.password);
          const actor = systemActor(await pickTrust(s, opts.trust));
          let schoolId: string | undefined;
          if (opts.school) {
            const school = (await s.org.listSchools(actor)).find((x) => x.urn === opts.school);
            if (!school) throw new ConfigError(`No school with URN ${opts.school} is in this trust.`);
            schoolId = school.id;
          }
          const person = await s.people.invite(
            actor,
            { email, name: opts.name, jobTitle: opts.jobTitle },
            { sendInvitation: password === undefined },
          );
          await s.people.assignRole(actor, person.id, { role, schoolId });
          if (password) await s.auth.setPassword(actor, person.id, password);
          process.stdout.write(
            `Created ${person.name} <${person.email}> as ${role}${password ? ' with the given password' : '; the invitation link was sent'}.\n`,
          );
        }),
    );
  return program;
}

/** One sentence for expected failures; a stack trace only for real bugs. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof AppError) {
      process.stderr.write(`${err.message}\n`);
    } else if (err instanceof Error && err.name === 'ZodError') {
      const issues = (err as unknown as { issues: { path: unknown[]; message: string }[] }).issues;
      process.stderr.write(`${issues.map((i) => i.message).join('; ')}\n`);
    } else {
      throw err;
    }
    process.exitCode = 1;
  }
}
