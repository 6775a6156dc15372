import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { upnCheckLetter } from './upn';

let h: Harness;
let t: TrustFixture;
let dm: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  dm = await signIn(h, t.people.dataManagerA.email);
});

const upn = (serial: number) => {
  const rest = `380999926${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(rest)}${rest}`;
};
const header = 'UPN,Given name,Family name,Date of birth,Sex,Year group,Disadvantaged,FSM,SEN,EAL,Ethnicity';
const file = (rows: string[]) => Buffer.from([header, ...rows].join('\n')).toString('base64');
const importFile = (s: Session, schoolId: string, contentBase64: string, dryRun = false) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/pupils',
    headers: s.headers,
    payload: { schoolId, filename: 'pupils.csv', contentBase64, dryRun },
  });
const count = async (schoolId: string) =>
  (await h.db.selectFrom('pupils').where('school_id', '=', schoolId).select('id').execute()).length;

describe('pupil import', () => {
  const rows = Array.from(
    { length: 40 },
    (_, i) =>
      `${upn(i + 1)},Pupil,${i + 1},01/09/2011,${i % 2 ? 'M' : 'F'},Y9,${i % 4 ? 'N' : 'Y'},N,N,N,WBRI`,
  );

  it('imports a school’s pupils, and importing the same file again changes nothing', async () => {
    const first = await importFile(dm, t.schoolA, file(rows));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'committed', rowsAccepted: 40 });
    await importFile(dm, t.schoolA, file(rows));
    expect(await count(t.schoolA)).toBe(40);
  });

  it('writes nothing when one row is bad, and reports the row', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.dataManagerA.email);
    const broken = [...rows];
    broken[29] = broken[29]!.replace('01/09/2011', '31/09/2011');
    const res = (await importFile(s, tr.schoolA, file(broken))).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected).toEqual([expect.objectContaining({ row: 31, column: 'date_of_birth' })]);
    expect(await count(tr.schoolA)).toBe(0);
  });

  it('validates without writing on a dry run', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.dataManagerA.email);
    expect((await importFile(s, tr.schoolA, file(rows), true)).json().status).toBe('validated');
    expect(await count(tr.schoolA)).toBe(0);
  });

  it('lets a data manager import only for their own school, and refuses a body over the size limit', async () => {
    expect((await importFile(dm, t.schoolB, file(rows))).statusCode).toBe(403);
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/pupils',
      headers: { ...dm.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        schoolId: t.schoolA,
        filename: 'x.csv',
        contentBase64: 'A'.repeat(41 * 1024 * 1024),
      }),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('stores formula-like names as text, escapes them on export, and imports the export back unchanged', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.dataManagerA.email);
    const names = ['=HYPERLINK("http://evil.example","x")', '+SUM(A1:A9)', '-1+1', '@import'];
    const risky = names.map(
      (n, i) =>
        `${upn(200 + i)},${n.includes(',') ? `"${n.replaceAll('"', '""')}"` : n},@Smith,01/09/2011,F,Y9,N,N,N,N,WBRI`,
    );
    expect((await importFile(s, tr.schoolA, file(risky))).statusCode).toBe(201);
    const stored = async () =>
      (
        await h.db
          .selectFrom('pupils')
          .where('school_id', '=', tr.schoolA)
          .select(['given_name', 'family_name'])
          .execute()
      )
        .map((p) => [p.given_name, p.family_name])
        .sort();
    expect(await stored()).toEqual(names.map((n) => [n, '@Smith']).sort());

    const exported = await h.app.inject({
      method: 'GET',
      url: `/api/v1/pupils/export.csv?schoolId=${tr.schoolA}`,
      headers: s.headers,
    });
    // No cell of the export starts a formula when opened in a spreadsheet.
    const cells = parse(exported.body) as string[][];
    for (const cell of cells.flat()) expect(cell).not.toMatch(/^[=+@]|^-[^\d]/);
    expect(
      cells
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(names.map((n) => `'${n}`).sort());

    // The export imports back to exactly the names stored.
    const again = await importFile(s, tr.schoolA, Buffer.from(exported.body).toString('base64'));
    expect(again.statusCode, again.body).toBe(201);
    expect(await stored()).toEqual(names.map((n) => [n, '@Smith']).sort());
  });
});
