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

const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { ...admin.headers, 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bad input', () => {
  it('answers malformed JSON with 400 invalid_json and no internals', async () => {
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, '{"name": "Eng');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('answers wrong types with field-level details', async () => {
    const res = await post('/api/v1/schools', {
      urn: 123456,
      name: ['x'],
      phase: 'nursery',
      localAuthority: 'York',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    const fields = body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['urn', 'name', 'phase']));
  });

  it('rejects unknown fields by name', async () => {
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, {
      name: 'Art',
      trustId: 'someone-else',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'trustId' })]);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, { name: 'x'.repeat(400_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, 'name=Art', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode).toBe(415);
  });

  it('rejects an id that is not a UUID with 400, not a database error', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: "/api/v1/schools/1'%20or%201=1",
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/syntax|sql|postgres/i);
  });

  it('stores SQL and HTML metacharacters as plain text', async () => {
    const name = `Robert'); DROP TABLE schools;-- <script>alert("x")</script> & "quotes"`;
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, { name });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    const list = await h.app.inject({
      method: 'GET',
      url: `/api/v1/schools/${t.schoolA}/departments`,
      headers: admin.headers,
    });
    expect(list.json().departments.map((d: { name: string }) => d.name)).toContain(name);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    const schools = await h.db.selectFrom('schools').select('id').where('trust_id', '=', t.trustId).execute();
    expect(schools.length).toBe(2);
  });

  it('trims text and refuses blank names', async () => {
    const res = await post(`/api/v1/schools/${t.schoolA}/departments`, { name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toEqual({ field: 'name', message: 'Required' });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('sends security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
