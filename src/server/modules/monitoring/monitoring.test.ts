import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let head: Session;
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
  const pr = await h.services.planning.addPriority(sys, plan.id, {
    title: 'Attendance',
    rationale: '',
    statementIds: [],
    tags: [],
  });
  await h.services.planning.addAction(sys, pr.id, {
    description: 'Phone home on the first day of absence',
    ownerPersonId: t.people.headA.id,
    startsOn: '2026-09-01',
    dueOn: '2026-10-01',
    resources: '',
    status: 'in_progress',
  });
});
afterEach(() => h.clock.set(null));

const digestsTo = (email: string) =>
  h.mail.filter((m) => m.to === email && /improvement plans/.test(m.subject));

describe('daily digest', () => {
  it('lists overdue items, is sent once a day, and respects the opt-out', async () => {
    h.clock.set('2026-10-05');
    const digest = await h.services.monitoring.composeFor(t.trustId, t.people.headA.id);
    expect(digest?.subject).toBe('1 overdue and 0 due in your improvement plans');
    expect(digest?.text).toContain('- Phone home on the first day of absence (Attendance, Alpha School');
    expect(digest?.text).toContain('due 01/10/2026');

    const before = digestsTo(t.people.headA.email).length;
    await h.services.monitoring.sendDueDigests();
    await h.services.monitoring.sendDueDigests();
    expect(digestsTo(t.people.headA.email).length).toBe(before + 1);

    // Nothing due for someone without plans: no email.
    expect(await h.services.monitoring.composeFor(t.trustId, t.people.teacherA.id)).toBeNull();

    const off = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me/preferences',
      headers: head.headers,
      payload: { digestEnabled: false },
    });
    expect(off.json()).toEqual({ digestEnabled: false });
    h.clock.set('2026-10-06');
    await h.services.monitoring.sendDueDigests();
    expect(digestsTo(t.people.headA.email).length).toBe(before + 1);
  });
});

describe('meeting log', () => {
  it('records a line-management meeting against agenda items, readable by the line manager', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const agenda = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/people/${t.people.headA.id}/agenda`,
        headers: admin.headers,
      })
    ).json();
    const item = agenda.items[0];
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/people/${t.people.headA.id}/meetings`,
      headers: admin.headers,
      payload: {
        heldOn: '2026-10-07',
        notes: 'Fortnightly check-in',
        actionsAgreed: 'Draft the letter to parents',
        nextOn: '2026-10-21',
        items: [
          {
            kind: item.kind,
            itemId: item.id,
            title: item.title,
            note: 'Calls happen most days',
            decision: 'Office team to cover Mondays',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/people/${t.people.headA.id}/meetings`,
        headers: head.headers,
      })
    ).json();
    expect(list.meetings[0]).toMatchObject({
      actionsAgreed: 'Draft the letter to parents',
      nextOn: '2026-10-21',
    });
    expect(list.meetings[0].items[0]).toMatchObject({ decision: 'Office team to cover Mondays' });
    const other = await signIn(h, t.people.headB.email);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/people/${t.people.headA.id}/meetings`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a next meeting on or before this one', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/people/${t.people.headA.id}/meetings`,
      headers: admin.headers,
      payload: { heldOn: '2026-10-07', nextOn: '2026-10-07' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('nextOn');
  });

  it('refuses a liaison meeting with a school of another trust', async () => {
    const admin = await signIn(h, t.people.admin.email);
    const other = await buildTrust(h);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/people/${t.people.lead.id}/meetings`,
      headers: admin.headers,
      payload: { kind: 'liaison', schoolId: other.schoolA, heldOn: '2026-10-07' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: 'schoolId' });
  });
});

describe('liaison meeting agenda', () => {
  it('brings together a school’s due plan items, open evaluations and support', async () => {
    h.clock.set('2026-10-05');
    const lead = await signIn(h, t.people.lead.email);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/schools/${t.schoolA}/agenda`,
      headers: lead.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ title: 'Phone home on the first day of absence', overdue: true }),
    ]);
    const other = await signIn(h, t.people.headB.email);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/schools/${t.schoolA}/agenda`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});
