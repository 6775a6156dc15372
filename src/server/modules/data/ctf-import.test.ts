import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let dm: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  dm = await signIn(h, t.people.dataManagerA.email);
});

const file = readFileSync(new URL('../../../../test-data/ctf/ctf-26-year6-30.xml', import.meta.url));
const importCtf = (s: Session, schoolId: string, bytes: Buffer, dryRun = false) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/ctf',
    headers: s.headers,
    payload: { schoolId, filename: 'leavers.xml', contentBase64: bytes.toString('base64'), dryRun },
  });
const pupilsOf = (schoolId: string) =>
  h.db
    .selectFrom('pupils')
    .where('school_id', '=', schoolId)
    .select(['upn', 'year_group', 'disadvantaged', 'fsm', 'sen', 'eal', 'ks2_reading', 'ks2_maths'])
    .orderBy('upn')
    .execute();

describe('CTF import', () => {
  it('imports thirty pupils into a school, and importing the same file again changes nothing', async () => {
    const first = await importCtf(dm, t.schoolA, file);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'ctf', status: 'committed', rowsRead: 30, rowsAccepted: 30 });
    const before = await pupilsOf(t.schoolA);
    expect(before).toHaveLength(30);
    expect(before.find((p) => p.upn === 'U380245620001')).toMatchObject({
      year_group: 'Y6',
      disadvantaged: true,
      fsm: false,
      sen: 'K',
      ks2_reading: 90,
      ks2_maths: 88,
    });
    expect(before.filter((p) => p.disadvantaged)).toHaveLength(9);

    const again = await importCtf(dm, t.schoolA, file);
    expect(again.json()).toMatchObject({ status: 'committed', rowsAccepted: 30 });
    expect(await pupilsOf(t.schoolA)).toEqual(before);
  });

  it('records the source school and CTF version in the audit entry', async () => {
    const job = (await importCtf(dm, t.schoolA, file, true)).json();
    const entry = await h.db
      .selectFrom('audit_events')
      .where('entity_id', '=', job.id)
      .select('changes')
      .executeTakeFirstOrThrow();
    expect(entry.changes).toMatchObject({
      kind: 'ctf',
      status: 'validated',
      ctfVersion: '26.0',
      sourceSchool: { lea: '380', estab: '2456', name: 'Moorside Church of England Primary' },
    });
  });

  it('writes nothing when one pupil is bad, and reports where', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.dataManagerA.email);
    const broken = Buffer.from(file.toString('utf8').replace('<Sex>M</Sex>', '<Sex>X</Sex>'));
    const res = (await importCtf(s, tr.schoolA, broken)).json();
    expect(res).toMatchObject({ status: 'rejected', rowsAccepted: 0, rowsRejected: 1 });
    expect(res.rejected).toEqual([expect.objectContaining({ column: 'Pupil/Sex', value: 'X' })]);
    expect(await pupilsOf(tr.schoolA)).toEqual([]);
  });

  it('rejects a file that is not a CTF with one clear reason', async () => {
    const res = (await importCtf(dm, t.schoolA, Buffer.from('UPN,Given name\n'))).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/not well-formed XML|Not a Common Transfer File/),
      }),
    ]);
  });

  it('lets a data manager import only into their own school', async () => {
    expect((await importCtf(dm, t.schoolB, file)).statusCode).toBe(403);
  });
});
