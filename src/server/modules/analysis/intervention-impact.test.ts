import { beforeAll, describe, expect, it } from 'vitest';
import { seedInterventionTrial } from '../../modules/data/seed-pupils';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let head: Session;
let priorityId: string;
const PLANTED = 0.4;

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  head = await signIn(h, t.people.headA.email);
  const plan = (
    await call(head, 'POST', '/plans', {
      title: 'Reading plan',
      schoolId: t.schoolA,
      periodStart: '2025-09-01',
      periodEnd: '2026-08-31',
    })
  ).json();
  priorityId = (
    await call(head, 'POST', `/plans/${plan.id}/priorities`, { title: 'Year 8 reading catch-up' })
  ).json().id;
});

describe('intervention impact on a plan priority', () => {
  it('recovers a planted effect within its interval, and an effect of zero where none was planted', async () => {
    const planted = await seedInterventionTrial(
      h.db,
      t.trustId,
      { id: t.schoolA, urn: '100001' },
      {
        effect: PLANTED,
        size: 500,
        seed: 41,
        name: 'Year 8 reading (trial A)',
      },
    );
    const none = await seedInterventionTrial(
      h.db,
      t.trustId,
      { id: t.schoolA, urn: '100002' },
      {
        effect: 0,
        size: 500,
        seed: 43,
        name: 'Year 8 reading (trial B)',
      },
    );
    const evaluate = (trial: typeof planted) =>
      call(head, 'POST', '/analysis/intervention-impact', {
        priorityId,
        preAssessmentId: trial.preAssessmentId,
        postAssessmentId: trial.postAssessmentId,
        interventionPupilIds: trial.interventionPupilIds,
        comparison: { kind: 'pupils', pupilIds: trial.comparisonPupilIds },
      });
    const res = await evaluate(planted);
    expect(res.statusCode).toBe(200);
    const { overall, disadvantaged } = res.json();
    expect(overall.effect.ci[0]).toBeLessThan(PLANTED);
    expect(overall.effect.ci[1]).toBeGreaterThan(PLANTED);
    expect(overall.effect.ci[0]).toBeGreaterThan(0);
    expect(overall.months).toBeGreaterThanOrEqual(3);
    expect(overall.baseline.imbalanced).toBe(false);
    expect(overall.n.intervention + overall.n.comparison).toBe(500);
    expect(overall.attrition).toEqual({ intervention: 0, comparison: 0, overall: 0 });
    expect(overall.caveats).toEqual([]);
    expect(overall.reading).toMatch(/standard deviations higher on the post-test/);
    expect(disadvantaged.n.intervention).toBeLessThan(overall.n.intervention);

    const zero = (await evaluate(none)).json().overall;
    expect(zero.effect.ci[0]).toBeLessThan(0);
    expect(zero.effect.ci[1]).toBeGreaterThan(0);
    expect(zero.caveats.some((c: string) => /could be down to chance/.test(c))).toBe(true);

    // "Everyone else who sat the post-test" in the same school and year group as the comparison.
    const others = (
      await call(head, 'POST', '/analysis/intervention-impact', {
        priorityId,
        postAssessmentId: planted.postAssessmentId,
        interventionPupilIds: planted.interventionPupilIds,
        comparison: { kind: 'others' },
      })
    ).json().overall;
    expect(others.n.comparison).toBe(planted.comparisonPupilIds.length);
    expect(others.caveats).toContain(
      'There was no pre-test, so it is not known whether the groups started alike.',
    );
  });

  it('says an effect cannot be attributed without a comparison group, and guards the pupils', async () => {
    const trial = await seedInterventionTrial(
      h.db,
      t.trustId,
      { id: t.schoolA, urn: '100003' },
      {
        effect: 0.2,
        size: 40,
        seed: 47,
        name: 'Year 8 reading (trial C)',
      },
    );
    const body = {
      priorityId,
      postAssessmentId: trial.postAssessmentId,
      interventionPupilIds: trial.interventionPupilIds,
      comparison: { kind: 'none' },
    };
    const res = (await call(head, 'POST', '/analysis/intervention-impact', body)).json();
    expect(res.overall.effect).toBeNull();
    expect(res.overall.caveats[0]).toMatch(/cannot be attributed/);
    // Governors read plans but not pupil-level data; another school's head cannot reach these pupils.
    const governor = await signIn(h, t.people.governorA.email);
    expect((await call(governor, 'POST', '/analysis/intervention-impact', body)).statusCode).toBe(403);
    const headB = await signIn(h, t.people.headB.email);
    expect((await call(headB, 'POST', '/analysis/intervention-impact', body)).statusCode).toBe(403);
    const both = await call(head, 'POST', '/analysis/intervention-impact', {
      ...body,
      comparison: { kind: 'pupils', pupilIds: trial.interventionPupilIds.slice(0, 1) },
    });
    expect(both.statusCode).toBe(400);
  });
});
