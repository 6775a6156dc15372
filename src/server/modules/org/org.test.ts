import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let admin: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
});

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  s: Session = admin,
) => h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

describe('schools', () => {
  it('creates a school with the year groups its phase implies', async () => {
    const res = await call('POST', '/schools', {
      urn: '145001',
      name: 'Moor End Primary',
      phase: 'primary',
      localAuthority: 'Leeds',
      joinedTrustOn: '2024-09-01',
    });
    expect(res.statusCode).toBe(201);
    const school = res.json();
    expect(school.joinedTrustOn).toBe('2024-09-01');
    expect(school.yearGroups.map((y: { code: string }) => y.code)).toEqual([
      'R',
      'Y1',
      'Y2',
      'Y3',
      'Y4',
      'Y5',
      'Y6',
    ]);
  });

  it('refuses a second school with the same URN in the trust', async () => {
    const body = { urn: '145002', name: 'Twice', phase: 'secondary', localAuthority: 'Leeds' };
    expect((await call('POST', '/schools', body)).statusCode).toBe(201);
    const again = await call('POST', '/schools', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ field: 'urn' });
  });

  it('never silently overwrites a concurrent edit', async () => {
    const { version } = (await call('GET', `/schools/${t.schoolB}`)).json();
    const first = await call('PATCH', `/schools/${t.schoolB}`, { version, name: 'Beta Primary (renamed)' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const second = await call('PATCH', `/schools/${t.schoolB}`, { version, localAuthority: 'Bradford' });
    expect(second.statusCode).toBe(409);
    expect((await call('GET', `/schools/${t.schoolB}`)).json().name).toBe('Beta Primary (renamed)');
  });

  it('records every write in the audit trail with before and after', async () => {
    const { version, localAuthority } = (await call('GET', `/schools/${t.schoolA}`)).json();
    await call('PATCH', `/schools/${t.schoolA}`, { version, localAuthority: 'Wakefield' });
    const trail = await call('GET', `/audit?entityType=school&entityId=${t.schoolA}`);
    expect(trail.statusCode).toBe(200);
    const latest = trail.json().events[0];
    expect(latest.action).toBe('update');
    expect(latest.actorName).toContain('admin');
    expect(latest.changes).toEqual({ local_authority: { from: localAuthority, to: 'Wakefield' } });
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    await expect(h.db.deleteFrom('audit_events').where('trust_id', '=', t.trustId).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      h.db
        .updateTable('audit_events')
        .set({ action: 'tampered' })
        .where('trust_id', '=', t.trustId)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('treats a save without changes as no edit', async () => {
    const before = (await call('GET', `/schools/${t.schoolA}`)).json();
    const res = await call('PATCH', `/schools/${t.schoolA}`, { version: before.version, name: before.name });
    expect(res.json().version).toBe(before.version);
  });

  it('archives a school, keeping its record', async () => {
    const created = (
      await call('POST', '/schools', {
        urn: '145003',
        name: 'Closing',
        phase: 'primary',
        localAuthority: 'Leeds',
      })
    ).json();
    const res = await call('POST', `/schools/${created.id}/archive`, { version: created.version });
    expect(res.json().status).toBe('archived');
  });
});

describe('departments', () => {
  it('adds, renames and archives a department', async () => {
    const head = await signIn(h, t.people.headA.email);
    const added = await call('POST', `/schools/${t.schoolA}/departments`, { name: 'Geography' }, head);
    expect(added.statusCode).toBe(201);
    const renamed = await call(
      'PATCH',
      `/departments/${added.json().id}`,
      { version: 1, name: 'Geography and Geology' },
      head,
    );
    expect(renamed.json().name).toBe('Geography and Geology');
    const archived = await call('POST', `/departments/${added.json().id}/archive`, { version: 2 }, head);
    expect(archived.json().status).toBe('archived');
  });

  it('refuses a duplicate department name in the same school, whatever the case', async () => {
    const res = await call('POST', `/schools/${t.schoolA}/departments`, { name: 'english' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ field: 'name' });
  });

  it('lets a middle leader rename their own department', async () => {
    const ml = await signIn(h, t.people.englishLeadA.email);
    const res = await call(
      'PATCH',
      `/departments/${t.englishA}`,
      { version: 1, name: 'English and Drama' },
      ml,
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('people and roles', () => {
  it('assigns a department role and refuses a role at the wrong scope', async () => {
    const id = t.people.noRoles.id;
    const ok = await call('POST', `/people/${id}/roles`, { role: 'middle_leader', departmentId: t.mathsA });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().roles).toEqual([
      expect.objectContaining({
        role: 'middle_leader',
        schoolId: t.schoolA,
        departmentId: t.mathsA,
        departmentName: 'Maths',
      }),
    ]);
    const wrong = await call('POST', `/people/${id}/roles`, { role: 'trustee', schoolId: t.schoolA });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual({ field: 'role' });
  });

  it('refuses a department of another school when a school is named too', async () => {
    const res = await call('POST', `/people/${t.people.teacherA.id}/roles`, {
      role: 'teacher',
      schoolId: t.schoolA,
      departmentId: t.scienceB,
    });
    expect(res.statusCode).toBe(400);
  });

  it('refuses to remove the last trust administrator', async () => {
    const me = (await call('GET', `/people/${t.people.admin.id}`)).json();
    const res = await call('DELETE', `/role-assignments/${me.roles[0].id}`);
    expect(res.statusCode).toBe(409);
  });

  it('refuses a second account with the same email', async () => {
    const res = await call('POST', '/people', { name: 'Copy', email: t.people.headA.email.toUpperCase() });
    expect(res.statusCode).toBe(409);
  });

  it('archives a person, who can then no longer sign in', async () => {
    const p = (await call('GET', `/people/${t.people.trustee.id}`)).json();
    const res = await call('POST', `/people/${p.id}/archive`, { version: p.version });
    expect(res.json().status).toBe('archived');
    await expect(signIn(h, t.people.trustee.email)).rejects.toThrow(/401/);
  });
});
