import { beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticPupils } from '../../modules/data/seed-pupils';
import { orgRepository } from '../../modules/org/org.repository';
import { buildTrust, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const HEADER = 'UPN,Assessment,Subject,Year group,Academic year,Collection point,Grade set,Date,Result';

describe('result summaries follow the data', () => {
  it('after a bulk results import and a re-import that changes the values', async () => {
    const t = await buildTrust(h);
    const urn = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!.urn;
    await seedSyntheticPupils(h.db, t.trustId, [
      { id: t.schoolA, urn, phase: 'secondary', effect: 0, size: 40 },
    ]);
    const admin = await signIn(h, t.people.admin.email);
    const upns = (
      await h.db.selectFrom('pupils').where('trust_id', '=', t.trustId).select('upn').execute()
    ).map((p) => p.upn!);
    const importAll = (value: (i: number) => number) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/imports/results?filename=science.csv',
        headers: { ...admin.headers, 'content-type': 'text/csv' },
        payload: [
          HEADER,
          ...upns.map(
            (u, i) =>
              `${u},Year 11 science mock,Science,Year 11,2025/26,Spring 2,gcse,02/03/2026,${value(i)}`,
          ),
        ].join('\n'),
      });
    const science = async () =>
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/analysis/point-gaps?academicYear=2025/26&collectionPoint=Spring 2',
          headers: admin.headers,
        })
      )
        .json()
        .rows.find((r: { subject: string; scope: string }) => r.subject === 'Science' && r.scope === 'trust');

    expect((await importAll((i) => i % 10)).statusCode).toBeLessThan(300);
    const first = await science();
    expect(first.groups[0].n + first.groups[1].n).toBe(40);
    expect((await importAll(() => 9)).statusCode).toBeLessThan(300);
    const second = await science();
    expect(second.groups.map((g: { mean: number }) => g.mean)).toEqual([9, 9]);
    expect(second.gap.difference).toBe(0);
  });
});
