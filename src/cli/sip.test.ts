import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assessmentList, gapAnalysis } from '../shared/contracts/analysis';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'sip-cli-'));
// Always the embedded database in a temporary folder, whatever DATABASE_URL the suite runs with.
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
const sip = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sip command line', () => {
  it('lists its commands', async () => {
    const { stdout } = await sip('--help');
    for (const c of ['serve', 'db', 'demo', 'trusts', 'users']) expect(stdout).toContain(c);
  });

  it('migrates, creates a trust and a user, and resets the demo trust', async () => {
    expect((await sip('db', 'migrate')).stdout).toMatch(/Applied: 0001-organisation|up to date/);
    expect((await sip('trusts', 'create', 'Aire Valley Trust')).stdout).toMatch(
      /Created trust Aire Valley Trust/,
    );
    const created = await sip(
      'users',
      'create',
      '--email',
      'head@aire.example',
      '--name',
      'Jo Head',
      '--password',
      'a long enough password',
    );
    expect(created.stdout).toContain('Created Jo Head <head@aire.example> as trust_admin');
    const demo = await sip('demo', 'reset');
    expect(demo.stdout).toMatch(/Password: \S+/);
    // With two trusts the command must be told which one.
    await expect(sip('users', 'create', '--email', 'b@aire.example', '--name', 'B')).rejects.toMatchObject({
      stderr: expect.stringMatching(/choose one with --trust/),
    });
  }, 120_000);

  it('prints the same gap analysis as the API, as JSON', async () => {
    const trust = /^(\S+) .*\(demo\)$/m.exec((await sip('trusts', 'list')).stdout)?.[1];
    expect(trust).toBeDefined();
    const list = assessmentList.parse(
      JSON.parse((await sip('analyse', 'assessments', '--json', '--trust', trust!)).stdout),
    );
    // The demo's latest Year 11 maths data drop.
    const mock = list.assessments
      .filter((a) => a.name === 'Year 11 maths')
      .sort((a, b) => b.takenOn.localeCompare(a.takenOn))[0]!;
    const out = await sip('analyse', 'gaps', '--assessment', mock.id, '--json', '--trust', trust!);
    const body = gapAnalysis.parse(JSON.parse(out.stdout));
    expect(body.assessment.id).toBe(mock.id);
    expect(body.scopes[0]?.label).toBe('All schools');
    const text = await sip(
      'analyse',
      'gaps',
      '--year',
      mock.academicYear,
      '--point',
      mock.collectionPoint,
      '--trust',
      trust!,
    );
    expect(text.stdout).toMatch(/^All schools · English: Disadvantaged \d\.\d \(\d+\)/m);
  }, 60_000);

  it('suggests, saves and imports through a column mapping, naming the file’s own columns', async () => {
    const trust = /^(\S+) .*\(demo\)$/m.exec((await sip('trusts', 'list')).stdout)?.[1];
    expect(trust).toBeDefined();
    const wide = join(dataDir, 'marksheet.csv');
    writeFileSync(
      wide,
      'UPN,Surname,Forename,Year,Maths Aut2,English Aut2\nA123456789012,Smith,Ann,10,5,Q\n',
    );
    const suggested = await sip('mappings', 'suggest', wide, '--trust', trust!);
    expect(JSON.parse(suggested.stdout)).toMatchObject({
      layout: 'wide',
      assessments: [
        { column: 'Maths Aut2', subject: 'Maths', collectionPoint: 'Aut2', gradeSet: 'gcse' },
        {},
      ],
    });
    const mapping = join(dataDir, 'mapping.json');
    writeFileSync(mapping, suggested.stdout);
    expect((await sip('mappings', 'save', 'Marksheet', mapping, '--trust', trust!)).stdout).toContain(
      'Saved mapping Marksheet (wide)',
    );
    expect((await sip('mappings', 'list', '--trust', trust!)).stdout).toContain('Marksheet  (wide)');
    const refused = sip('import', 'results', wide, '--mapping', 'Marksheet', '--dry-run', '--trust', trust!);
    await expect(refused).rejects.toMatchObject({
      stdout: expect.stringMatching(/row 2, UPN: No pupil with this UPN[\s\S]*row 2, English Aut2:/),
      stderr: expect.stringContaining('100%'),
    });
    await expect(
      sip('import', 'results', wide, '--mapping', 'Nothing saved', '--trust', trust!),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('A mapping named "Nothing saved"') });
  }, 120_000);

  it('explains a bad setting in one sentence and exits non-zero', async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'db', 'migrate'], {
        env: { ...env, DATABASE_URL: 'mysql://nope' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^Invalid setting DATABASE_URL/) });
  });
});
