import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, signIn } from '../../test/factories';
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
