import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { openRound } from '../../test/evaluation-fixtures';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { pupilsRepository } from '../data/pupils.repository';
import { generateCohort } from '../data/synthetic';
import { frameworksRepository } from '../frameworks/frameworks.repository';

let h: Harness;
let t: TrustFixture;
let other: TrustFixture;
let head: Session;
let lead: Session;
let teacher: Session;
let otherAdmin: Session;
let priorityId: string;
let statementId: string;
let pupils: {
  id: string;
  upn: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string;
}[];

const components = [
  {
    framework: 'ofsted',
    frameworkName: 'Ofsted',
    code: 'ofsted.curriculum-teaching',
    strand: null,
    label: 'Curriculum and teaching',
  },
  {
    framework: 'cst',
    frameworkName: 'CST',
    code: 'cst.implement.process',
    strand: 'Implement',
    label: 'Implement well',
  },
];

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  other = await buildTrust(h);
  for (const x of [t, other]) await frameworksRepository.insertComponents(h.db, x.trustId, components);
  [head, lead, teacher, otherAdmin] = await Promise.all([
    signIn(h, t.people.headA.email),
    signIn(h, t.people.lead.email),
    signIn(h, t.people.teacherA.email),
    signIn(h, other.people.admin.email),
  ]);
  const sys = systemActor(t.trustId);
  // School A has pupils on roll: none of them may appear in what is published.
  const cohort = generateCohort({
    seed: 7,
    laCode: '383',
    estab: '4001',
    size: 60,
    yearGroup: 'Y11',
    schoolEffect: 0,
    birthYear: 2010,
  });
  await pupilsRepository.insertPupils(h.db, t.trustId, t.schoolA, cohort);
  pupils = await h.db
    .selectFrom('pupils')
    .where('trust_id', '=', t.trustId)
    .select(['id', 'upn', 'given_name', 'family_name', 'date_of_birth'])
    .execute();

  // A school judged below Secure on a phonics statement in the latest round.
  const { round } = await openRound(h, t);
  const subject = round.subjects.find((s) => s.schoolId === t.schoolA)!;
  const detail = await h.services.evaluation.getSubject(sys, subject.id);
  const weak = detail.responses[0]!;
  statementId = weak.statementId;
  await h.services.evaluation.respond(sys, weak.id, { version: weak.version, selfValue: 1 });

  const plan = await h.services.planning.createPlan(sys, {
    title: 'Reading plan',
    schoolId: t.schoolA,
    periodStart: '2026-09-01',
    periodEnd: '2027-08-31',
    reviewEveryWeeks: 6,
  });
  let pr = await h.services.planning.addPriority(sys, plan.id, {
    title: 'Daily phonics catch-up in Year 1',
    rationale: 'Too many pupils fell behind in phonics and were not caught up the same day.',
    statementIds: [statementId],
    tags: ['cst.implement.process'],
  });
  priorityId = pr.id;
  pr = await h.services.planning.savePhaseNotes(
    sys,
    pr.id,
    pr.version,
    'explore',
    'Read the evidence on phonics.',
  );
  pr = await h.services.planning.addOutcome(sys, pr.id, {
    description: 'More pupils pass the phonics check',
    measure: 'Phonics screening check pass rate',
    unit: '%',
    numeric: true,
    direction: 'up',
    groupLabel: 'Disadvantaged pupils',
    baselineValue: '61',
    baselineOn: '2026-09-01',
    targetValue: '80',
    targetOn: '2027-07-01',
  });
  pr = await h.services.planning.addAction(sys, pr.id, {
    description: 'Same-day catch-up sessions led by trained assistants',
    ownerPersonId: t.people.headA.id,
    startsOn: '2026-09-01',
    dueOn: '2026-12-01',
    resources: '20 minutes a day',
    status: 'in_progress',
  });
  pr = await h.services.planning.planCheck(sys, pr.id, {
    dueOn: '2026-12-01',
    method: 'assessment',
    outcomeIds: [pr.outcomes[0]!.id],
  });
  pr = await h.services.planning.recordCheck(sys, pr.checks[0]!.id, {
    version: pr.checks[0]!.version,
    recordedOn: '2026-12-01',
    findings: 'Catch-up groups closed most gaps within a week.',
    values: [{ outcomeId: pr.outcomes[0]!.id, value: '72' }],
    rag: 'green',
    response: 'scale',
    responseDetail: 'Extend to Year 2',
  });
  await h.services.planning.movePhase(sys, pr.id, pr.version, 'prepare', 'The approach is chosen.');
});

describe('case studies from a plan priority', () => {
  let id: string;
  let version: number;

  it('pre-fills a draft from the priority', async () => {
    const res = await call(head, 'POST', `/priorities/${priorityId}/case-study`);
    expect(res.statusCode, res.body).toBe(201);
    const cs = res.json();
    id = cs.id;
    version = cs.version;
    expect(cs).toMatchObject({
      title: 'Daily phonics catch-up in Year 1',
      status: 'draft',
      visibility: 'trust',
      sourcePriorityId: priorityId,
      region: 'Leeds',
      phase: 'secondary',
      demographics: { pupils: null, disadvantagedPercent: null },
    });
    expect(cs.problem).toContain('Too many pupils fell behind');
    expect(cs.approach).toContain('Same-day catch-up sessions');
    expect(cs.eefPhases.map((p: { phase: string }) => p.phase)).toEqual(['explore', 'prepare']);
    expect(cs.eefPhases[0].summary).toContain('Read the evidence on phonics.');
    expect(cs.impact).toEqual([
      expect.objectContaining({
        kind: 'attainment',
        before: '61',
        after: '72',
        target: '80',
        group: 'Disadvantaged pupils',
      }),
    ]);
    expect(cs.lessons).toContain('Catch-up groups closed most gaps');
    expect(cs.lessons).toContain('scaled it up');
    expect(cs.components.map((c: { code: string }) => c.code).sort()).toEqual([
      'cst.implement.process',
      'ofsted.curriculum-teaching',
    ]);
    expect(cs.statements.map((s: { id: string }) => s.id)).toEqual([statementId]);
  });

  it('keeps drafts from readers who cannot write', async () => {
    expect((await call(teacher, 'GET', `/case-studies/${id}`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', `/case-studies/${id}`)).statusCode).toBe(404);
  });

  it('refuses a stale edit with 409', async () => {
    const ok = await call(head, 'PATCH', `/case-studies/${id}`, {
      version,
      lessons: 'Start catch-up in the first week of term.',
      doDifferently: 'Train assistants before September, not during it.',
      visibility: 'all_trusts',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await call(head, 'PATCH', `/case-studies/${id}`, { version, title: 'Old' });
    expect(stale.statusCode).toBe(409);
    version = ok.json().version;
  });

  it('refuses to publish a case study that names a pupil', async () => {
    const p = pupils[0]!;
    const named = await call(head, 'PATCH', `/case-studies/${id}`, {
      version,
      approach: `Started with ${p.given_name} ${p.family_name} in Year 1.`,
    });
    version = named.json().version;
    version = (
      await call(head, 'POST', `/case-studies/${id}/transition`, { version, to: 'in_review' })
    ).json().version;
    const refused = await call(lead, 'POST', `/case-studies/${id}/transition`, { version, to: 'published' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.findings).toEqual([{ field: 'approach', kind: 'pupil_name' }]);
    const back = await call(lead, 'POST', `/case-studies/${id}/transition`, {
      version,
      to: 'draft',
      note: 'Please take out the pupil name.',
    });
    expect(back.json()).toMatchObject({ status: 'draft', reviewNote: 'Please take out the pupil name.' });
    version = back.json().version;
    version = (
      await call(head, 'PATCH', `/case-studies/${id}`, {
        version,
        approach: 'Started with the whole of Year 1.',
      })
    ).json().version;
  });

  it('lets only a lead publish, and the published copy holds no pupil-level data', async () => {
    version = (
      await call(head, 'POST', `/case-studies/${id}/transition`, { version, to: 'in_review' })
    ).json().version;
    const byHead = await call(head, 'POST', `/case-studies/${id}/transition`, { version, to: 'published' });
    expect(byHead.statusCode).toBe(403);
    const published = await call(lead, 'POST', `/case-studies/${id}/transition`, {
      version,
      to: 'published',
    });
    expect(published.statusCode, published.body).toBe(200);

    // Read it as another trust reads it (shared with every trust) and as the trust's own teacher.
    for (const reader of [otherAdmin, teacher]) {
      const res = await call(reader, 'GET', `/case-studies/${id}`);
      expect(res.statusCode, `${published.json().visibility} ${res.body}`).toBe(200);
      const body = res.body;
      const json = res.json();
      expect(json.status).toBe('published');
      for (const p of pupils) {
        expect(body).not.toContain(p.id);
        if (p.upn) expect(body).not.toContain(p.upn);
        expect(body).not.toContain(p.date_of_birth);
        expect(body.toLowerCase()).not.toContain(`${p.given_name} ${p.family_name}`.toLowerCase());
      }
      const keys = JSON.stringify(json, (k, v) => {
        expect(k).not.toMatch(/upn|pupilId|dateOfBirth|birth|givenName|familyName/i);
        return v;
      });
      expect(keys.length).toBeGreaterThan(0);
      // Figures about pupils are whole-school aggregates only.
      expect(Object.keys(json.demographics).sort()).toEqual([
        'disadvantagedPercent',
        'ealPercent',
        'pupils',
        'senPercent',
      ]);
    }
    // Another trust sees neither the school nor the priority behind it.
    expect((await call(otherAdmin, 'GET', `/case-studies/${id}`)).json()).toMatchObject({
      ownTrust: false,
      schoolId: null,
      schoolName: null,
      sourcePriorityId: null,
    });
    // A published case study changes only after it is withdrawn.
    const v = published.json().version;
    expect((await call(head, 'PATCH', `/case-studies/${id}`, { version: v, title: 'x' })).statusCode).toBe(
      409,
    );
  });
});

describe('search and suggestions', () => {
  beforeAll(async () => {
    const sys = systemActor(t.trustId);
    const make = async (title: string, problem: string, extra: object, publish = true) => {
      const cs = await h.services.library.create(sys, {
        title,
        problem,
        approach: '',
        lessons: '',
        doDifferently: '',
        schoolId: t.schoolB,
        schoolCount: 1,
        region: 'Calderdale',
        phase: 'primary',
        demographics: { pupils: null, disadvantagedPercent: null, senPercent: null, ealPercent: null },
        eefPhases: [],
        impact: [],
        contacts: [],
        componentCodes: [],
        statementIds: [],
        visibility: 'trust',
        ...extra,
      });
      if (!publish) return cs;
      const r = await h.services.library.transition(sys, cs.id, {
        version: cs.version,
        to: 'in_review',
        note: '',
      });
      return h.services.library.transition(sys, cs.id, { version: r.version, to: 'published', note: '' });
    };
    await make('Attendance first', 'Persistent absence in Year 9 was rising.', {
      impact: [
        {
          kind: 'attendance',
          measure: 'Persistent absence',
          group: 'All pupils',
          unit: '%',
          before: '24',
          beforeOn: null,
          after: '15',
          afterOn: null,
          target: null,
          source: 'DfE attendance data',
        },
      ],
    });
    await make('Vocabulary across the curriculum', 'Pupils lacked the vocabulary to read science texts.', {
      componentCodes: ['cst.implement.process'],
    });
    await make('Unfinished draft about attendance', 'Absence again.', {}, false);
  });

  it('ranks full-text matches and marks the matched words', async () => {
    const res = (await call(teacher, 'GET', '/case-studies?q=absence')).json();
    const titles = res.results.map((r: { title: string }) => r.title);
    expect(titles).toEqual(['Attendance first']);
    expect(res.results[0].snippet).toContain('[[absence]]');
    expect(res.facets.regions).toContain('Calderdale');
  });

  it('filters by component, measure, phase and region', async () => {
    // Other trusts in the same test database may share case studies with every trust: look at ours.
    const own = (r: { ownTrust: boolean }) => r.ownTrust;
    const byComponent = (await call(teacher, 'GET', '/case-studies?component=cst.implement.process')).json();
    expect(
      byComponent.results
        .filter(own)
        .map((r: { title: string }) => r.title)
        .sort(),
    ).toEqual(['Daily phonics catch-up in Year 1', 'Vocabulary across the curriculum']);
    const byMeasure = (await call(teacher, 'GET', '/case-studies?measure=attendance')).json();
    expect(byMeasure.results.map((r: { title: string }) => r.title)).toEqual(['Attendance first']);
    const byRegion = (await call(teacher, 'GET', '/case-studies?region=Leeds&phase=secondary')).json();
    expect(byRegion.results.map((r: { title: string }) => r.title)).toEqual([
      'Daily phonics catch-up in Year 1',
    ]);
  });

  it('shows drafts to leads but not to teachers, and trust-only ones to no other trust', async () => {
    const q = '/case-studies?q=attendance';
    expect((await call(lead, 'GET', q)).json().results.map((r: { title: string }) => r.title)).toContain(
      'Unfinished draft about attendance',
    );
    expect(
      (await call(teacher, 'GET', q)).json().results.map((r: { title: string }) => r.title),
    ).not.toContain('Unfinished draft about attendance');
    const ours = (await call(teacher, 'GET', '/case-studies'))
      .json()
      .results.find((r: { ownTrust: boolean }) => r.ownTrust).trustName;
    const theirs = (await call(otherAdmin, 'GET', '/case-studies?limit=100')).json().results;
    expect(
      theirs
        .filter((r: { trustName: string }) => r.trustName === ours)
        .map((r: { title: string }) => r.title),
    ).toEqual(['Daily phonics catch-up in Year 1']);
    expect(JSON.stringify(theirs)).not.toContain(t.schoolA);
  });

  it('suggests case studies for the statements a school judged below Secure', async () => {
    const res = await call(head, 'GET', `/schools/${t.schoolA}/case-study-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.weakStatements).toBe(1);
    expect(s.roundName).toBe('Autumn 2026');
    expect(s.results[0]).toMatchObject({
      title: 'Daily phonics catch-up in Year 1',
      matchedComponents: ['ofsted.curriculum-teaching'],
    });
    expect(s.results.map((r: { title: string }) => r.title)).not.toContain('Attendance first');
  });
});

describe('the EEF Toolkit list', () => {
  it('starts from the shipped list and lets an administrator correct it', async () => {
    const list = (await call(teacher, 'GET', '/toolkit-strands')).json();
    expect(list.canEdit).toBe(false);
    expect(list.strands).toHaveLength(20);
    const meta = list.strands.find((s: { slug: string }) => s.slug === 'metacognition');
    expect(meta).toMatchObject({ name: 'Metacognition and self-regulation', monthsImpact: 7 });
    expect(list.strands.find((s: { slug: string }) => s.slug === 'setting-streaming').monthsImpact).toBe(-2);

    expect(
      (await call(lead, 'PATCH', `/toolkit-strands/${meta.id}`, { version: meta.version, cost: 2 }))
        .statusCode,
    ).toBe(403);
    const admin = await signIn(h, t.people.admin.email);
    const edited = await call(admin, 'PATCH', `/toolkit-strands/${meta.id}`, {
      version: meta.version,
      cost: 2,
    });
    expect(edited.json()).toMatchObject({ cost: 2, version: meta.version + 1 });
    const stale = await call(admin, 'PATCH', `/toolkit-strands/${meta.id}`, {
      version: meta.version,
      cost: 3,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets a priority cite strands in its Explore phase', async () => {
    const list = (await call(head, 'GET', '/toolkit-strands')).json();
    const phonics = list.strands.find((s: { slug: string }) => s.slug === 'phonics');
    const put = await call(head, 'PUT', `/priorities/${priorityId}/toolkit-strands`, {
      strands: [{ strandId: phonics.id, note: 'Our main evidence' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const got = (await call(teacher, 'GET', `/priorities/${priorityId}/toolkit-strands`)).json();
    expect(got.strands).toEqual([
      expect.objectContaining({ name: 'Phonics', monthsImpact: 5, note: 'Our main evidence' }),
    ]);
    const foreign = (await call(otherAdmin, 'GET', '/toolkit-strands')).json().strands[0];
    const bad = await call(head, 'PUT', `/priorities/${priorityId}/toolkit-strands`, {
      strands: [{ strandId: foreign.id }],
    });
    expect(bad.statusCode).toBe(400);
  });
});
