import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgRepository } from '../../modules/org/org.repository';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { parseKs4 } from './ks4-file';

const REAL_FILE = new URL('../../../../test-data/dfe/england_ks4provisional.csv', import.meta.url);
const real = readFileSync(REAL_FILE, 'utf8');

let h: Harness;
let t: TrustFixture;
let admin: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
});

const post = (payload: object, s: Session = admin) =>
  h.app.inject({ method: 'POST', url: '/api/v1/imports/ks4-performance', headers: s.headers, payload });
const rowsOf = async (trustId: string) =>
  (await h.db.selectFrom('published_outcomes').where('trust_id', '=', trustId).select('id').execute()).length;

describe('the real DfE 2019 KS4 file', () => {
  it('parses every row: schools with and without data, local authority and national totals', () => {
    const { rows, rejected, rowsRead } = parseKs4(real);
    expect(rejected).toEqual([]);
    expect(rows.length).toBe(rowsRead);
    const levels = new Set(rows.map((r) => r.recordLevel));
    expect([...levels].sort()).toEqual([
      'local_authority',
      'national_all',
      'national_state_funded',
      'school',
      'special_school',
    ]);
    const acland = rows.find((r) => r.urn === '100053')!;
    expect(acland.measures).toMatchObject({
      ATT8SCR: 47.2,
      P8MEA: -0.08,
      P8CILOW: -0.3,
      PTL2BASICS_94: 66.2,
      P8_BANDING: 3,
    });
    const independent = rows.find((r) => r.urn === '100003')!;
    expect(independent.measures.ATT8SCR).toBeNull();
    expect(independent.missing.ATT8SCR).toBe('NA');
    const suppressed = rows.find((r) => r.missing.P8_BANDING === 'SUPP');
    expect(suppressed?.measures.P8_BANDING).toBeNull();
  });

  it('imports through the API, replaces itself on re-import, and deletes exactly its rows', async () => {
    const first = await post({ year: 2019, filename: 'england_ks4provisional.csv', content: real });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'committed', rowsRejected: 0 });
    const n = await rowsOf(t.trustId);
    expect(n).toBe(first.json().rowsAccepted);
    const again = await post({ year: 2019, filename: 'england_ks4provisional.csv', content: real });
    expect(await rowsOf(t.trustId)).toBe(n);
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/imports/${again.json().id}`,
      headers: admin.headers,
    });
    expect(del.json().deletedRows).toBe(n);
    expect(await rowsOf(t.trustId)).toBe(0);
  });

  it('shows a trust school its own published results beside its local authority and England', async () => {
    const tr = await buildTrust(h);
    const a = await signIn(h, tr.people.admin.email);
    await h.db.updateTable('schools').set({ urn: '100053' }).where('id', '=', tr.schoolA).execute();
    await post({ year: 2019, filename: 'ks4.csv', content: real }, a);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/schools/${tr.schoolA}/published-outcomes`,
      headers: a.headers,
    });
    const levels = res.json().outcomes.map((o: { recordLevel: string }) => o.recordLevel);
    expect(levels).toContain('school');
    expect(levels).toContain('local_authority');
    expect(levels).toContain('national_state_funded');
    void orgRepository;
  });
});

describe('bad KS4 files', () => {
  it('rejects the whole file when one row is bad, reports it, and writes nothing', async () => {
    const tr = await buildTrust(h);
    const a = await signIn(h, tr.people.admin.email);
    const lines = real.split('\n');
    lines[1500] = lines[1500]!.replace(/,47\.\d,|,\d\d\.\d,/, ',forty,');
    const res = await post({ year: 2019, filename: 'broken.csv', content: lines.join('\n') }, a);
    expect(res.json().status).toBe('rejected');
    expect(res.json().rejected[0]).toMatchObject({ row: 1501 });
    expect(await rowsOf(tr.trustId)).toBe(0);
    const report = await h.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${res.json().id}/rejected`,
      headers: a.headers,
    });
    expect(report.body.split('\n')[0]).toBe('row,column,value,reason');
  });

  it('names missing columns, refuses an empty file, and keeps formula-like values inert in the report', async () => {
    const missing = await post({ year: 2019, filename: 'x.csv', content: 'RECTYPE,URN\n1,100053\n' });
    expect(missing.json()).toMatchObject({ status: 'rejected' });
    expect(missing.json().rejected[0].column).toContain('ATT8SCR');
    const empty = await post({ year: 2019, filename: 'x.csv', content: '' });
    expect(empty.statusCode).toBe(400);
    const formula = await post({
      year: 2019,
      filename: 'f.csv',
      content: 'RECTYPE,LEA,URN,SCHNAME,ATT8SCR,P8MEA\n1,202,100053,School,=1+2,0.1\n',
    });
    const report = await h.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${formula.json().id}/rejected`,
      headers: admin.headers,
    });
    expect(report.body).toContain("'=1+2");
  });

  it('lets only trust administrators import', async () => {
    const dm = await signIn(h, t.people.dataManagerA.email);
    expect((await post({ year: 2019, filename: 'x.csv', content: real }, dm)).statusCode).toBe(403);
  });
});
