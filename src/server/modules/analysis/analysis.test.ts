import { beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticPupils } from '../../modules/data/seed-pupils';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let mathsMock: string;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  // School A (secondary) has a full Year 11; school B (primary) a Year 6 of only 8 pupils.
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: '111111', phase: 'secondary', effect: 0, size: 160 },
    { id: t.schoolB, urn: '222222', phase: 'primary', effect: 0, size: 8 },
  ]);
  const admin = await signIn(h, t.people.admin.email);
  const list = (
    await h.app.inject({ method: 'GET', url: '/api/v1/analysis/assessments', headers: admin.headers })
  ).json();
  mathsMock = list.assessments.find((a: { name: string }) => a.name === 'Year 11 maths mock').id;
});

const gaps = (s: Session, assessmentId: string, groupBy = 'disadvantaged') =>
  h.app.inject({
    method: 'GET',
    url: `/api/v1/analysis/gaps?assessmentId=${assessmentId}&groupBy=${groupBy}`,
    headers: s.headers,
  });

describe('gap analysis', () => {
  it('finds the disadvantage gap the synthetic data was built with, with its uncertainty', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const res = (await gaps(admin, mathsMock)).json();
    const school = res.scopes.find((s: { schoolId: string }) => s.schoolId === t.schoolA);
    expect(school.groups[0].n + school.groups[1].n).toBe(160);
    // Built about half a standard deviation apart (~1 grade); the interval must say it is real.
    expect(school.gap.difference).toBeGreaterThan(0.4);
    expect(school.gap.ci[0]).toBeLessThan(school.gap.difference);
    expect(school.gap.distinguishable).toBe(true);
    expect(school.gapIndex).toBeGreaterThan(0);
    expect(school.reading).toMatch(/disadvantaged pupils averaged \d\.\d against \d\.\d/);
  });

  it('suppresses small groups for governors and trustees but flags them for staff', async () => {
    const list = (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/analysis/assessments',
        headers: (await signIn(h, t.people.admin.email)).headers,
      })
    ).json();
    const reading = list.assessments.find((a: { name: string }) => a.name === 'Year 6 reading (KS2 test)').id;
    const trustee = (await gaps(await signIn(h, t.people.trustee.email), reading)).json();
    const b = trustee.scopes.find((s: { schoolId: string }) => s.schoolId === t.schoolB);
    expect(
      b.groups.every((g: { suppressed: boolean; n: number | null }) => g.suppressed && g.n === null),
    ).toBe(true);
    expect(b.gap).toBeNull();
    const head = (await gaps(await signIn(h, t.people.headB.email), reading)).json();
    const mine = head.scopes.find((s: { schoolId: string }) => s.schoolId === t.schoolB);
    expect(
      mine.groups.some((g: { smallGroup: boolean; suppressed: boolean }) => g.smallGroup && !g.suppressed),
    ).toBe(true);
    // A head sees only their own school, not the trust total.
    expect(head.scopes.map((s: { schoolId: string | null }) => s.schoolId)).toEqual([t.schoolB]);
  });

  it('groups by other characteristics too', async () => {
    const res = (await gaps(await signIn(h, t.people.lead.email), mathsMock, 'sex')).json();
    expect(res.scopes[0].groups.map((g: { label: string }) => g.label)).toEqual(['Girls', 'Boys']);
  });
});
