import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, signIn, TEST_PASSWORD, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
});

const login = (email: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const res = await login(t.people.admin.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sip_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await login(t.people.admin.email, 'not the password at all');
    const unknown = await login('nobody@test.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('accepts the email in any letter case', async () => {
    const res = await login(t.people.admin.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('returns who is signed in, with their roles and a CSRF token', async () => {
    const s = await signIn(h, t.people.headA.email);
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().roles).toEqual([
      expect.objectContaining({ role: 'school_leader', schoolId: t.schoolA }),
    ]);
    expect(me.json().csrfToken).toBe(s.csrf);
  });

  it('revokes the session on sign-out', async () => {
    const s = await signIn(h, t.people.teacherA.email);
    const out = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/v1/schools',
      headers: { cookie: s.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('treats an expired session as signed out', async () => {
    const s = await signIn(h, t.people.lead.email);
    await h.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('person_id', '=', t.people.lead.id)
      .execute();
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/schools', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const s = await signIn(h, t.people.admin.email);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/schools/${t.schoolA}/departments`,
      headers: { cookie: s.cookie },
      payload: { name: 'History' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('limits repeated sign-in attempts with a clear message', async () => {
    const email = `ratelimit.${Date.now()}@test.example`;
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await login(email, 'wrong password here')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const blocked = await login(email, 'wrong password here');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Too many sign-in attempts/);
  });
});

describe('password reset and invitations', () => {
  const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

  it('resets a password through a single-use emailed link', async () => {
    const before = h.mail.length;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: t.people.governorA.email },
    });
    expect(res.statusCode).toBe(202);
    const mail = h.mail.slice(before).find((m) => m.to === t.people.governorA.email);
    const token = linkToken(mail?.text ?? '');
    expect(token).not.toBe('');

    const newPassword = 'a brand new long password';
    const done = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: newPassword },
    });
    expect(done.statusCode).toBe(200);
    expect((await login(t.people.governorA.email, newPassword)).statusCode).toBe(200);
    expect((await login(t.people.governorA.email, TEST_PASSWORD)).statusCode).toBe(401);

    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'yet another long password' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('answers a reset request for an unknown email exactly as for a known one, and sends nothing', async () => {
    const before = h.mail.length;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'no-such-person@test.example' },
    });
    expect(res.statusCode).toBe(202);
    expect(h.mail.length).toBe(before);
  });

  it('invites a person, who sets a password with the link and can then sign in', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const email = `invitee.${Date.now()}@test.example`;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin.headers,
      payload: { name: 'New Colleague', email, jobTitle: 'Teacher of Maths' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('invited');
    const token = linkToken(h.mail.find((m) => m.to === email)?.text ?? '');
    expect((await login(email, 'chosen long password')).statusCode).toBe(401);
    const accept = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, password: 'chosen long password' },
    });
    expect(accept.statusCode).toBe(200);
    expect((await login(email, 'chosen long password')).statusCode).toBe(200);
  });

  it('rejects a password shorter than 12 characters with a field error', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token: 'x'.repeat(40), password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'password' })]);
  });
});

describe('API tokens', () => {
  it('lets a script read with a bearer token carrying the person’s own roles, until revoked', async () => {
    const s = await signIn(h, t.people.headB.email);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: s.headers,
      payload: { name: 'Data export script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^sip_/);

    const stored = await h.db
      .selectFrom('api_tokens')
      .where('id', '=', id)
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const schools = await h.app.inject({ method: 'GET', url: '/api/v1/schools', headers: bearer });
    expect(schools.json().schools.map((x: { id: string }) => x.id)).toEqual([t.schoolB]);

    const list = await h.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: s.headers });
    expect(list.json().tokens[0].lastUsedAt).not.toBeNull();

    await h.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: s.headers });
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/schools', headers: bearer });
    expect(after.statusCode).toBe(401);
  });
});

describe('session cache', () => {
  it('ends a cached session at sign-out and after a role change', async () => {
    const { createAuthService } = await import('./auth.service');
    const { loadConfig } = await import('../../platform/config');
    const auth = createAuthService(h.db, loadConfig({ SESSION_CACHE_SECONDS: '30' }), {
      send: async () => {},
    });
    const { sessionToken } = await auth.login(t.people.dataManagerA.email, TEST_PASSWORD);
    expect((await auth.actorFromSession(sessionToken))?.actor.personId).toBe(t.people.dataManagerA.id);
    await auth.logout(sessionToken);
    expect(await auth.actorFromSession(sessionToken)).toBeUndefined();
  });
});
