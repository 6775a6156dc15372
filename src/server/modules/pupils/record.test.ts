import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { seedSyntheticPupils } from '../data/seed-pupils';
import { orgRepository } from '../org/org.repository';

let h: Harness;
let t: TrustFixture;
let admin: Session;
let dataManager: Session;
let teacher: Session;
let headB: Session;
let governor: Session;
type Pupil = { id: string; upn: string; given_name: string; family_name: string; school_id: string };
let pupil: Pupil;

const get = (s: Session, url: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });
const post = (s: Session, url: string, payload: object) =>
  h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });
const put = (s: Session, url: string, payload: object) =>
  h.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: s.headers, payload });

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  const urn = async (id: string) => (await orgRepository.findSchool(h.db, t.trustId, id))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: await urn(t.schoolA), phase: 'secondary', effect: 0, size: 30 },
    { id: t.schoolB, urn: await urn(t.schoolB), phase: 'primary', effect: 0, size: 10 },
  ]);
  admin = await signIn(h, t.people.admin.email);
  dataManager = await signIn(h, t.people.dataManagerA.email);
  teacher = await signIn(h, t.people.teacherA.email);
  headB = await signIn(h, t.people.headB.email);
  governor = await signIn(h, t.people.governorA.email);
  pupil = (await h.db
    .selectFrom('pupils')
    .where('school_id', '=', t.schoolA)
    .select(['id', 'upn', 'given_name', 'family_name', 'school_id'])
    .orderBy('upn')
    .executeTakeFirstOrThrow()) as Pupil;
});

describe('finding a pupil', () => {
  it('finds a school’s pupils by part of a name or by UPN, and only in schools the reader may see', async () => {
    const byName = await get(dataManager, `/pupils?schoolId=${t.schoolA}&q=${pupil.family_name.slice(0, 4)}`);
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json().pupils.map((p: { id: string }) => p.id)).toContain(pupil.id);
    // Every pupil found has the text somewhere in their name.
    for (const p of byName.json().pupils)
      expect(`${p.givenName} ${p.familyName}`.toLowerCase()).toContain(
        pupil.family_name.slice(0, 4).toLowerCase(),
      );

    const full = encodeURIComponent(`${pupil.given_name} ${pupil.family_name}`);
    // Two pupils may share a name; every one found has it.
    const named = (await get(teacher, `/pupils?schoolId=${t.schoolA}&q=${full}`)).json().pupils;
    expect(named.map((p: { id: string }) => p.id)).toContain(pupil.id);
    for (const p of named)
      expect(`${p.givenName} ${p.familyName}`).toBe(`${pupil.given_name} ${pupil.family_name}`);
    const byUpn = await get(admin, `/pupils?schoolId=${t.schoolA}&q=${pupil.upn.toLowerCase()}`);
    expect(byUpn.json()).toEqual({
      pupils: [expect.objectContaining({ id: pupil.id, onRoll: true })],
      more: false,
    });
    // Wildcards are plain text, not patterns.
    expect((await get(admin, `/pupils?schoolId=${t.schoolA}&q=%25%25`)).json().pupils).toEqual([]);

    expect((await get(admin, `/pupils?schoolId=${t.schoolA}&q=a`)).statusCode).toBe(400);
    expect((await get(headB, `/pupils?schoolId=${t.schoolA}&q=ab`)).statusCode).toBe(403);
    expect((await get(governor, `/pupils?schoolId=${t.schoolA}&q=ab`)).statusCode).toBe(403);
  });
});

describe('a pupil’s record', () => {
  it('gathers characteristics, results in their notation, attendance and interventions', async () => {
    const attendance = await post(admin, '/imports/attendance', {
      filename: 'autumn.csv',
      contentBase64: Buffer.from(
        `upn,period_start,period_end,possible_sessions,attended_sessions\n${pupil.upn},2025-09-01,2025-12-19,140,120\n`,
      ).toString('base64'),
    });
    expect(attendance.statusCode, attendance.body).toBe(201);
    const iv = (
      await post(admin, '/interventions', {
        schoolId: t.schoolA,
        name: 'Year 11 maths tutoring',
        type: 'tutoring',
        startsOn: '2025-10-01',
        endsOn: '2026-03-01',
        plannedSessions: 10,
      })
    ).json();
    await post(admin, `/interventions/${iv.id}/pupils`, {
      version: 1,
      pupilIds: [pupil.id],
      joinedOn: '2025-10-01',
    });
    await put(admin, `/interventions/${iv.id}/sessions`, {
      version: 2,
      heldOn: '2025-10-06',
      attendedPupilIds: [pupil.id],
    });
    await put(admin, `/interventions/${iv.id}/sessions`, {
      version: 3,
      heldOn: '2025-10-13',
      attendedPupilIds: [],
    });

    const res = await get(dataManager, `/pupils/${pupil.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json();
    expect(record.pupil).toMatchObject({ id: pupil.id, upn: pupil.upn, schoolId: t.schoolA, onRoll: true });
    expect(record.current.sen).toMatch(/^[NKE]$/);
    const stored = await h.db
      .selectFrom('results')
      .where('pupil_id', '=', pupil.id)
      .select('value')
      .execute();
    expect(record.results).toHaveLength(stored.length);
    expect(record.results.length).toBeGreaterThan(0);
    for (const r of record.results) expect(r.result).not.toBe('');
    expect(record.attendance).toEqual([
      {
        from: '2025-09-01',
        to: '2025-12-19',
        possible: 140,
        attended: 120,
        percent: 85.7,
        persistentAbsence: true,
      },
    ]);
    expect(record.interventions).toEqual([
      expect.objectContaining({
        id: iv.id,
        name: 'Year 11 maths tutoring',
        sessionsHeld: 2,
        sessionsAttended: 1,
      }),
    ]);
  });

  it('shows the UPN only to those who keep the school’s data, and the record only to the school’s staff', async () => {
    const forTeacher = await get(teacher, `/pupils/${pupil.id}`);
    expect(forTeacher.statusCode).toBe(200);
    expect(forTeacher.json().pupil.upn).toBeNull();
    expect((await get(headB, `/pupils/${pupil.id}`)).statusCode).toBe(403);
    expect((await get(governor, `/pupils/${pupil.id}`)).statusCode).toBe(403);
    const other = await buildTrust(h);
    const outsider = await signIn(h, other.people.admin.email);
    expect((await get(outsider, `/pupils/${pupil.id}`)).statusCode).toBe(404);
  });
});
