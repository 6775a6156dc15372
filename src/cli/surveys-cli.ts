import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../server/platform/auth/actor';
import { type Config, ConfigError } from '../server/platform/config';
import type { Services } from '../server/services';
import { type ColumnUse, columnUses, createSurveyBody } from '../shared/contracts/surveys';

type Helpers = {
  withServices: <T>(fn: (s: Services, config: Config) => Promise<T>) => Promise<T>;
  pickTrust: (s: Services, trustId?: string) => Promise<string>;
};

async function schoolByUrn(s: Services, trustId: string, urn: string): Promise<string> {
  const school = (await s.org.listSchools(systemActor(trustId))).find((x) => x.urn === urn);
  if (!school) throw new ConfigError(`No school in the trust has URN ${urn}.`);
  return school.id;
}

/** "Heading=use" pairs from --as, checked against the uses an import accepts. */
function mappingOf(pairs: string[]): Record<string, ColumnUse> {
  const out: Record<string, ColumnUse> = {};
  for (const p of pairs) {
    const at = p.lastIndexOf('=');
    const use = p.slice(at + 1) as ColumnUse;
    if (at < 1 || !columnUses.includes(use))
      throw new ConfigError(`--as takes "Column heading=use", with use one of ${columnUses.join(', ')}.`);
    out[p.slice(0, at)] = use;
  }
  return out;
}

/** `sip surveys list | create | import`: the same services the Surveys screen uses. */
export function registerSurveyCommands(program: Command, { withServices, pickTrust }: Helpers): void {
  const surveys = program.command('surveys').description('pupil, staff and parent surveys');
  surveys
    .command('list')
    .description('every survey of the trust with its response count')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((opts: { trust?: string }) =>
      withServices(async (s) => {
        const actor = systemActor(await pickTrust(s, opts.trust));
        for (const v of await s.surveys.list(actor))
          process.stdout.write(
            `${v.id}  ${v.title} (${v.audience}, ${v.schoolName ?? 'whole trust'}, ${v.academicYear}): ${v.responses} responses\n`,
          );
      }),
    );
  surveys
    .command('create')
    .description('create a survey for one school (--school) or the whole trust')
    .requiredOption('--title <title>', 'the survey title')
    .requiredOption('--audience <who>', 'pupil, staff or parent')
    .requiredOption('--year <year>', 'academic year, e.g. 2025/26')
    .option('--school <urn>', 'the school it is for; the whole trust when left out')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((opts: { title: string; audience: string; year: string; school?: string; trust?: string }) =>
      withServices(async (s) => {
        const trustId = await pickTrust(s, opts.trust);
        const body = createSurveyBody.safeParse({
          title: opts.title,
          audience: opts.audience,
          academicYear: opts.year,
          schoolId: opts.school ? await schoolByUrn(s, trustId, opts.school) : null,
        });
        if (!body.success) throw new ConfigError(body.error.issues.map((i) => i.message).join('; '));
        const created = await s.surveys.create(systemActor(trustId), body.data);
        process.stdout.write(`Created survey ${created.title}: ${created.id}\n`);
      }),
    );
  surveys
    .command('import')
    .description('import one school’s responses from a Microsoft Forms or Google Forms export (CSV or XLSX)')
    .argument('<survey>', 'survey id (see `sip surveys list`)')
    .argument('<file>', 'the export file')
    .requiredOption('--school <urn>', 'the school the responses are from')
    .option('--as <pair...>', 'read a column another way, e.g. --as "Any comments?=text"', [])
    .option('--dry-run', 'check the file and show how each column is read, without writing anything')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action(
      (
        surveyId: string,
        file: string,
        opts: { school: string; as: string[]; dryRun?: boolean; trust?: string },
      ) =>
        withServices(async (s) => {
          const trustId = await pickTrust(s, opts.trust);
          const bytes = await readFile(file).catch(() => {
            throw new ConfigError(`Cannot read ${file}.`);
          });
          const out = await s.surveyImports.importResponses(systemActor(trustId), surveyId, {
            schoolId: await schoolByUrn(s, trustId, opts.school),
            filename: basename(file),
            contentBase64: bytes.toString('base64'),
            dryRun: opts.dryRun ?? false,
            mapping: mappingOf(opts.as),
          });
          const j = out.import;
          process.stdout.write(`${out.source ?? 'unknown source'}; columns:\n`);
          for (const c of out.columns) process.stdout.write(`  ${c.header}: ${c.use} (${c.note})\n`);
          process.stdout.write(
            `${j.status}: ${j.rowsRead} rows read, ${j.rowsAccepted} accepted, ${j.rowsRejected} rejected, ${j.rowsSkipped} skipped.\n`,
          );
          for (const r of out.rejected.slice(0, 20))
            process.stdout.write(
              `  row ${r.row}, ${r.column || 'file'}: ${r.reason}${r.value ? ` (${r.value})` : ''}\n`,
            );
          if (j.status === 'rejected') process.exitCode = 1;
        }),
    );
}
