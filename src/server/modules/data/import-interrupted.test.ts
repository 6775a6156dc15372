import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../main';
import { loadConfig } from '../../platform/config';
import { openDatabase } from '../../platform/db/database';
import { migrateToLatest } from '../../platform/migrations/migrator';
import { orgRepository } from '../org/org.repository';
import { pupilsRepository } from './pupils.repository';
import { generateCohort } from './synthetic';

const dir = mkdtempSync(join(tmpdir(), 'sip-kill-'));
// The same database the suite runs on: PostgreSQL when DATABASE_URL is set, else PGlite in `dir`.
const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' };
const cli = ['--import', 'tsx', 'src/cli/main.ts'];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A trust with one school of 600 pupils, made directly in the database the CLI will open. */
async function trustWithPupils(): Promise<{ trustId: string; upns: string[] }> {
  const config = loadConfig(env);
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    await migrateToLatest(handle.db);
    const { id: trustId } = await orgRepository.insertTrust(handle.db, 'Interrupted Trust');
    const { id: schoolId } = await orgRepository.insertSchool(handle.db, {
      trust_id: trustId,
      urn: '188888',
      name: 'Interrupted School',
      phase: 'secondary',
      local_authority: 'Leeds',
      joined_trust_on: '2020-09-01',
    });
    const pupils = generateCohort({
      seed: 7,
      laCode: '380',
      estab: '8888',
      size: 600,
      yearGroup: 'Y11',
      schoolEffect: 0,
      birthYear: 2010,
    });
    await pupilsRepository.insertPupils(handle.db, trustId, schoolId, pupils);
    return { trustId, upns: pupils.map((p) => p.upn) };
  } finally {
    await handle.close();
  }
}

/** A long results file for those pupils: the import is still writing when it is killed. */
function writeResultsFile(path: string, upns: string[], lines: number) {
  const out = ['upn,assessment,subject,year_group,academic_year,collection_point,grade_set,date,result'];
  for (let i = 0; i < lines; i++)
    out.push(
      `${upns[i % upns.length]},Weekly quiz ${Math.floor(i / upns.length)},Maths,Y11,2025/26,Autumn 1,percentage,2025-10-01,${i % 100}`,
    );
  writeFileSync(path, out.join('\n'));
}

describe('an import cut off by a killed process', () => {
  it('leaves nothing behind, and the job is marked failed at the next start', async () => {
    const { trustId, upns } = await trustWithPupils();
    const file = join(dir, 'results.csv');
    writeResultsFile(file, upns, 600_000);

    const child = spawn(process.execPath, [...cli, 'import', 'results', file, '--trust', trustId], { env });
    let out = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, sig) => resolve(sig)),
    );
    // Kill it hard as soon as it reports lines staged inside its open transaction.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        out += d.toString();
        if (/rows written/.test(out)) resolve();
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.on('exit', (code) =>
        reject(new Error(`The import ended (exit ${code}) before it could be killed: ${out} ${stdout}`)),
      );
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Restart: the server's start-up finds the job still running and marks it failed.
    const server = await startServer(loadConfig({ ...env, PORT: '0' }), 'dist/web');
    await server.close();

    const config = loadConfig(env);
    const handle = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 1,
    });
    try {
      const jobs = await handle.db
        .selectFrom('import_jobs')
        .where('trust_id', '=', trustId)
        .select(['status', 'failure'])
        .execute();
      expect(jobs).toEqual([
        { status: 'failed', failure: expect.stringMatching(/nothing from the file was written/) },
      ]);
      const left = await handle.db
        .selectFrom('assessments')
        .where('trust_id', '=', trustId)
        .select('id')
        .execute();
      expect(left).toEqual([]);
      const results = await handle.db
        .selectFrom('results')
        .where('trust_id', '=', trustId)
        .select('value')
        .execute();
      expect(results).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
