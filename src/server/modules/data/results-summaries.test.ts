import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { refreshResultSummaries } from '../analysis/analysis.repository';
import { orgRepository } from '../org/org.repository';
import { seedSyntheticPupils } from './seed-pupils';

let h: Harness;

const HEADER = 'UPN,Assessment,Subject,Year group,Academic year,Collection point,Grade set,Date,Result';
const line = (upn: string, result: string, assessment: string) =>
  `${upn},${assessment},Science,Year 11,2025/26,Spring 2,gcse,02/03/2026,${result}`;

beforeAll(async () => {
  h = await harness();
});

/** The summary rows of a trust, in a stable order, as plain values. */
async function summaries(trustId: string, assessmentIds: string[]) {
  const rows = await h.db
    .selectFrom('result_summaries')
    .where('trust_id', '=', trustId)
    .where('assessment_id', 'in', assessmentIds)
    .select([
      'assessment_id',
      'school_id',
      'disadvantaged',
      'sen',
      'eal',
      'sex',
      'n',
      'total',
      'total_squares',
    ])
    .execute();
  return rows
    .map((r) => ({ ...r, n: Number(r.n), total: Number(r.total), total_squares: Number(r.total_squares) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A trust with synthetic pupils, its UPNs, and its admin signed in. */
async function trustWithPupils() {
  const t = await buildTrust(h);
  const urn = async (id: string) => (await orgRepository.findSchool(h.db, t.trustId, id))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: await urn(t.schoolA), phase: 'secondary', effect: 0.2, size: 40 },
    { id: t.schoolB, urn: await urn(t.schoolB), phase: 'primary', effect: -0.1, size: 25 },
  ]);
  const upns = (
    await h.db.selectFrom('pupils').where('trust_id', '=', t.trustId).select('upn').orderBy('upn').execute()
  ).map((p) => p.upn!);
  return { t, upns, admin: await signIn(h, t.people.admin.email) };
}

const post = (s: Session, body: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/results?filename=results.csv',
    headers: { ...s.headers, 'content-type': 'text/csv' },
    payload: body,
  });

/** The trust's results of the named assessments as `assessment|upn=value`, sorted. */
async function resultsOf(trustId: string, names: string[]) {
  const rows = await h.db
    .selectFrom('results as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
    .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
    .where('r.trust_id', '=', trustId)
    .where('a.name', 'in', names)
    .select(['a.name', 'p.upn', 'r.value'])
    .execute();
  return rows.map((r) => `${r.name}|${r.upn}=${r.value}`).sort();
}

async function idsOf(trustId: string, names: string[]) {
  const rows = await h.db
    .selectFrom('assessments')
    .where('trust_id', '=', trustId)
    .where('name', 'in', names)
    .select('id')
    .execute();
  return rows.map((a) => a.id);
}

describe('results import jobs', () => {
  it('re-importing the same file leaves the same results, without duplicates', async () => {
    const { t, upns, admin } = await trustWithPupils();
    const body = [HEADER, ...upns.map((u, i) => line(u, String(i % 10), 'Mock one'))].join('\n');
    expect((await post(admin, body)).statusCode).toBe(201);
    const first = await resultsOf(t.trustId, ['Mock one']);
    expect(first).toHaveLength(upns.length);
    const again = await post(admin, body);
    expect(again.json()).toMatchObject({ status: 'committed', rowsAccepted: upns.length });
    expect(await resultsOf(t.trustId, ['Mock one'])).toEqual(first);
  });

  it('deleting an import removes exactly the results it last wrote and refreshes their summaries', async () => {
    const { t, upns, admin } = await trustWithPupils();
    const first = await post(
      admin,
      [HEADER, ...upns.map((u) => line(u, '4', 'Mock one')), line(upns[0]!, '5', 'Mock two')].join('\n'),
    );
    expect(first.statusCode, first.body).toBe(201);
    // The second import replaces the first ten pupils' Mock one results: those now belong to it.
    const second = await post(
      admin,
      [
        HEADER,
        ...upns.slice(0, 10).map((u) => line(u, '7', 'Mock one')),
        line(upns[1]!, '6', 'Mock three'),
      ].join('\n'),
    );
    expect(second.statusCode, second.body).toBe(201);

    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/imports/${first.json().id}`,
      headers: admin.headers,
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().deletedRows).toBe(upns.length - 10 + 1);
    expect(await resultsOf(t.trustId, ['Mock one', 'Mock two', 'Mock three'])).toEqual(
      [...upns.slice(0, 10).map((u) => `Mock one|${u}=7`), `Mock three|${upns[1]}=6`].sort(),
    );
    const ids = await idsOf(t.trustId, ['Mock one', 'Mock two']);
    const left = await summaries(t.trustId, ids);
    expect(left.reduce((n, r) => n + r.n, 0)).toBe(10);
    await h.db.transaction().execute((tx) => refreshResultSummaries(tx, t.trustId));
    expect(await summaries(t.trustId, ids)).toEqual(left);
  });
});

describe('results import summaries', () => {
  it('accumulates, for assessments new to the trust, exactly the summaries refreshResultSummaries computes', async () => {
    const t = await buildTrust(h);
    const urn = async (id: string) => (await orgRepository.findSchool(h.db, t.trustId, id))!.urn;
    await seedSyntheticPupils(h.db, t.trustId, [
      { id: t.schoolA, urn: await urn(t.schoolA), phase: 'secondary', effect: 0.2, size: 40 },
      { id: t.schoolB, urn: await urn(t.schoolB), phase: 'primary', effect: -0.1, size: 25 },
    ]);
    const upns = (
      await h.db.selectFrom('pupils').where('trust_id', '=', t.trustId).select('upn').orderBy('upn').execute()
    ).map((p) => p.upn!);
    const body = [
      HEADER,
      ...upns.map((u, i) => line(u, String((i * 7) % 10), 'Mock one')),
      ...upns.filter((_, i) => i % 3).map((u, i) => line(u, String(9 - (i % 9)), 'Mock two')),
    ].join('\n');
    const admin = await signIn(h, t.people.admin.email);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/results?filename=results.csv',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);

    const ids = (
      await h.db
        .selectFrom('assessments')
        .where('trust_id', '=', t.trustId)
        .where('name', 'in', ['Mock one', 'Mock two'])
        .select('id')
        .execute()
    ).map((a) => a.id);
    expect(ids).toHaveLength(2);
    const accumulated = await summaries(t.trustId, ids);
    expect(new Set(accumulated.map((r) => r.assessment_id)).size).toBe(2);
    expect(accumulated.reduce((n, r) => n + r.n, 0)).toBe(upns.length + upns.filter((_, i) => i % 3).length);
    await h.db.transaction().execute((tx) => refreshResultSummaries(tx, t.trustId));
    expect(await summaries(t.trustId, ids)).toEqual(accumulated);
  });
});
