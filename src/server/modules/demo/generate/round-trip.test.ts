import { describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, TEST_PASSWORD } from '../../../test/factories';
import { harness } from '../../../test/harness';

/**
 * Acceptance for the data model: a generated trust's pupil data, exported as CSV in the layouts the
 * importers read, imports into an empty trust and exports again byte for byte, leavers and their
 * leaving dates included.
 */
describe('a generated trust round trip', () => {
  it('exports its pupils and results as CSV, imports them into an empty trust, and the two trusts are equal', async () => {
    const h = await harness();
    h.clock.set('2026-12-05');
    const made = await h.services.generate.generate({
      schools: 4,
      pupils: 900,
      years: 2,
      seed: 3,
      password: TEST_PASSWORD,
      name: 'Round trip source',
    });
    const src = await signIn(h, made.email);
    const dst = await buildTrust(h);
    const dstAdmin = await signIn(h, dst.people.admin.email);
    const call = async (
      s: Session,
      method: 'GET' | 'POST',
      url: string,
      payload?: object | string,
      type?: string,
    ) => {
      const r = await h.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: type ? { ...s.headers, 'content-type': type } : s.headers,
        ...(payload === undefined ? {} : { payload }),
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r;
    };

    const schools = (await call(src, 'GET', '/schools')).json().schools as {
      id: string;
      urn: string;
      name: string;
      phase: string;
      localAuthority: string;
    }[];
    expect(schools).toHaveLength(4);
    const pairs: [string, string][] = [];
    for (const s of schools) {
      const made = await call(dstAdmin, 'POST', '/schools', {
        urn: s.urn,
        name: s.name,
        phase: s.phase,
        localAuthority: s.localAuthority,
      });
      pairs.push([s.id, made.json().id]);
    }
    let leavers = 0;
    for (const [from, to] of pairs) {
      const csv = (await call(src, 'GET', `/pupils/export.csv?schoolId=${from}`)).body;
      // Leavers go out with their leaving date (the last column), so they come back off roll.
      leavers += csv
        .trim()
        .split('\n')
        .slice(1)
        .filter((line) => /\d{4}-\d{2}-\d{2}$/.test(line)).length;
      const imported = await call(dstAdmin, 'POST', '/imports/pupils', {
        schoolId: to,
        filename: 'pupils.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
      });
      expect(imported.json().status, imported.body).toBe('committed');
    }
    expect(leavers).toBeGreaterThan(0);
    const results = (await call(src, 'GET', '/results/export.csv')).body;
    expect(results.trim().split('\n').length - 1).toBe(made.results);
    const imported = await call(
      dstAdmin,
      'POST',
      '/imports/results?filename=results.csv',
      results,
      'text/csv',
    );
    expect(imported.json().status, imported.body).toBe('committed');

    for (const [from, to] of pairs)
      expect((await call(dstAdmin, 'GET', `/pupils/export.csv?schoolId=${to}`)).body).toBe(
        (await call(src, 'GET', `/pupils/export.csv?schoolId=${from}`)).body,
      );
    expect((await call(dstAdmin, 'GET', '/results/export.csv')).body).toBe(results);
  }, 120_000);
});
