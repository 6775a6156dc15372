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

  it('records SEN provision and FSM as the periods the file dates them', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><CTFversion>26.0</CTFversion><DateTime>2025-07-15T09:00:00</DateTime>
  <SourceSchool><LEA>380</LEA><Estab>2123</Estab><SchoolName>Hollybank</SchoolName></SourceSchool></Header>
<CTFpupilData><Pupil>
  <UPN>N380212319001</UPN><Surname>Okafor</Surname><Forename>Amara</Forename><DOB>2014-03-02</DOB><Sex>F</Sex>
  <BasicDetails><NCyearActual>6</NCyearActual></BasicDetails>
  <FSMhistory><FSMinstance><FSMstartDate>2022-02-01</FSMstartDate><FSMendDate>2023-06-30</FSMendDate></FSMinstance></FSMhistory>
  <SENhistory><SEN><StartDate>2020-09-07</StartDate><SENprovision>K</SENprovision></SEN>
    <SEN><StartDate>2024-01-08</StartDate><SENprovision>E</SENprovision></SEN></SENhistory>
  <SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds>
</Pupil></CTFpupilData></CTfile>`;
    const res = await importCtf(dm, t.schoolA, Buffer.from(xml));
    expect(res.json().status, res.body).toBe('committed');
    const pupil = await h.db
      .selectFrom('pupils')
      .where('upn', '=', 'N380212319001')
      .where('trust_id', '=', t.trustId)
      .select('id')
      .executeTakeFirstOrThrow();
    const periods = await h.db
      .selectFrom('pupil_characteristics')
      .where('pupil_id', '=', pupil.id)
      .select(['effective_from', 'effective_to', 'sen', 'sen_primary_need', 'fsm', 'disadvantaged'])
      .orderBy('effective_from')
      .execute();
    const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
    expect(periods.map((p) => [day(p.effective_from), p.sen, p.fsm, p.disadvantaged])).toEqual([
      ['2014-03-02', 'N', false, false],
      ['2020-09-07', 'K', false, false],
      ['2022-02-01', 'K', true, true],
      ['2023-07-01', 'K', false, true],
      ['2024-01-08', 'E', false, true],
      ['2025-07-15', 'E', false, true],
    ]);
    expect(periods.at(-1)).toMatchObject({ sen_primary_need: 'SLCN', effective_to: null });
    // Importing it again changes nothing.
    expect((await importCtf(dm, t.schoolA, Buffer.from(xml))).json().status).toBe('committed');
    const again = await h.db
      .selectFrom('pupil_characteristics')
      .where('pupil_id', '=', pupil.id)
      .select('effective_from')
      .execute();
    expect(again).toHaveLength(periods.length);
  });
});
