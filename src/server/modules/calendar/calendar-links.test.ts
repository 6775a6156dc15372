import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { seedSyntheticPupils } from '../data/seed-pupils';
import { orgRepository } from '../org/org.repository';

let h: Harness;
let t: TrustFixture;
let admin: Session;
let upns: string[];
let yearId: string;
let pointId: string;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload && { payload }) });

const HEADER = 'UPN,Assessment,Subject,Year group,Academic year,Collection point,Grade set,Date,Result';
const importResults = (assessment: string, subject: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/results?filename=results.csv',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: [
      HEADER,
      ...upns.map(
        (u, i) => `${u},${assessment},${subject},Year 11,2025/26,Spring 2,gcse,02/03/2026,${i % 9}`,
      ),
    ].join('\n'),
  });

type Planned = {
  id: string;
  name: string;
  status: string;
  version: number;
  received: { results: number; schools: number } | null;
};
const calendar = async () => (await call('GET', `/calendar/years/${yearId}`)).json();
const planned = async (name: string): Promise<Planned[]> =>
  (await calendar()).assessments.filter((a: Planned) => a.name === name);
const plan = async (
  name: string,
  subject: string,
  collectionPointId: string | null,
  plannedOn = '2026-03-02',
) => {
  const res = await call('POST', `/calendar/years/${yearId}/assessments`, {
    name,
    subject,
    yearGroup: 'Y11',
    type: 'mock',
    plannedOn,
    collectionPointId,
  });
  expect(res.statusCode, res.body).toBe(201);
};

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
  const school = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: school.urn, phase: 'secondary', effect: 0, size: 20 },
  ]);
  upns = (
    await h.db.selectFrom('pupils').where('trust_id', '=', t.trustId).select('upn').orderBy('upn').execute()
  ).map((p) => p.upn!);
  const year = await call('POST', '/calendar/years', { label: '2025/26' });
  expect(year.statusCode, year.body).toBe(201);
  yearId = year.json().year.id;
  const point = await call('POST', `/calendar/years/${yearId}/collection-points`, {
    name: 'Spring 2',
    collectOn: '2026-03-27',
    yearGroups: ['Y10', 'Y11'],
  });
  expect(point.statusCode, point.body).toBe(201);
  pointId = point.json().collectionPoints[0].id;
});

describe('planned assessments and the results imported for them', () => {
  it('counts results imported under the same name, and shows a passed date without results as awaited', async () => {
    await plan('Year 11 science mock', 'Science', null);
    await plan('Year 11 French mock', 'French', null);
    const res = await importResults('Year 11 science mock', 'Science');
    expect(res.statusCode, res.body).toBe(201);

    const [science] = await planned('Year 11 science mock');
    expect(science).toMatchObject({ status: 'received', received: { results: upns.length, schools: 1 } });
    // Planned for 2 March 2026, long past, and nothing imported for French.
    expect((await planned('Year 11 French mock'))[0]).toMatchObject({ status: 'awaited', received: null });
  });

  it('links by collection point name too, and a planned assessment added after the import finds its results', async () => {
    const res = await importResults('History paper 1', 'History');
    expect(res.statusCode, res.body).toBe(201);
    await plan('Year 11 history mock', 'History', pointId);
    const [history] = await planned('Year 11 history mock');
    expect(history!.received).toEqual({ results: upns.length, schools: 1 });
    const point = (await calendar()).collectionPoints.find((p: { id: string }) => p.id === pointId);
    expect(point.assessments).toEqual([
      expect.objectContaining({ name: 'Year 11 history mock', received: true }),
    ]);
  });

  it('does not guess between two planned assessments that match equally, and prefers one matching on both', async () => {
    await plan('Year 11 geography mock', 'Geography', null, '2026-03-01');
    await plan('Year 11 geography mock', 'Geography', null, '2026-03-02');
    expect((await importResults('Year 11 geography mock', 'Geography')).statusCode).toBe(201);
    const both = await planned('Year 11 geography mock');
    expect(both.map((a) => a.received)).toEqual([null, null]);

    // Moving one of them onto the Spring 2 point makes it the better match.
    const moved = await call('PATCH', `/calendar/assessments/${both[1]!.id}`, {
      collectionPointId: pointId,
      version: both[1]!.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await planned('Year 11 geography mock');
    expect(after.map((a) => a.received?.results ?? null)).toEqual([null, upns.length]);
  });

  it('stops counting results once their import is deleted', async () => {
    const res = await importResults('Year 11 art mock', 'Art');
    await plan('Year 11 art mock', 'Art', null);
    expect((await planned('Year 11 art mock'))[0]!.status).toBe('received');
    const del = await call('DELETE', `/imports/${res.json().id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await planned('Year 11 art mock'))[0]).toMatchObject({ status: 'awaited', received: null });
  });
});
