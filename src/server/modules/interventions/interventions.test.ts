import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { seedInterventionTrial } from '../data/seed-pupils';
import { upnCheckLetter } from '../data/upn';

let h: Harness;
let t: TrustFixture;
let head: Session;
let urn = 300000;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (s: Session, method: Method, url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

const base = (schoolId: string) => ({
  schoolId,
  name: 'Year 8 reading catch-up',
  type: 'reading_catch_up',
  startsOn: '2025-10-01',
  endsOn: '2026-03-01',
  plannedSessions: 20,
});
/** Pupils with results at a school, through the synthetic trial seeder. */
const pupilsAt = async (schoolId: string, size: number) => {
  const trial = await seedInterventionTrial(
    h.db,
    t.trustId,
    { id: schoolId, urn: String(++urn) },
    {
      effect: 0,
      size,
      seed: urn,
      name: `Trial ${urn}`,
    },
  );
  const ids = [...trial.interventionPupilIds, ...trial.comparisonPupilIds];
  const rows = await h.db.selectFrom('pupils').where('id', 'in', ids).select(['id', 'upn']).execute();
  return rows.map((r) => ({ id: r.id, upn: r.upn! }));
};
const auditActions = async (id: string) =>
  (
    await h.db
      .selectFrom('audit_events')
      .where('trust_id', '=', t.trustId)
      .where('entity_id', '=', id)
      .select('action')
      .orderBy('at')
      .execute()
  ).map((a) => a.action);

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  head = await signIn(h, t.people.headA.email);
});

describe('the interventions register', () => {
  it('creates, lists with filters, edits and deletes an intervention, auditing every write', async () => {
    const created = await call(head, 'POST', '/interventions', base(t.schoolA));
    expect(created.statusCode).toBe(201);
    const iv = created.json();
    expect(iv).toMatchObject({
      name: 'Year 8 reading catch-up',
      status: 'planned',
      version: 1,
      pupilCount: 0,
    });
    expect(iv.canEdit).toBe(true);

    const listed = (q: string) =>
      call(head, 'GET', `/interventions?${q}`).then((r) => r.json().interventions);
    expect((await listed('type=reading_catch_up')).map((i: { id: string }) => i.id)).toContain(iv.id);
    expect((await listed('type=tutoring')).map((i: { id: string }) => i.id)).not.toContain(iv.id);
    expect((await listed(`schoolId=${t.schoolB}`)).length).toBe(0);

    const { schoolId: _s, ...fields } = base(t.schoolA);
    const edited = await call(head, 'PATCH', `/interventions/${iv.id}`, {
      ...fields,
      version: 1,
      status: 'running',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'running', version: 2 });
    expect((await listed('status=running')).map((i: { id: string }) => i.id)).toContain(iv.id);

    const stale = await call(head, 'PATCH', `/interventions/${iv.id}`, {
      ...fields,
      version: 1,
      name: 'Lost',
    });
    expect(stale.statusCode).toBe(409);
    expect((await call(head, 'DELETE', `/interventions/${iv.id}?version=1`)).statusCode).toBe(409);
    expect((await call(head, 'DELETE', `/interventions/${iv.id}?version=2`)).statusCode).toBe(200);
    expect((await call(head, 'GET', `/interventions/${iv.id}`)).statusCode).toBe(404);
    expect(await auditActions(iv.id)).toEqual(['create', 'update', 'delete']);
  });

  it('rejects an end before the start and unknown fields with a 400', async () => {
    const bad = await call(head, 'POST', '/interventions', { ...base(t.schoolA), endsOn: '2025-09-01' });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(head, 'POST', '/interventions', { ...base(t.schoolA), colour: 'red' })).statusCode,
    ).toBe(400);
  });

  it('lets leaders and the school’s staff edit, shows pupils only to pupil readers, and hides small counts', async () => {
    const iv = (await call(head, 'POST', '/interventions', base(t.schoolA))).json();
    const pupils = await pupilsAt(t.schoolA, 4);
    const teacher = await signIn(h, t.people.teacherA.email);
    const added = await call(teacher, 'POST', `/interventions/${iv.id}/pupils`, {
      version: 1,
      pupilIds: pupils.map((p) => p.id),
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().pupils).toHaveLength(4);
    // A department's middle leader is school staff too.
    const englishLead = await signIn(h, t.people.englishLeadA.email);
    const { schoolId: _s, ...fields } = base(t.schoolA);
    expect(
      (await call(englishLead, 'PATCH', `/interventions/${iv.id}`, { ...fields, version: 2 })).statusCode,
    ).toBe(200);

    const governor = await signIn(h, t.people.governorA.email);
    const seen = (await call(governor, 'GET', `/interventions/${iv.id}`)).json();
    expect(seen).toMatchObject({
      pupilLevel: false,
      canEdit: false,
      pupils: null,
      sessions: null,
      pupilCount: null,
    });
    expect(JSON.stringify(seen)).not.toContain(pupils[0]!.id);
    expect(
      (await call(governor, 'PATCH', `/interventions/${iv.id}`, { ...fields, version: 3 })).statusCode,
    ).toBe(403);
    const headB = await signIn(h, t.people.headB.email);
    expect((await call(headB, 'GET', `/interventions/${iv.id}`)).statusCode).toBe(403);
    expect((await call(headB, 'POST', '/interventions', base(t.schoolA))).statusCode).toBe(403);
  });

  it('keeps each trust’s interventions and pupils to itself', async () => {
    const iv = (await call(head, 'POST', '/interventions', base(t.schoolA))).json();
    const other = await buildTrust(h);
    const otherAdmin = await signIn(h, other.people.admin.email);
    expect((await call(otherAdmin, 'GET', `/interventions/${iv.id}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', `/interventions/${iv.id}/impact`)).statusCode).toBe(404);
    const theirs = (await call(otherAdmin, 'GET', '/interventions')).json().interventions;
    expect(theirs.map((i: { id: string }) => i.id)).not.toContain(iv.id);
    // Their own intervention cannot take this trust's pupils.
    const mine = (await call(otherAdmin, 'POST', '/interventions', base(other.schoolA))).json();
    const pupils = await pupilsAt(t.schoolA, 2);
    const res = await call(otherAdmin, 'POST', `/interventions/${mine.id}/pupils`, {
      version: 1,
      pupilIds: [pupils[0]!.id],
    });
    expect(res.statusCode).toBe(400);
    const csv = await call(otherAdmin, 'POST', `/interventions/${mine.id}/pupils/upns`, {
      version: 1,
      csv: `UPN\n${pupils[0]!.upn}\n`,
    });
    expect(csv.json().error.details.rejected[0].reason).toBe('No pupil in the trust has this UPN.');
  });

  it('adds pupils from a CSV of UPNs all or nothing, explaining every rejected row', async () => {
    const iv = (await call(head, 'POST', '/interventions', base(t.schoolA))).json();
    const mine = await pupilsAt(t.schoolA, 3);
    const elsewhere = await pupilsAt(t.schoolB, 1);
    const good = mine[0]!.upn;
    const badLetter = `${good[0] === 'A' ? 'B' : 'A'}${good.slice(1)}`;
    const rest = '999999999999';
    const unknown = `${upnCheckLetter(rest)}${rest}`;
    const res = await call(head, 'POST', `/interventions/${iv.id}/pupils/upns`, {
      version: 1,
      csv: `UPN,Name\n${good},A\n${badLetter},B\n${elsewhere[0]!.upn},C\n${unknown},D\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rejected).toEqual([
      {
        row: 3,
        column: 'UPN',
        value: badLetter,
        reason: 'The check letter does not match the rest of the UPN.',
      },
      {
        row: 4,
        column: 'UPN',
        value: elsewhere[0]!.upn,
        reason: "This pupil is not on the intervention's school roll.",
      },
      { row: 5, column: 'UPN', value: unknown, reason: 'No pupil in the trust has this UPN.' },
    ]);
    const after = (await call(head, 'GET', `/interventions/${iv.id}`)).json();
    expect(after).toMatchObject({ pupilCount: 0, version: 1 });

    const ok = await call(head, 'POST', `/interventions/${iv.id}/pupils/upns`, {
      version: 1,
      csv: mine.map((p) => p.upn).join('\n'),
      joinedOn: '2025-10-01',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok
        .json()
        .pupils.map((p: { pupilId: string }) => p.pupilId)
        .sort(),
    ).toEqual(mine.map((p) => p.id).sort());
    const again = await call(head, 'POST', `/interventions/${iv.id}/pupils/upns`, { version: 2, csv: good });
    expect(again.json().error.details.rejected[0].reason).toBe('This pupil is already in the intervention.');
    expect(await auditActions(iv.id)).toEqual(['create', 'add_pupils_from_upns']);
  });

  it('records sessions as a grid and gives each pupil their attendance rate and dosage', async () => {
    const iv = (
      await call(head, 'POST', '/interventions', { ...base(t.schoolA), plannedSessions: 4 })
    ).json();
    const [a, b] = await pupilsAt(t.schoolA, 2);
    await call(head, 'POST', `/interventions/${iv.id}/pupils`, {
      version: 1,
      pupilIds: [a!.id],
      joinedOn: '2025-10-01',
    });
    await call(head, 'POST', `/interventions/${iv.id}/pupils`, {
      version: 2,
      pupilIds: [b!.id],
      joinedOn: '2025-10-10',
    });
    const record = (version: number, heldOn: string, attendedPupilIds: string[]) =>
      call(head, 'PUT', `/interventions/${iv.id}/sessions`, { version, heldOn, attendedPupilIds });
    expect((await record(3, '2025-10-06', [a!.id])).statusCode).toBe(200);
    // b had not joined yet on the 6th, so cannot be marked for it.
    expect((await record(4, '2025-10-06', [b!.id])).statusCode).toBe(400);
    await record(4, '2025-10-13', [b!.id]);
    const last = await record(5, '2025-10-20', [a!.id, b!.id]);
    // Recording the same day again replaces its marks rather than adding a session.
    const fixed = await record(6, '2025-10-20', [a!.id]);
    expect((await record(6, '2025-10-27', [])).statusCode).toBe(409);
    expect(last.statusCode).toBe(200);
    const d = fixed.json();
    expect(d.sessionsHeld).toBe(3);
    const byId = new Map(d.pupils.map((p: { pupilId: string }) => [p.pupilId, p]));
    expect(byId.get(a!.id)).toMatchObject({ possible: 3, attended: 2, dosage: 0.5 });
    expect(byId.get(b!.id)).toMatchObject({ possible: 2, attended: 1, attendanceRate: 0.5, dosage: 0.25 });
    expect(d.sessions.map((s: { heldOn: string }) => s.heldOn)).toEqual([
      '2025-10-06',
      '2025-10-13',
      '2025-10-20',
    ]);

    const left = await call(head, 'PATCH', `/interventions/${iv.id}/pupils/${b!.id}`, {
      version: 7,
      joinedOn: '2025-10-10',
      leftOn: '2025-10-15',
    });
    expect(left.json().pupils.find((p: { pupilId: string }) => p.pupilId === b!.id)).toMatchObject({
      possible: 1,
      attended: 1,
    });
    const removed = await call(head, 'DELETE', `/interventions/${iv.id}/pupils/${b!.id}?version=8`);
    expect(removed.json().pupils).toHaveLength(1);
    const session = removed.json().sessions[0].id;
    const dropped = await call(head, 'DELETE', `/interventions/${iv.id}/sessions/${session}?version=9`);
    expect(dropped.json().sessionsHeld).toBe(2);
  });

  it('finds the school’s pupils by name, year group and disadvantage, leaving out those already in', async () => {
    const iv = (await call(head, 'POST', '/interventions', base(t.schoolA))).json();
    const [first] = await pupilsAt(t.schoolA, 3);
    await call(head, 'POST', `/interventions/${iv.id}/pupils`, { version: 1, pupilIds: [first!.id] });
    const res = (await call(head, 'GET', `/interventions/${iv.id}/candidates?yearGroup=Y8`)).json();
    expect(res.yearGroups).toContain('Y8');
    expect(res.pupils.map((p: { id: string }) => p.id)).not.toContain(first!.id);
    const name = res.pupils[0].name as string;
    const byName = (
      await call(head, 'GET', `/interventions/${iv.id}/candidates?search=${encodeURIComponent(name)}`)
    ).json();
    expect(byName.pupils.every((p: { name: string }) => p.name === name)).toBe(true);
    const disadvantaged = (
      await call(head, 'GET', `/interventions/${iv.id}/candidates?disadvantaged=true`)
    ).json();
    expect(disadvantaged.pupils.every((p: { disadvantaged: boolean }) => p.disadvantaged)).toBe(true);
    const governor = await signIn(h, t.people.governorA.email);
    expect((await call(governor, 'GET', `/interventions/${iv.id}/candidates`)).statusCode).toBe(403);
  });
});
