import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRows } from './copy';
import { openDatabase } from './database';

const dir = mkdtempSync(join(tmpdir(), 'sip-db-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database in a data directory', () => {
  it('is created on first open, keeps its data, and runs with its small buffer pool', async () => {
    const first = await openDatabase({ dataDir: dir });
    await sql`create table kept (id int primary key, label text)`.execute(first.db);
    // Bytes, as the results writer sends them, and text.
    const bytes = new TextEncoder().encode('1,one\n2,"two, with a comma"\n');
    expect(await copyRows(first.db, 'kept', ['id', 'label'], bytes)).toBe(2);
    expect(await copyRows(first.db, 'kept', ['id', 'label'], '3,three\n')).toBe(1);
    await first.close();

    const again = await openDatabase({ dataDir: dir });
    const rows = await sql<{ id: number; label: string }>`select id, label from kept order by id`.execute(
      again.db,
    );
    expect(rows.rows).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two, with a comma' },
      { id: 3, label: 'three' },
    ]);
    const buffers = await sql<{
      setting: string;
    }>`select current_setting('shared_buffers') as setting`.execute(again.db);
    expect(buffers.rows[0]!.setting).toBe('32MB');
    await again.close();
  }, 60_000);
});
