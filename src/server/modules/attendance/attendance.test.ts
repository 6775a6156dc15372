import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { seedSyntheticPupils } from '../data/seed-pupils';
import { orgRepository } from '../org/org.repository';
import { pupilHistoryRepository } from '../pupils/pupils.repository';
import { isPersistentlyAbsent } from './measures';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

async function trustWithPupils() {
  const t = await buildTrust(h);
  const urn = async (id: string) => (await orgRepository.findSchool(h.db, t.trustId, id))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: await urn(t.schoolA), phase: 'secondary', effect: 0, size: 40 },
    { id: t.schoolB, urn: await urn(t.schoolB), phase: 'primary', effect: 0, size: 20 },
  ]);
  const pupils = await h.db
    .selectFrom('pupils')
    .where('trust_id', '=', t.trustId)
    .select(['upn', 'school_id', 'disadvantaged'])
    .orderBy('upn')
    .execute();
  return {
    t,
    admin: await signIn(h, t.people.admin.email),
    pupils: pupils.map((p) => ({ ...p, upn: p.upn! })),
  };
}

const send = (s: Session, url: string, payload: object) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const rows = async (trustId: string) =>
  Number(
    (
      await h.db
        .selectFrom('attendance_records')
        .where('trust_id', '=', trustId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A pupil's disadvantage, both as held now and in their open characteristics period. */
async function setDisadvantaged(trustId: string, upns: string[], disadvantaged: boolean) {
  const ids = (
    await h.db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'in', upns)
      .select('id')
      .execute()
  ).map((p) => p.id);
  await h.db.updateTable('pupils').set({ disadvantaged }).where('id', 'in', ids).execute();
  await h.db
    .updateTable('pupil_characteristics')
    .set({ disadvantaged })
    .where('pupil_id', 'in', ids)
    .execute();
}

describe('attendance imports', () => {
  it('imports a term of attendance (dd/mm/yyyy dates), and shows attendance and persistent absence by group', async () => {
    const f = await trustWithPupils();
    // Every seventh pupil misses 20 of 140 sessions (persistent); the rest miss 7.
    const lines = f.pupils.map((p, i) => `${p.upn},01/09/2025,19/12/2025,140,${i % 7 === 0 ? 120 : 133}`);
    const file = ['UPN,Period start,Period end,Possible sessions,Attended sessions', ...lines].join('\r\n');
    const res = await send(f.admin, '/imports/attendance', {
      filename: 'autumn.csv',
      contentBase64: b64(file),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'attendance',
      status: 'committed',
      rowsAccepted: f.pupils.length,
    });

    const summary = await h.app.inject({
      method: 'GET',
      url: '/api/v1/attendance/summary',
      headers: f.admin.headers,
    });
    expect(summary.statusCode, summary.body).toBe(200);
    const body = summary.json();
    expect(body).toMatchObject({ academicYear: 2025, label: '2025/26', suppressionThreshold: null });
    const a = body.schools.find((s: { schoolId: string }) => s.schoolId === f.t.schoolA);
    const inA = f.pupils.map((p, i) => ({ ...p, i })).filter((p) => p.school_id === f.t.schoolA);
    const persistent = inA.filter((p) => isPersistentlyAbsent(140, p.i % 7 === 0 ? 120 : 133)).length;
    const attended = inA.reduce((s, p) => s + (p.i % 7 === 0 ? 120 : 133), 0);
    expect(a.groups[0]).toMatchObject({
      group: 'all',
      pupils: inA.length,
      attendancePct: Math.round((1000 * attended) / (140 * inA.length)) / 10,
      persistentAbsencePct: Math.round((1000 * persistent) / inA.length) / 10,
    });
    const dis = a.groups.find((g: { group: string }) => g.group === 'disadvantaged');
    expect(dis.pupils).toBe(inA.filter((p) => p.disadvantaged).length);
  });

  it('hides a group under the threshold, with its partner, from a governor', async () => {
    const f = await trustWithPupils();
    const file = [
      'upn,period_start,period_end,possible_sessions,attended_sessions',
      ...f.pupils.map((p) => `${p.upn},2025-09-01,2025-12-19,140,130`),
    ].join('\n');
    expect(
      (await send(f.admin, '/imports/attendance', { filename: 'a.csv', contentBase64: b64(file) }))
        .statusCode,
    ).toBe(201);
    // Make school A's disadvantaged group too small to publish (now and in the history).
    const a = f.pupils.filter((p) => p.school_id === f.t.schoolA);
    await setDisadvantaged(
      f.t.trustId,
      f.pupils.map((p) => p.upn),
      false,
    );
    await setDisadvantaged(
      f.t.trustId,
      a.slice(0, 3).map((p) => p.upn),
      true,
    );
    const governor = await signIn(h, f.t.people.governorA.email);
    const seen = (
      await h.app.inject({ method: 'GET', url: '/api/v1/attendance/summary', headers: governor.headers })
    ).json();
    expect(seen.suppressionThreshold).toBe(6);
    const groups = seen.schools[0].groups as { group: string; suppressed: boolean; pupils: number | null }[];
    expect(seen.schools).toHaveLength(1);
    expect(groups.find((g) => g.group === 'disadvantaged')).toMatchObject({ suppressed: true, pupils: null });
    expect(groups.find((g) => g.group === 'not_disadvantaged')).toMatchObject({
      suppressed: true,
      pupils: null,
    });
    expect(groups.find((g) => g.group === 'all')).toMatchObject({ suppressed: false, pupils: a.length });
    const staff = (
      await h.app.inject({ method: 'GET', url: '/api/v1/attendance/summary', headers: f.admin.headers })
    ).json();
    const adminA = staff.schools.find((s: { schoolId: string }) => s.schoolId === f.t.schoolA);
    expect(adminA.groups.find((g: { group: string }) => g.group === 'disadvantaged').pupils).toBe(3);
  });

  it('groups pupils as they were at the start of the year, not as they are now', async () => {
    const f = await trustWithPupils();
    const file = [
      'upn,period_start,period_end,possible_sessions,attended_sessions',
      ...f.pupils.map((p) => `${p.upn},2025-09-01,2025-12-19,140,130`),
    ].join('\n');
    await send(f.admin, '/imports/attendance', { filename: 'a.csv', contentBase64: b64(file) });
    const disOf = async () => {
      const s = (
        await h.app.inject({ method: 'GET', url: '/api/v1/attendance/summary', headers: f.admin.headers })
      ).json();
      return s.schools
        .find((x: { schoolId: string }) => x.schoolId === f.t.schoolA)
        .groups.find((g: { group: string }) => g.group === 'disadvantaged').pupils as number;
    };
    const before = await disOf();
    // One pupil not disadvantaged in the autumn becomes so from January: the autumn counts them as
    // they were, though their current record says disadvantaged.
    const pupil = f.pupils.find((p) => p.school_id === f.t.schoolA && !p.disadvantaged)!;
    const { id } = await h.db
      .selectFrom('pupils')
      .where('upn', '=', pupil.upn)
      .select('id')
      .executeTakeFirstOrThrow();
    const [held] = (await pupilHistoryRepository.historiesOf(h.db, f.t.trustId, [id])).get(id)!;
    await pupilHistoryRepository.replaceHistories(
      h.db,
      f.t.trustId,
      new Map([
        [
          id,
          [
            { ...held!, to: '2025-12-31' },
            { from: '2026-01-01', to: null, values: { ...held!.values, disadvantaged: true } },
          ],
        ],
      ]),
    );
    await h.db.updateTable('pupils').set({ disadvantaged: true }).where('id', '=', id).execute();
    expect(await disOf()).toBe(before);
  });

  it('rejects a file with bad rows, naming each, and writes nothing', async () => {
    const f = await trustWithPupils();
    const other = await trustWithPupils();
    const good = f.pupils[0]!.upn;
    const badLetter = `${good[0] === 'A' ? 'B' : 'A'}${good.slice(1)}`;
    const file = [
      'upn,period_start,period_end,possible_sessions,attended_sessions',
      `${good},01/09/2025,19/12/2025,140,130`,
      `${badLetter},01/09/2025,19/12/2025,140,130`,
      `${other.pupils[0]!.upn},01/09/2025,19/12/2025,140,130`,
      `${f.pupils[1]!.upn},01/09/2025,19/12/2025,140,150`,
      `${f.pupils[2]!.upn},31/13/2025,19/12/2025,140,100`,
      `${good},01/09/2025,19/12/2025,140,130`,
    ].join('\n');
    const res = await send(f.admin, '/imports/attendance', { filename: 'bad.csv', contentBase64: b64(file) });
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job.status).toBe('rejected');
    expect(job.rejected.map((r: { row: number }) => r.row)).toEqual(expect.arrayContaining([3, 4, 5, 6, 7]));
    expect(job.rejected.find((r: { row: number }) => r.row === 4).reason).toBe(
      'No pupil with this UPN in the trust',
    );
    expect(await rows(f.t.trustId)).toBe(0);

    const missing = await send(f.admin, '/imports/attendance', {
      filename: 'm.csv',
      contentBase64: b64('upn,period_start\nX,2025-09-01\n'),
    });
    expect(missing.json()).toMatchObject({ status: 'rejected' });
    expect(missing.json().rejected[0].reason).toMatch(/column/i);
    const empty = await send(f.admin, '/imports/attendance', { filename: 'e.csv', contentBase64: '' });
    expect(empty.json().status).toBe('rejected');
    expect(await rows(f.t.trustId)).toBe(0);
  });

  it('reads a Windows-1252 file, re-imports without duplicates, and deleting the import removes exactly its rows', async () => {
    const f = await trustWithPupils();
    const header = 'upn;period_start;period_end;possible_sessions;attended_sessions';
    const autumn = [
      header,
      ...f.pupils.slice(0, 10).map((p) => `${p.upn};01/09/2025;19/12/2025;140;130`),
    ].join('\r\n');
    const spring = [
      header,
      ...f.pupils.slice(0, 10).map((p) => `${p.upn};05/01/2026;27/03/2026;120;110`),
    ].join('\r\n');
    const first = (
      await send(f.admin, '/imports/attendance', {
        filename: 'autumn.csv',
        contentBase64: b64(Buffer.from(autumn, 'latin1')),
      })
    ).json();
    expect(first.status).toBe('committed');
    expect(
      (
        await send(f.admin, '/imports/attendance', { filename: 'autumn.csv', contentBase64: b64(autumn) })
      ).json().status,
    ).toBe('committed');
    expect(await rows(f.t.trustId)).toBe(10);
    const second = (
      await send(f.admin, '/imports/attendance', { filename: 'spring.csv', contentBase64: b64(spring) })
    ).json();
    expect(await rows(f.t.trustId)).toBe(20);
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/imports/${second.id}`,
      headers: f.admin.headers,
    });
    expect(del.json()).toEqual({ deletedRows: 10 });
    expect(await rows(f.t.trustId)).toBe(10);
  });

  it('lets a school import only its own pupils, and a governor not at all', async () => {
    const f = await trustWithPupils();
    const head = await signIn(h, f.t.people.headA.email);
    const inB = f.pupils.find((p) => p.school_id === f.t.schoolB)!;
    const file = `upn,period_start,period_end,possible_sessions,attended_sessions\n${inB.upn},2025-09-01,2025-12-19,140,130\n`;
    const res = await send(head, '/imports/attendance', {
      schoolId: f.t.schoolA,
      filename: 'a.csv',
      contentBase64: b64(file),
    });
    expect(res.json().rejected[0].reason).toBe('This pupil is not at the chosen school');
    const governor = await signIn(h, f.t.people.governorA.email);
    expect(
      (
        await send(governor, '/imports/attendance', {
          schoolId: f.t.schoolA,
          filename: 'a.csv',
          contentBase64: b64(file),
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('staff records and retention', () => {
  it('imports staff and works out retention as in the worked example', async () => {
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    const urn = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!.urn;
    h.clock.set('2026-10-01');
    const file = [
      'staff_ref,school_urn,role,start_date,leave_date,fte',
      `HR001,${urn},teacher,01/09/2019,,1`,
      `HR002,${urn},teacher,01/09/2022,31/08/2025,0.8`,
      `HR003,${urn},teaching assistant,01/09/2024,,0.6`,
      `HR004,${urn},leader,01/01/2025,,1`,
    ].join('\n');
    const res = await send(admin, '/imports/staff', { filename: 'staff.csv', contentBase64: b64(file) });
    expect(res.json(), res.body).toMatchObject({ status: 'committed', rowsAccepted: 4 });
    const seen = (
      await h.app.inject({ method: 'GET', url: '/api/v1/staff/retention', headers: admin.headers })
    ).json();
    const year = seen.schools[0].years.find((y: { academicYear: number }) => y.academicYear === 2024);
    expect(year).toMatchObject({
      inPostAtStart: 3,
      stillInPost: 2,
      retentionPct: 66.7,
      inProgress: false,
      suppressed: false,
    });
    const current = seen.schools[0].years.find((y: { academicYear: number }) => y.academicYear === 2026);
    expect(current.inProgress).toBe(true);

    // A governor sees no figure resting on fewer staff than the threshold: one leaver would show.
    const governor = await signIn(h, t.people.governorA.email);
    const governed = (
      await h.app.inject({ method: 'GET', url: '/api/v1/staff/retention', headers: governor.headers })
    ).json();
    h.clock.set(null);
    const hidden = governed.schools[0].years.find((y: { academicYear: number }) => y.academicYear === 2024);
    expect(hidden).toEqual({
      academicYear: 2024,
      label: '2024/25',
      inPostAtStart: null,
      stillInPost: null,
      retentionPct: null,
      suppressed: true,
      inProgress: false,
    });
  });

  it('rejects a row for a school outside the trust and an email used as a staff reference', async () => {
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    const file =
      'staff_ref,school_urn,role,start_date\nHR1,999999,teacher,2020-09-01\nsam@school.org,,teacher,2020-09-01\n';
    const res = (await send(admin, '/imports/staff', { filename: 's.csv', contentBase64: b64(file) })).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected.map((r: { column: string }) => r.column).sort()).toEqual(['school_urn', 'staff_ref']);
  });
});

describe('GIAS extracts', () => {
  const extract = () => readFileSync('test-data/gias/edubasealldata-sample.csv').toString('base64');
  const links = () => readFileSync('test-data/gias/allgroupslinksdata-sample.csv').toString('base64');

  it('previews, then creates and updates the trust’s schools with their join dates, leaving others alone', async () => {
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    await h.db
      .updateTable('schools')
      .set({ urn: '141001', name: 'Aire Valley Primary' })
      .where('id', '=', t.schoolA)
      .execute();
    const body = {
      filename: 'edubasealldata20251101.csv',
      establishmentsBase64: extract(),
      linksBase64: links(),
      groupUid: '5001',
    };
    const dry = await send(admin, '/imports/gias', { ...body, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(201);
    const preview = dry.json().preview;
    expect(preview.create.map((c: { urn: string }) => c.urn).sort()).toEqual(['141002', '141003', '141004']);
    expect(preview.update[0].urn).toBe('141001');
    const schoolsBefore = await orgRepository.listSchools(h.db, t.trustId);
    expect(schoolsBefore).toHaveLength(2);

    const done = await send(admin, '/imports/gias', body);
    expect(done.json(), done.body).toMatchObject({ status: 'committed' });
    const after = await orgRepository.listSchools(h.db, t.trustId);
    const byUrn = new Map(after.map((s) => [s.urn, s]));
    expect(byUrn.get('141001')!.name).toBe('Aire Valley Primary Academy');
    expect(byUrn.get('141002')).toMatchObject({ phase: 'secondary', joined_trust_on: '2016-09-01' });
    expect(byUrn.get('141003')!.phase).toBe('special');
    // Read from Windows-1252 without mangling the accent or the apostrophe.
    expect(byUrn.get('141004')!.name).toBe('St Ren\u00e9e\u2019s Church of England Primary');
    expect(byUrn.has('141005')).toBe(false);
    expect(byUrn.has('151999')).toBe(false);
    expect(byUrn.has((await orgRepository.findSchool(h.db, t.trustId, t.schoolB))!.urn)).toBe(true);

    const again = (await send(admin, '/imports/gias', { ...body, dryRun: true })).json().preview;
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
  });

  it('reports URNs asked for that the extract lacks, and refuses a governor', async () => {
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    const res = (
      await send(admin, '/imports/gias', {
        filename: 'e.csv',
        establishmentsBase64: extract(),
        urns: ['141002', '100000'],
        dryRun: true,
      })
    ).json();
    expect(res.preview.unknownUrns).toEqual(['100000']);
    const governor = await signIn(h, t.people.governorA.email);
    expect(
      (
        await send(governor, '/imports/gias', {
          filename: 'e.csv',
          establishmentsBase64: extract(),
          urns: ['141002'],
        })
      ).statusCode,
    ).toBe(403);
  });
});
