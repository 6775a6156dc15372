import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { presentJob } from '../server/modules/data/data.service';
import { systemActor } from '../server/platform/auth/actor';
import { type Config, ConfigError } from '../server/platform/config';
import type { Services } from '../server/services';
import { schoolDatasets } from '../shared/contracts/data';
import { createMappingBody } from '../shared/contracts/import-mapping';
import { fileWithProgress } from './progress';

type Helpers = {
  withServices: <T>(fn: (s: Services, config: Config) => Promise<T>) => Promise<T>;
  pickTrust: (s: Services, trustId?: string) => Promise<string>;
};
type Job = Awaited<ReturnType<Services['data']['importKs4']>>;
type ImportOptions = {
  year?: string;
  school?: string;
  mapping?: string;
  sheet?: string;
  dryRun?: boolean;
  trust?: string;
};

const KINDS =
  'ks4-performance, ks2, census, absence, ofsted, results, ctf, attendance, behaviour, staff or gias';

/** Checks a file can be read without reading it: a results file may be a gigabyte. */
const readableFile = (file: string) =>
  access(file).catch(() => {
    throw new ConfigError(`Cannot read ${file}.`);
  });
const readable = (file: string) =>
  readFile(file).catch(() => {
    throw new ConfigError(`Cannot read ${file}.`);
  });

async function schoolOf(s: Services, trustId: string, urn: string | undefined) {
  if (!urn) return null;
  const school = (await s.org.listSchools(systemActor(trustId))).find((x) => x.urn === urn);
  if (!school) throw new ConfigError(`No school in the trust has URN ${urn}.`);
  return school;
}

/**
 * Results in any layout. The canonical long CSV goes straight to the results importer; a workbook,
 * a chosen sheet or a named mapping goes through the mapping step first, as the web wizard does.
 */
async function importResults(s: Services, trustId: string, file: string, o: ImportOptions): Promise<Job> {
  const actor = systemActor(trustId);
  await readableFile(file);
  const school = await schoolOf(s, trustId, o.school);
  const progress = await fileWithProgress(file);
  const q = {
    filename: basename(file),
    dryRun: o.dryRun ?? false,
    ...(school ? { schoolId: school.id } : {}),
  };
  const mapped = Boolean(o.mapping || o.sheet) || /\.xlsx$/i.test(file);
  const done = mapped
    ? await s.mappedImport.importFile(
        actor,
        { ...q, ...(o.mapping ? { mappingName: o.mapping } : {}), ...(o.sheet ? { sheet: o.sheet } : {}) },
        progress.chunks,
        progress.rows,
      )
    : await s.results.importResults(actor, q, Readable.from(progress.chunks), progress.rows);
  progress.done();
  return { ...presentJob(done.job), rejected: done.rejected };
}

async function importOther(
  s: Services,
  trustId: string,
  kind: string,
  file: string,
  o: ImportOptions,
): Promise<Job> {
  const actor = systemActor(trustId);
  const dryRun = o.dryRun ?? false;
  const dataset = schoolDatasets.find((d) => d === kind);
  if (kind === 'ks4-performance' || dataset) {
    if (!o.year) throw new ConfigError('Give the year the file describes with --year, e.g. --year 2019.');
    const body = {
      year: Number(o.year),
      filename: basename(file),
      content: (await readable(file)).toString('utf8'),
      dryRun,
    };
    return dataset ? s.data.importSchoolDataset(actor, { ...body, dataset }) : s.data.importKs4(actor, body);
  }
  if (kind === 'ctf') {
    if (!o.school) throw new ConfigError('Give the school the pupils join with --school <URN>.');
    const school = (await schoolOf(s, trustId, o.school))!;
    const bytes = await readable(file);
    return s.data.importCtf(actor, {
      schoolId: school.id,
      filename: basename(file),
      contentBase64: bytes.toString('base64'),
      dryRun,
    });
  }
  if (!['attendance', 'behaviour', 'staff', 'gias'].includes(kind))
    throw new ConfigError(`Unknown import kind ${kind}; use ${KINDS}.`);
  const bytes = await readable(file);
  const school = await schoolOf(s, trustId, o.school);
  const body = {
    filename: basename(file),
    contentBase64: bytes.toString('base64'),
    dryRun,
    ...(school ? { schoolId: school.id } : {}),
  };
  if (kind === 'gias') {
    // Without a links file or a group, the extract updates the trust's existing schools.
    const gias = await s.giasImports.importGias(actor, {
      filename: body.filename,
      establishmentsBase64: body.contentBase64,
      dryRun,
    });
    const p = gias.preview;
    process.stdout.write(
      `${p.create.length} schools to add, ${p.update.length} to update, ${p.unchanged.length} unchanged.\n`,
    );
    return gias;
  }
  if (kind === 'staff') return s.staffImports.importStaff(actor, body);
  if (kind === 'attendance') return s.attendanceImports.importAttendance(actor, body);
  return s.attendanceImports.importBehaviour(actor, body);
}

function report(job: Job): void {
  process.stdout.write(
    `${job.status}: ${job.rowsRead} rows read, ${job.rowsAccepted} accepted, ${job.rowsRejected} rejected.\n`,
  );
  for (const r of job.rejected.slice(0, 20))
    process.stdout.write(
      `  row ${r.row}, ${r.column || 'file'}: ${r.reason}${r.value ? ` (${r.value})` : ''}\n`,
    );
  if (job.status === 'rejected') process.exitCode = 1;
}

/** `sip import <kind> <file>` and `sip mappings list | suggest | save`: the services the Data page uses. */
export function registerImportCommands(program: Command, { withServices, pickTrust }: Helpers): void {
  program
    .command('import')
    .description(
      "import a data file; kinds: ks4-performance, ks2, census, absence, ofsted (DfE school-level downloads), results (assessment results, CSV or XLSX, long or wide with --mapping), ctf (DfE Common Transfer File XML, with --school), attendance, behaviour, staff (CSV), gias (GIAS establishment extract: updates the trust's schools)",
    )
    .argument('<kind>', 'what the file is')
    .argument('<file>', 'path to the file')
    .option('--year <year>', 'DfE downloads: the year the file describes, e.g. 2019')
    .option(
      '--school <urn>',
      'results: only pupils of this school (URN) may appear in the file; ctf: the school the pupils join',
    )
    .option('--mapping <name>', 'results: a saved column mapping (see `sip mappings list`)')
    .option('--sheet <name>', 'results: the worksheet of an XLSX file (the first one when not given)')
    .option('--dry-run', 'check the file and report problems without writing anything')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((kind: string, file: string, opts: ImportOptions) =>
      withServices(async (s) => {
        const trustId = await pickTrust(s, opts.trust);
        report(
          kind === 'results'
            ? await importResults(s, trustId, file, opts)
            : await importOther(s, trustId, kind, file, opts),
        );
      }),
    );

  const mappings = program
    .command('mappings')
    .description('saved column mappings for results files in a school’s own layout');
  mappings
    .command('list')
    .description('every saved mapping of the trust')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((opts: { trust?: string }) =>
      withServices(async (s) => {
        const actor = systemActor(await pickTrust(s, opts.trust));
        for (const m of await s.mappingTemplates.list(actor))
          process.stdout.write(`${m.name}  (${m.layout}${m.source ? `, ${m.source}` : ''})\n`);
      }),
    );
  mappings
    .command('suggest <file>')
    .description(
      'print the mapping suggested for a file as JSON, to correct and save with `sip mappings save`',
    )
    .option('--sheet <name>', 'the worksheet of an XLSX file')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((file: string, opts: { sheet?: string; trust?: string }) =>
      withServices(async (s) => {
        const actor = systemActor(await pickTrust(s, opts.trust));
        await readableFile(file);
        const p = await s.mappedImport.preview(
          actor,
          { filename: basename(file), dryRun: true, ...(opts.sheet ? { sheet: opts.sheet } : {}) },
          createReadStream(file),
        );
        process.stdout.write(`${JSON.stringify(p.suggested, null, 2)}\n`);
      }),
    );
  mappings
    .command('save <name> <mappingJson>')
    .description('save a mapping (a JSON file, as `sip mappings suggest` prints) under a name')
    .option('--source <text>', 'where files of this shape come from, e.g. "SIMS marksheet export"')
    .option('--trust <id>', 'trust id, when the server holds more than one')
    .action((name: string, json: string, opts: { source?: string; trust?: string }) =>
      withServices(async (s) => {
        const actor = systemActor(await pickTrust(s, opts.trust));
        let mapping: unknown;
        try {
          mapping = JSON.parse((await readable(json)).toString('utf8'));
        } catch (err) {
          if (err instanceof ConfigError) throw err;
          throw new ConfigError(`${json} is not valid JSON.`);
        }
        const parsed = createMappingBody.safeParse({ name, source: opts.source ?? '', mapping });
        if (!parsed.success)
          throw new ConfigError(
            `The mapping is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
          );
        const saved = await s.mappingTemplates.create(actor, parsed.data);
        process.stdout.write(`Saved mapping ${saved.name} (${saved.layout}).\n`);
      }),
    );
}
