import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { openRound } from '../../test/evaluation-fixtures';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let head: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  head = await signIn(h, t.people.headA.email);
});
afterEach(() => h.clock.set(null));

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

/** An agreed "Developing" judgement for school A, as the start of a plan. */
async function developingJudgement(tr: TrustFixture) {
  const { round } = await openRound(h, tr);
  const sys = systemActor(tr.trustId);
  const subject = round.subjects.find((s) => s.schoolId === tr.schoolA)!;
  const d = await h.services.evaluation.getSubject(sys, subject.id);
  const r = d.responses[0]!;
  await h.services.evaluation.respond(sys, r.id, {
    version: r.version,
    selfValue: 2,
    selfReason: 'Inconsistent across classes.',
  });
  await h.services.evaluation.transition(sys, subject.id, subject.version, 'submitted');
  await h.services.evaluation.agree(sys, r.id, {
    version: r.version + 1,
    agreedValue: 2,
    agreedRationale: '',
  });
  return { responseId: r.id, statementId: r.statementId };
}

describe('from judgement to impact', () => {
  it('creates a priority from a judgement and follows it through outcomes, checks and phases', async () => {
    h.clock.set('2026-10-05');
    const { responseId, statementId } = await developingJudgement(t);
    const created = await call(head, 'POST', '/priorities/from-judgement', { responseId });
    expect(created.statusCode, created.body).toBe(201);
    const priority = created.json();
    expect(priority.statements.map((s: { id: string }) => s.id)).toEqual([statementId]);
    expect(priority.phase).toBe('explore');
    const plan = (await call(head, 'GET', `/plans/${priority.planId}`)).json();
    expect(plan).toMatchObject({ schoolId: t.schoolA, periodStart: '2026-09-01', periodEnd: '2027-08-31' });

    // Asking again for the same judgement opens the priority already made from it.
    const again = (await call(head, 'POST', '/priorities/from-judgement', { responseId })).json();
    expect(again.id).toBe(priority.id);

    const withOutcome = await call(head, 'POST', `/priorities/${priority.id}/outcomes`, {
      description: 'More Year 1 pupils pass the phonics check',
      measure: '% meeting the phonics screening standard',
      unit: '%',
      baselineValue: '68',
      baselineOn: '2026-07-01',
      targetValue: '82',
      targetOn: '2027-07-01',
    });
    expect(withOutcome.statusCode, withOutcome.body).toBe(201);
    const outcomeId = withOutcome.json().outcomes[0].id;

    const planned = await call(head, 'POST', `/priorities/${priority.id}/checks`, {
      dueOn: '2026-12-10',
      method: 'assessment',
      outcomeIds: [outcomeId],
      ownerPersonId: t.people.headA.id,
    });
    const check = planned.json().checks[0];
    expect(check.state).toBe('planned');

    const recorded = await call(head, 'POST', `/checks/${check.id}/record`, {
      version: check.version,
      recordedOn: '2026-12-11',
      findings: 'Mock check: 71% on track, catch-up groups not yet daily.',
      values: [{ outcomeId, value: '71' }],
      rag: 'amber',
      response: 'adapt',
      responseDetail: 'Move catch-up to the afternoon so it happens every day.',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().checks[0]).toMatchObject({ state: 'recorded', response: 'adapt' });
    expect(recorded.json().outcomes[0]).toMatchObject({ latestValue: '71', latestOn: '2026-12-11' });

    let p = recorded.json();
    for (const to of ['prepare', 'deliver', 'sustain']) {
      const moved = await call(head, 'POST', `/priorities/${p.id}/phase`, {
        version: p.version,
        to,
        reason: `Ready for ${to}`,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      p = moved.json();
    }
    expect(p.phase).toBe('sustain');
    expect(p.phaseMoves.map((m: { to: string }) => m.to)).toEqual(['prepare', 'deliver', 'sustain']);
  });
});

describe('validation', () => {
  it('refuses dates out of order, non-numeric numeric targets and owners from elsewhere', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.headA.email);
    const bad = await call(s, 'POST', '/plans', {
      title: 'Plan',
      schoolId: tr.schoolA,
      periodStart: '2027-08-31',
      periodEnd: '2026-09-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('periodEnd');
    const plan = (
      await call(s, 'POST', '/plans', {
        title: 'Plan',
        schoolId: tr.schoolA,
        periodStart: '2026-09-01',
        periodEnd: '2027-08-31',
      })
    ).json();
    const pr = (await call(s, 'POST', `/plans/${plan.id}/priorities`, { title: 'Attendance' })).json();
    const words = await call(s, 'POST', `/priorities/${pr.id}/outcomes`, {
      description: 'Fewer absences',
      measure: 'Attendance %',
      baselineValue: 'ninety',
      baselineOn: '2026-09-01',
      targetValue: '95',
      targetOn: '2027-07-01',
    });
    expect(words.statusCode).toBe(400);
    expect(words.json().error.details.fields[0]).toMatchObject({
      field: 'baselineValue',
      message: 'Enter a number',
    });
    const elsewhere = await call(s, 'POST', `/priorities/${pr.id}/actions`, {
      description: 'Call home on first day of absence',
      ownerPersonId: tr.people.headB.id,
      startsOn: '2026-09-01',
      dueOn: '2026-10-01',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toEqual({ field: 'ownerPersonId' });
    const reversed = await call(s, 'POST', `/priorities/${pr.id}/actions`, {
      description: 'x',
      ownerPersonId: tr.people.teacherA.id,
      startsOn: '2026-10-01',
      dueOn: '2026-09-01',
    });
    expect(reversed.statusCode).toBe(400);
    const adaptWithoutDetail = await call(s, 'POST', `/priorities/${pr.id}/checks`, {
      dueOn: '2026-11-01',
      method: 'survey',
    });
    const c = adaptWithoutDetail.json().checks[0];
    const rec = await call(s, 'POST', `/checks/${c.id}/record`, {
      version: c.version,
      recordedOn: '2026-11-01',
      findings: 'x',
      rag: 'red',
      response: 'adapt',
    });
    expect(rec.json().error.details.fields[0].field).toBe('responseDetail');
  });

  it('keeps governors to reading plans', async () => {
    const gov = await signIn(h, t.people.governorA.email);
    const res = await call(gov, 'POST', '/plans', {
      title: 'Plan',
      schoolId: t.schoolA,
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the monitoring rhythm', () => {
  it('builds my week and agendas from what is due and overdue on the day', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.headA.email);
    const plan = (
      await call(s, 'POST', '/plans', {
        title: 'Plan',
        schoolId: tr.schoolA,
        periodStart: '2026-09-01',
        periodEnd: '2027-08-31',
        ownerPersonId: tr.people.headA.id,
      })
    ).json();
    let pr = (await call(s, 'POST', `/plans/${plan.id}/priorities`, { title: 'Reading' })).json();
    pr = (
      await call(s, 'POST', `/priorities/${pr.id}/outcomes`, {
        description: 'Reading age',
        measure: 'Months behind',
        direction: 'down',
        baselineValue: '12',
        baselineOn: '2026-09-01',
        targetValue: '4',
        targetOn: '2027-07-01',
      })
    ).json();
    const outcomeId = pr.outcomes[0].id;
    await call(s, 'POST', `/priorities/${pr.id}/actions`, {
      description: 'Train TAs',
      ownerPersonId: tr.people.headA.id,
      startsOn: '2026-09-01',
      dueOn: '2026-10-10',
    });
    await call(s, 'POST', `/priorities/${pr.id}/actions`, {
      description: 'Buy books',
      ownerPersonId: tr.people.headA.id,
      startsOn: '2026-09-01',
      dueOn: '2027-03-01',
    });
    pr = (
      await call(s, 'POST', `/priorities/${pr.id}/checks`, {
        dueOn: '2026-10-20',
        method: 'assessment',
        outcomeIds: [outcomeId],
      })
    ).json();

    h.clock.set('2026-10-01');
    let week = (await call(s, 'GET', '/me/week')).json();
    expect(week.items.map((i: { title: string; overdue: boolean }) => [i.title, i.overdue])).toEqual([
      ['Train TAs', false],
    ]);

    h.clock.set('2026-10-15');
    week = (await call(s, 'GET', '/me/week')).json();
    expect(week.items.map((i: { kind: string; overdue: boolean }) => [i.kind, i.overdue])).toEqual([
      ['action', true],
      ['check', false],
    ]);

    h.clock.set('2026-11-01');
    const check = pr.checks[0];
    await call(s, 'POST', `/checks/${check.id}/record`, {
      version: check.version,
      recordedOn: '2026-11-01',
      findings: 'Still 11 months behind',
      values: [{ outcomeId, value: '11' }],
      rag: 'red',
      response: 'continue',
    });
    const lm = await signIn(h, tr.people.admin.email);
    const agenda = (await call(lm, 'GET', `/people/${tr.people.headA.id}/agenda`)).json();
    expect(agenda.on).toBe('2026-11-01');
    expect(agenda.offTrackOutcomes).toEqual([expect.objectContaining({ outcomeId, latestValue: '11' })]);
    expect(
      agenda.items.some((i: { title: string; overdue: boolean }) => i.title === 'Train TAs' && i.overdue),
    ).toBe(true);
    // Another school's head may not read this person's agenda.
    const other = await signIn(h, tr.people.headB.email);
    expect((await call(other, 'GET', `/people/${tr.people.headA.id}/agenda`)).statusCode).toBe(403);
  });
});

describe('stopping what does not work', () => {
  it('de-implements a priority from a check and lists it in the trust overview', async () => {
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.headA.email);
    const plan = (
      await call(s, 'POST', '/plans', {
        title: 'Plan',
        schoolId: tr.schoolA,
        periodStart: '2026-09-01',
        periodEnd: '2027-08-31',
      })
    ).json();
    let pr = (await call(s, 'POST', `/plans/${plan.id}/priorities`, { title: 'Marking stickers' })).json();
    pr = (
      await call(s, 'POST', `/priorities/${pr.id}/checks`, { dueOn: '2026-11-01', method: 'work_scrutiny' })
    ).json();
    const c = pr.checks[0];
    const stopped = await call(s, 'POST', `/checks/${c.id}/record`, {
      version: c.version,
      recordedOn: '2026-11-02',
      findings: 'No difference in books',
      rag: 'red',
      response: 'stop',
      responseDetail: 'No effect on the quality of work and heavy on time',
      deimplementation: { timeFreed: '2 hours a week per teacher' },
    });
    expect(stopped.json().status).toBe('stopped');
    const admin = await signIn(h, tr.people.admin.email);
    const overview = (await call(admin, 'GET', '/plans/overview')).json();
    expect(overview.deimplemented).toEqual([
      expect.objectContaining({ title: 'Marking stickers', timeFreed: '2 hours a week per teacher' }),
    ]);
    expect(overview.plans[0]).toMatchObject({ priorities: 1, stopped: 1 });
  });
});

describe('exports', () => {
  it('exports a plan as a Word document that contains its priorities, outcomes and checks', async () => {
    h.clock.set('2026-10-05');
    const tr = await buildTrust(h);
    const s = await signIn(h, tr.people.headA.email);
    const { responseId } = await developingJudgement(tr);
    let pr = (await call(s, 'POST', '/priorities/from-judgement', { responseId })).json();
    pr = (
      await call(s, 'POST', `/priorities/${pr.id}/outcomes`, {
        description: 'Daily catch-up reaches every pupil',
        measure: '% of pupils',
        baselineValue: '40',
        baselineOn: '2026-09-01',
        targetValue: '95',
        targetOn: '2027-03-01',
      })
    ).json();
    await call(s, 'POST', `/priorities/${pr.id}/checks`, {
      dueOn: '2026-12-01',
      method: 'lesson_visits',
      outcomeIds: [pr.outcomes[0].id],
    });
    const res = await call(s, 'GET', `/plans/${pr.planId}/export`);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(pr.title.replace(/’/g, '’'));
    expect(text).toContain('Daily catch-up reaches every pupil');
    expect(text).toContain('Lesson visits');
    const xlsx = await call(s, 'GET', '/plans/export');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
