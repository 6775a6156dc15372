import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
    const mock = list.assessments.find((a) => a.name === 'Year 11 maths mock')!;
    const out = await sip('analyse', 'gaps', '--assessment', mock.id, '--json', '--trust', trust!);
    const body = gapAnalysis.parse(JSON.parse(out.stdout));
    expect(body.assessment.id).toBe(mock.id);
    expect(body.scopes[0]?.label).toBe('All schools');
    const text = await sip('analyse', 'gaps', '--year', '2025/26', '--point', 'Spring 1', '--trust', trust!);
    expect(text.stdout).toMatch(/^All schools · English: Disadvantaged \d\.\d \(\d+\)/m);
  }, 60_000);

  it('explains a bad setting in one sentence and exits non-zero', async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'db', 'migrate'], {
        env: { ...env, DATABASE_URL: 'mysql://nope' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^Invalid setting DATABASE_URL/) });
  });
});
