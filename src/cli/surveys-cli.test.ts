import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'sip-cli-surveys-'));
// Always the embedded database in a temporary folder, whatever DATABASE_URL the suite runs with.
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
const sip = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sip surveys', () => {
  it('creates a survey, imports an export once however often it is run, and lists the count', async () => {
    await sip('demo', 'reset');
    const created = await sip(
      'surveys',
      'create',
      '--title',
      'Pupil voice',
      '--audience',
      'pupil',
      '--year',
      '2024/25',
      '--school',
      '990101',
    );
    const id = /: (\S+)$/m.exec(created.stdout)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const file = 'test-data/surveys/ms-forms-pupil-voice.csv';
    const first = await sip('surveys', 'import', id!, file, '--school', '990101');
    expect(first.stdout).toContain('Email: dropped');
    expect(first.stdout).toMatch(/committed: 40 rows read, 40 accepted/);
    const again = await sip('surveys', 'import', id!, file, '--school', '990101');
    expect(again.stdout).toMatch(/committed: 40 rows read, 0 accepted, 0 rejected, 40 skipped/);
    expect((await sip('surveys', 'list')).stdout).toMatch(
      /Pupil voice \(pupil, .+, 2024\/25\): 40 responses/,
    );
  }, 180_000);
});
