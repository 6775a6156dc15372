import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let head: Session;
let priorityId: string;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  head = await signIn(h, t.people.headA.email);
  const sys = systemActor(t.trustId);
  const plan = await h.services.planning.createPlan(sys, {
    title: 'Plan',
    schoolId: t.schoolA,
    periodStart: '2026-09-01',
    periodEnd: '2027-08-31',
    reviewEveryWeeks: 6,
  });
  priorityId = (
    await h.services.planning.addPriority(sys, plan.id, {
      title: 'Retrieval practice',
      rationale: '',
      statementIds: [],
      tags: [],
    })
  ).id;
  await h.services.planning.addAction(sys, priorityId, {
    description: 'Model retrieval starters in briefings',
    ownerPersonId: t.people.teacherA.id,
    startsOn: '2026-09-01',
    dueOn: '2026-12-01',
    resources: '1 hour a week',
    status: 'in_progress',
  });
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

describe('around a priority', () => {
  it('records barriers, support and fidelity values over time', async () => {
    await call(head, 'POST', `/priorities/${priorityId}/barriers`, {
      risk: 'Staff absence stops the weekly briefing',
      likelihood: 'medium',
      impact: 'high',
      warningSign: 'Two briefings missed in a half term',
      contingency: 'Record the briefing',
    });
    await call(head, 'POST', `/priorities/${priorityId}/support`, {
      kind: 'coaching',
      providerPersonId: t.people.lead.id,
      recipientPersonId: t.people.teacherA.id,
      startedOn: '2026-09-15',
      sessionsHeld: 3,
    });
    const m = (
      await call(head, 'POST', `/priorities/${priorityId}/fidelity-measures`, {
        name: 'Lessons starting with retrieval in drop-ins',
        unit: '%',
        target: 90,
      })
    ).json();
    const measureId = m.fidelity[0].id;
    await call(head, 'POST', `/fidelity-measures/${measureId}/values`, {
      recordedOn: '2026-10-01',
      value: 55,
    });
    const res = await call(head, 'POST', `/fidelity-measures/${measureId}/values`, {
      recordedOn: '2026-11-01',
      value: 78,
    });
    expect(res.statusCode, res.body).toBe(201);
    const all = (await call(head, 'GET', `/priorities/${priorityId}/support`)).json();
    expect(all.barriers[0]).toMatchObject({ likelihood: 'medium', impact: 'high' });
    expect(all.support[0]).toMatchObject({
      kind: 'coaching',
      providerName: expect.stringContaining('lead'),
      sessionsHeld: 3,
    });
    expect(all.fidelity[0].values.map((v: { value: number }) => v.value)).toEqual([55, 78]);
  });

  it('refuses a likelihood outside the scale', async () => {
    const res = await call(head, 'POST', `/priorities/${priorityId}/barriers`, {
      risk: 'x',
      likelihood: 'certain',
      impact: 'high',
    });
    expect(res.statusCode).toBe(400);
  });

  it('shows who carries how much in a period', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const cap = (await call(admin, 'GET', '/capacity?from=2026-09-01&to=2026-12-31')).json();
    expect(cap.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: t.people.teacherA.id, actions: 1, openActions: 1 }),
      ]),
    );
  });
});
