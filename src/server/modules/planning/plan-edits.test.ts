import { beforeAll, describe, expect, it } from 'vitest';
import type { Priority } from '../../../shared/contracts/planning';
import { systemActor } from '../../platform/auth/actor';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let head: Session;
let planId: string;
let pr: Priority;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  head = await signIn(h, t.people.headA.email);
  const sys = systemActor(t.trustId);
  planId = (
    await h.services.planning.createPlan(sys, {
      title: 'Plan',
      schoolId: t.schoolA,
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      reviewEveryWeeks: 6,
    })
  ).id;
  pr = await h.services.planning.addPriority(sys, planId, {
    title: 'Reading fluency',
    rationale: '',
    statementIds: [],
    tags: [],
  });
  pr = await h.services.planning.addOutcome(sys, pr.id, {
    description: 'More fluent readers',
    measure: 'Words read correctly per minute',
    unit: '',
    numeric: true,
    direction: 'up',
    groupLabel: 'Year 3',
    baselineValue: '70',
    baselineOn: '2026-09-10',
    targetValue: '90',
    targetOn: '2027-07-01',
  });
  pr = await h.services.planning.addAction(sys, pr.id, {
    description: 'Train staff in paired reading',
    ownerPersonId: t.people.teacherA.id,
    startsOn: '2026-09-01',
    dueOn: '2026-10-15',
    resources: '',
    status: 'not_started',
  });
  pr = await h.services.planning.planCheck(sys, pr.id, {
    dueOn: '2026-12-01',
    method: 'assessment',
    outcomeIds: [],
  });
});

const patch = (url: string, payload: object) =>
  h.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: head.headers, payload });

const outcomeFields = (p: Priority) => {
  const { id, latestValue, latestOn, onTrack, ...fields } = p.outcomes[0]!;
  return { id, fields };
};

describe('editing an outcome', () => {
  it('changes the target, audits it, and refuses the version it replaced', async () => {
    const { id, fields } = outcomeFields(pr);
    const res = await patch(`/outcomes/${id}`, { ...fields, targetValue: '95' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcomes[0]).toMatchObject({ targetValue: '95', version: fields.version + 1 });
    const audit = await h.db
      .selectFrom('audit_events')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .select('changes')
      .executeTakeFirst();
    expect(JSON.stringify(audit?.changes)).toContain('"targetValue":"95"');

    const stale = await patch(`/outcomes/${id}`, { ...fields, targetValue: '99' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Someone else changed this/);
    pr = res.json();
  });

  it('keeps the create rules: numeric targets and dates in order', async () => {
    const { id, fields } = outcomeFields(pr);
    const words = await patch(`/outcomes/${id}`, { ...fields, targetValue: 'lots more' });
    expect(words.statusCode).toBe(400);
    expect(words.body).toContain('targetValue');
    const backwards = await patch(`/outcomes/${id}`, { ...fields, targetOn: '2026-09-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('targetOn');
  });
});

describe('editing actions, checks, priorities and plans', () => {
  it('moves an action to done and refuses an owner from another school', async () => {
    const a = pr.actions[0]!;
    const body = {
      version: a.version,
      description: a.description,
      ownerPersonId: t.people.headB.id,
      startsOn: a.startsOn,
      dueOn: a.dueOn,
      status: 'done',
    };
    const outsider = await patch(`/actions/${a.id}`, body);
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.details).toMatchObject({ field: 'ownerPersonId' });
    const done = await patch(`/actions/${a.id}`, { ...body, ownerPersonId: t.people.teacherA.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actions[0]).toMatchObject({ status: 'done', overdue: false });
    const early = await patch(`/actions/${a.id}`, { ...body, version: a.version + 1, dueOn: '2026-08-01' });
    expect(early.statusCode).toBe(400);
  });

  it('re-plans a check until it is recorded', async () => {
    const c = pr.checks[0]!;
    const res = await patch(`/checks/${c.id}`, {
      version: c.version,
      dueOn: '2027-01-12',
      method: 'pupil_voice',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checks[0]).toMatchObject({ dueOn: '2027-01-12', method: 'pupil_voice' });
    const recorded = await h.services.planning.recordCheck(systemActor(t.trustId), c.id, {
      version: c.version + 1,
      recordedOn: '2027-01-12',
      findings: 'Pupils describe the routine',
      values: [],
      rag: 'green',
      response: 'continue',
      responseDetail: '',
    });
    const late = await patch(`/checks/${c.id}`, {
      version: recorded.checks[0]!.version,
      dueOn: '2027-02-01',
      method: 'survey',
    });
    expect(late.statusCode).toBe(409);
  });

  it('renames a priority and marks it completed', async () => {
    const current = await h.services.planning.getPriority(systemActor(t.trustId), pr.id);
    const res = await patch(`/priorities/${pr.id}`, {
      version: current.version,
      title: 'Reading fluency in Key Stage 2',
      status: 'completed',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Reading fluency in Key Stage 2', status: 'completed' });
  });

  it('edits plan details with the period in order', async () => {
    const base = { version: 1, title: 'Plan 2026/27', periodStart: '2026-09-01', periodEnd: '2027-08-31' };
    const backwards = await patch(`/plans/${planId}`, { ...base, periodEnd: '2026-08-01' });
    expect(backwards.statusCode).toBe(400);
    const res = await patch(`/plans/${planId}`, base);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Plan 2026/27', version: 2 });
    expect((await patch(`/plans/${planId}`, base)).statusCode).toBe(409);
  });
});
