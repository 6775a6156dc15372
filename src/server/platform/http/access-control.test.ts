import { beforeAll, describe, expect, it } from 'vitest';
import { pupilsRepository } from '../../modules/data/pupils.repository';
import { seedInterventionTrial } from '../../modules/data/seed-pupils';
import { orgRepository } from '../../modules/org/org.repository';
import { peopleRepository } from '../../modules/people/people.repository';
import { openRound, smallSchoolTool } from '../../test/evaluation-fixtures';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { systemActor } from '../auth/actor';

/**
 * For every API route: who may use it, and proof that everyone else is refused (403/404) and never
 * sees the trust's data, including the administrator of a second trust on the same server.
 */
type Persona = keyof TrustFixture['people'] | 'otherTrustAdmin';
type Req = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: object | string;
  headers?: Record<string, string>;
};
type Case = {
  route: string;
  allowed: Persona[];
  /** Lists answer 200 with only what the caller may see; the test checks nothing of the trust leaks. */
  list?: boolean;
  /** Acts in the caller's own trust (no target in the fixture's trust): another trust's admin may succeed there. */
  ownTrust?: boolean;
  build: (t: TrustFixture) => Promise<Req>;
};

let h: Harness;
let t: TrustFixture;
const sessions = {} as Record<Persona, Session>;
const personas: Persona[] = [
  'admin',
  'lead',
  'trustee',
  'headA',
  'englishLeadA',
  'teacherA',
  'governorA',
  'dataManagerA',
  'headB',
  'noRoles',
  'otherTrustAdmin',
];
const everyone = personas.filter((p) => p !== 'otherTrustAdmin');
const readersOfA: Persona[] = [
  'admin',
  'lead',
  'trustee',
  'headA',
  'englishLeadA',
  'teacherA',
  'governorA',
  'dataManagerA',
];

const version = async (table: 'schools' | 'departments' | 'people', id: string) =>
  (await h.db.selectFrom(table).where('id', '=', id).select('version').executeTakeFirstOrThrow()).version;
let seq = 0;
const unique = (s: string) => `${s} ${++seq}`;
const freshDepartment = async (t: TrustFixture, schoolId = t.schoolA) =>
  (await orgRepository.insertDepartment(h.db, t.trustId, schoolId, unique('Dept'))).id;
const freshPerson = async (t: TrustFixture, schoolId: string | null = t.schoolA) => {
  const { id } = await peopleRepository.insertPerson(h.db, {
    trustId: t.trustId,
    email: `${unique('p').replace(' ', '')}.${t.trustId.slice(0, 8)}@test.example`,
    name: unique('Person'),
    jobTitle: 'Teacher',
  });
  if (schoolId)
    await peopleRepository.insertAssignment(h.db, {
      trustId: t.trustId,
      personId: id,
      role: 'teacher',
      schoolId,
      departmentId: null,
    });
  return id;
};

/** A fresh round over schools A and B; optionally submitted (everything judged 2, or left). */
const freshRound = async (t: TrustFixture, state: 'draft' | 'submitted' = 'draft') => {
  const { round, tool } = await openRound(h, t, smallSchoolTool(`tool-${++seq}`));
  const subject = round.subjects.find((s) => s.schoolId === t.schoolA)!;
  const sys = systemActor(t.trustId);
  const detail = await h.services.evaluation.getSubject(sys, subject.id);
  if (state === 'submitted') {
    for (const r of detail.responses)
      await h.services.evaluation.respond(sys, r.id, { version: r.version, selfValue: 2 });
    await h.services.evaluation.transition(sys, subject.id, subject.version, 'submitted');
  }
  const after = await h.services.evaluation.getSubject(sys, subject.id);
  return { round, tool, subject: after.subject, responses: after.responses };
};
const staffOfA: Persona[] = ['admin', 'lead', 'headA', 'englishLeadA', 'teacherA'];
const frameworkReaders = everyone.filter((p) => p !== 'noRoles');
const evalReaders: Persona[] = [
  'admin',
  'lead',
  'trustee',
  'headA',
  'englishLeadA',
  'teacherA',
  'governorA',
  'headB',
];
let sharedRound: Awaited<ReturnType<typeof freshRound>>;

/** A plan for school A with one priority that has an outcome, an action and a planned check. */
const freshPriority = async (t: TrustFixture) => {
  const sys = systemActor(t.trustId);
  const plan = await h.services.planning.createPlan(sys, {
    title: unique('Plan'),
    schoolId: t.schoolA,
    periodStart: '2026-09-01',
    periodEnd: '2027-08-31',
    reviewEveryWeeks: 6,
  });
  let pr = await h.services.planning.addPriority(sys, plan.id, {
    title: unique('Priority'),
    rationale: '',
    statementIds: [],
    tags: [],
  });
  pr = await h.services.planning.addOutcome(sys, pr.id, {
    description: 'Outcome',
    measure: 'Measure',
    unit: '%',
    numeric: true,
    direction: 'up',
    groupLabel: 'All pupils',
    baselineValue: '50',
    baselineOn: '2026-09-01',
    targetValue: '60',
    targetOn: '2027-07-01',
  });
  pr = await h.services.planning.addAction(sys, pr.id, {
    description: 'Action',
    ownerPersonId: t.people.headA.id,
    startsOn: '2026-09-01',
    dueOn: '2026-12-01',
    resources: '',
    status: 'not_started',
  });
  pr = await h.services.planning.planCheck(sys, pr.id, {
    dueOn: '2026-12-01',
    method: 'survey',
    outcomeIds: [],
  });
  return { plan, priority: pr };
};
const planReadersA: Persona[] = [
  'admin',
  'lead',
  'trustee',
  'headA',
  'englishLeadA',
  'teacherA',
  'governorA',
  'dataManagerA',
];
const planWritersA: Persona[] = ['admin', 'lead', 'headA'];
let sharedPlan: Awaited<ReturnType<typeof freshPriority>>;
const interventionWritersA: Persona[] = [
  'admin',
  'lead',
  'headA',
  'englishLeadA',
  'teacherA',
  'dataManagerA',
];
/** An intervention at school A, with one pupil in it (and one session) when asked. */
const freshIntervention = async (t: TrustFixture, opts: { pupil?: boolean; session?: boolean } = {}) => {
  const sys = systemActor(t.trustId);
  const trial = await seedInterventionTrial(
    h.db,
    t.trustId,
    { id: t.schoolA, urn: String(200000 + ++seq) },
    { effect: 0, size: 2, seed: seq, name: unique('Intervention trial') },
  );
  const pupilIds = [...trial.interventionPupilIds, ...trial.comparisonPupilIds];
  let iv = await h.services.interventions.create(sys, {
    schoolId: t.schoolA,
    priorityId: sharedPlan.priority.id,
    name: unique('Intervention'),
    type: 'tutoring',
    startsOn: '2025-09-01',
    endsOn: null,
    leadPersonId: null,
    plannedSessions: 10,
    notes: '',
    status: 'running',
    baselineAssessmentId: trial.preAssessmentId,
    outcomeAssessmentId: trial.postAssessmentId,
    matchedComparison: true,
  });
  if (opts.pupil || opts.session)
    iv = await h.services.interventions.addPupils(sys, iv.id, {
      version: iv.version,
      pupilIds: [pupilIds[0]!],
      joinedOn: '2025-09-01',
    });
  if (opts.session)
    iv = await h.services.interventions.recordSession(sys, iv.id, {
      version: iv.version,
      heldOn: '2025-09-08',
      attendedPupilIds: [pupilIds[0]!],
    });
  const upn = (
    await h.db.selectFrom('pupils').where('id', '=', pupilIds[1]!).select('upn').executeTakeFirstOrThrow()
  ).upn;
  return { iv, pupilIds, upn: upn ?? '' };
};
const interventionFields = {
  name: 'Tutoring',
  type: 'tutoring',
  startsOn: '2025-09-01',
  plannedSessions: 12,
};

// The calendar and grade sets are trust-wide: everyone with a role reads them.
const calendarEditors: Persona[] = ['admin', 'headA', 'dataManagerA', 'headB'];
const gradeSetEditors: Persona[] = ['admin', 'dataManagerA'];
let sharedYear: Promise<{ id: string; terms: { endsOn: string }[] }> | undefined;
const calendarYear = (t: TrustFixture) => {
  sharedYear ??= h.services.calendar
    .createYear(systemActor(t.trustId), { label: '2026/27' })
    .then((c) => ({ id: c.year.id, terms: c.year.terms }));
  return sharedYear;
};
const freshPoint = async (t: TrustFixture) => {
  const y = await calendarYear(t);
  const name = unique('Drop');
  const c = await h.services.calendar.addCollectionPoint(systemActor(t.trustId), y.id, {
    name,
    collectOn: y.terms[0]!.endsOn,
    yearGroups: ['Y7'],
  });
  // Points are listed by date, so the new one is found by its name.
  return c.collectionPoints.find((p) => p.name === name)!;
};
const freshPlannedAssessment = async (t: TrustFixture) => {
  const y = await calendarYear(t);
  const name = unique('Test');
  const c = await h.services.calendar.addAssessment(systemActor(t.trustId), y.id, {
    name,
    subject: 'Maths',
    yearGroup: 'Y8',
    type: 'test',
    plannedOn: '2026-11-02',
  });
  return c.assessments.find((a) => a.name === name)!;
};
const freshGradeSet = async (t: TrustFixture) =>
  h.services.gradeSets.create(systemActor(t.trustId), {
    key: `set_${++seq}`,
    name: 'Stars',
    scale: { kind: 'range', min: 0, max: 3, step: 1, suffix: null },
  });

/** A case study for school A: a fresh draft, or published to the trust only. */
const freshCaseStudy = async (t: TrustFixture, state: 'draft' | 'published' = 'draft') => {
  const sys = systemActor(t.trustId);
  const cs = await h.services.library.create(sys, {
    title: unique('Case study'),
    schoolId: t.schoolA,
    schoolCount: 1,
    region: '',
    phase: '',
    demographics: { pupils: null, disadvantagedPercent: null, senPercent: null, ealPercent: null },
    problem: 'Reading',
    approach: '',
    eefPhases: [],
    impact: [],
    lessons: '',
    doDifferently: '',
    contacts: [],
    componentCodes: [],
    statementIds: [],
    visibility: 'trust',
  });
  if (state === 'draft') return cs;
  const r = await h.services.library.transition(sys, cs.id, {
    version: cs.version,
    to: 'in_review',
    note: '',
  });
  return h.services.library.transition(sys, cs.id, { version: r.version, to: 'published', note: '' });
};
const libraryReaders = everyone.filter((p) => p !== 'noRoles');
const libraryWritersA: Persona[] = ['admin', 'lead', 'headA'];

const ks4 = 'RECTYPE,LEA,URN,SCHNAME,ATT8SCR,P8MEA\n1,202,100053,A School,47.2,-0.08\n5,,,,46.7,NA\n';
const freshImport = async (t: TrustFixture) =>
  h.services.data.importKs4(systemActor(t.trustId), {
    year: 2019,
    filename: 'ks4.csv',
    content: ks4,
    dryRun: false,
  });

const mappingBody = () => ({
  name: unique('Marksheet'),
  source: 'MIS export',
  mapping: {
    layout: 'long' as const,
    fields: { upn: { column: 'UPN' }, result: { column: 'Grade' } },
    assessments: [],
  },
});
const freshMapping = async (t: TrustFixture) =>
  h.services.mappingTemplates.create(systemActor(t.trustId), mappingBody());
const resultsCsv = 'upn,assessment,subject,year_group,academic_year,collection_point,grade_set,date,result\n';

const surveyFile = Buffer.from(
  [
    'ID,Start time,Completion time,Email,Name,Year group,I feel safe at school,Anything else?',
    ...Array.from(
      { length: 8 },
      (_, i) => `${i + 1},,14/03/2025 10:0${i}:00,p${i}@x.uk,Pupil ${i},Year 7,Agree,Fine`,
    ),
  ].join('\n'),
).toString('base64');
/** A pupil survey of school A with one committed import of eight responses. */
const freshSurvey = async (t: TrustFixture) => {
  const sys = systemActor(t.trustId);
  const survey = await h.services.surveys.create(sys, {
    title: unique('Survey'),
    audience: 'pupil',
    schoolId: t.schoolA,
    academicYear: '2024/25',
    opensOn: null,
    closesOn: null,
  });
  const imported = await h.services.surveyImports.importResponses(sys, survey.id, {
    schoolId: t.schoolA,
    filename: 's.csv',
    contentBase64: surveyFile,
    dryRun: false,
    mapping: {},
  });
  return { survey, importId: imported.import.id };
};
const surveyManagersOfA: Persona[] = ['admin', 'lead', 'headA', 'dataManagerA'];

const cases: Case[] = [
  {
    route: 'GET /api/v1/surveys',
    allowed: frameworkReaders,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/surveys' }),
  },
  {
    route: 'POST /api/v1/surveys',
    allowed: surveyManagersOfA,
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/surveys',
      payload: { title: unique('Survey'), audience: 'staff', schoolId: t.schoolA, academicYear: '2024/25' },
    }),
  },
  {
    route: 'GET /api/v1/surveys/:id',
    allowed: readersOfA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/surveys/${(await freshSurvey(t)).survey.id}` }),
  },
  {
    route: 'GET /api/v1/surveys/:id/results',
    allowed: readersOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/surveys/${(await freshSurvey(t)).survey.id}/results?breakdown=yearGroup`,
    }),
  },
  {
    route: 'POST /api/v1/surveys/:id/imports',
    allowed: surveyManagersOfA,
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/surveys/${(await freshSurvey(t)).survey.id}/imports`,
      payload: { schoolId: t.schoolA, filename: 's.csv', contentBase64: surveyFile, dryRun: true },
    }),
  },
  {
    route: 'PATCH /api/v1/survey-questions/:id',
    allowed: surveyManagersOfA,
    build: async (t) => {
      const { survey } = await freshSurvey(t);
      const detail = await h.services.surveys.detail(systemActor(t.trustId), survey.id);
      return {
        method: 'PATCH',
        url: `/api/v1/survey-questions/${detail.questions[0]!.id}`,
        payload: { surveyVersion: detail.survey.version, statementId: null, componentCode: null },
      };
    },
  },
  {
    route: 'DELETE /api/v1/survey-imports/:id',
    allowed: surveyManagersOfA,
    build: async (t) => ({
      method: 'DELETE',
      url: `/api/v1/survey-imports/${(await freshSurvey(t)).importId}`,
    }),
  },
  {
    // Every trust's readers search; another trust sees only what is shared with every trust.
    route: 'GET /api/v1/case-studies',
    allowed: libraryReaders,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/case-studies?q=reading' }),
  },
  {
    route: 'POST /api/v1/case-studies',
    allowed: libraryWritersA,
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/case-studies',
      payload: { title: unique('Case study'), schoolId: t.schoolA },
    }),
  },
  {
    route: 'GET /api/v1/case-studies/:id',
    allowed: libraryReaders,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/case-studies/${(await freshCaseStudy(t, 'published')).id}`,
    }),
  },
  {
    route: 'PATCH /api/v1/case-studies/:id',
    allowed: libraryWritersA,
    build: async (t) => {
      const cs = await freshCaseStudy(t);
      return {
        method: 'PATCH',
        url: `/api/v1/case-studies/${cs.id}`,
        payload: { version: cs.version, lessons: 'x' },
      };
    },
  },
  {
    route: 'POST /api/v1/case-studies/:id/transition',
    allowed: libraryWritersA,
    build: async (t) => {
      const cs = await freshCaseStudy(t);
      return {
        method: 'POST',
        url: `/api/v1/case-studies/${cs.id}/transition`,
        payload: { version: cs.version, to: 'in_review' },
      };
    },
  },
  {
    route: 'POST /api/v1/priorities/:id/case-study',
    allowed: libraryWritersA,
    build: async () => ({ method: 'POST', url: `/api/v1/priorities/${sharedPlan.priority.id}/case-study` }),
  },
  {
    route: 'GET /api/v1/schools/:id/case-study-suggestions',
    allowed: readersOfA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/schools/${t.schoolA}/case-study-suggestions` }),
  },
  {
    route: 'GET /api/v1/toolkit-strands',
    allowed: libraryReaders,
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/toolkit-strands' }),
  },
  {
    route: 'PATCH /api/v1/toolkit-strands/:id',
    allowed: ['admin'],
    build: async (t) => {
      const s = (await h.services.library.listToolkit(systemActor(t.trustId))).strands[0]!;
      return {
        method: 'PATCH',
        url: `/api/v1/toolkit-strands/${s.id}`,
        payload: { version: s.version, cost: 1 },
      };
    },
  },
  {
    route: 'GET /api/v1/priorities/:id/toolkit-strands',
    allowed: planReadersA,
    build: async () => ({
      method: 'GET',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/toolkit-strands`,
    }),
  },
  {
    route: 'PUT /api/v1/priorities/:id/toolkit-strands',
    allowed: planWritersA,
    build: async () => ({
      method: 'PUT',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/toolkit-strands`,
      payload: { strands: [] },
    }),
  },
  {
    route: 'POST /api/v1/imports/ctf',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/imports/ctf',
      payload: {
        schoolId: t.schoolA,
        filename: 'pupils.xml',
        contentBase64: Buffer.from('<CTfile><Header/></CTfile>').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'POST /api/v1/imports/pupils',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/imports/pupils',
      payload: {
        schoolId: t.schoolA,
        filename: 'p.csv',
        contentBase64: Buffer.from('UPN,given_name\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'GET /api/v1/schools/:id/agenda',
    allowed: planReadersA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/schools/${t.schoolA}/agenda` }),
  },
  {
    route: 'GET /api/v1/analysis/assessments',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/analysis/assessments' }),
  },
  {
    route: 'GET /api/v1/analysis/gaps',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    list: true,
    build: async (t) => {
      const { id } = await pupilsRepository.insertAssessment(h.db, {
        trustId: t.trustId,
        name: unique('Mock'),
        subject: 'Maths',
        yearGroup: 'Y11',
        academicYear: '2025/26',
        collectionPoint: 'Spring 1',
        gradeSet: 'gcse',
        takenOn: '2026-01-20',
      });
      return { method: 'GET', url: `/api/v1/analysis/gaps?assessmentId=${id}` };
    },
  },
  {
    route: 'GET /api/v1/reports/self-evaluation',
    allowed: staffOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/reports/self-evaluation?roundId=${sharedRound.round.id}&schoolId=${t.schoolA}`,
    }),
  },
  {
    route: 'GET /api/v1/reports/self-evaluation/file',
    allowed: staffOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/reports/self-evaluation/file?roundId=${sharedRound.round.id}&schoolId=${t.schoolA}&format=docx`,
    }),
  },
  {
    route: 'GET /api/v1/reports/plan',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/reports/plan?planId=${sharedPlan.plan.id}` }),
  },
  {
    route: 'GET /api/v1/reports/plan/file',
    allowed: planReadersA,
    build: async () => ({
      method: 'GET',
      url: `/api/v1/reports/plan/file?planId=${sharedPlan.plan.id}&format=docx`,
    }),
  },
  // Board reports, the dashboard and open data are suppressed aggregates of what each reader may see.
  {
    route: 'GET /api/v1/reports/board',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/reports/board' }),
  },
  {
    route: 'GET /api/v1/reports/board/file',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/reports/board/file?format=html' }),
  },
  {
    route: 'GET /api/v1/reports/open-data',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/reports/open-data?file=data' }),
  },
  {
    route: 'GET /api/v1/trust/board',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/trust/board' }),
  },
  {
    route: 'GET /api/v1/analysis/point-gaps',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    list: true,
    build: async () => ({
      method: 'GET',
      url: '/api/v1/analysis/point-gaps?academicYear=2025/26&collectionPoint=Spring%201',
    }),
  },
  {
    route: 'GET /api/v1/analysis/gap-trend',
    allowed: readersOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/analysis/gap-trend?subject=Maths&yearGroup=Y11&schoolId=${t.schoolA}`,
    }),
  },
  {
    route: 'GET /api/v1/analysis/gap-index',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    list: true,
    build: async () => ({
      method: 'GET',
      url: '/api/v1/analysis/gap-index?academicYear=2025/26&collectionPoint=Spring%201&yearGroup=Y11',
    }),
  },
  {
    route: 'POST /api/v1/analysis/intervention-impact',
    // Plan readers of school A who may also see its pupils' results.
    allowed: ['admin', 'lead', 'headA', 'englishLeadA', 'teacherA', 'dataManagerA'],
    build: async (t) => {
      const trial = await seedInterventionTrial(
        h.db,
        t.trustId,
        { id: t.schoolA, urn: String(200000 + ++seq) },
        { effect: 0, size: 6, seed: seq, name: unique('Trial') },
      );
      return {
        method: 'POST',
        url: '/api/v1/analysis/intervention-impact',
        payload: {
          priorityId: sharedPlan.priority.id,
          postAssessmentId: trial.postAssessmentId,
          interventionPupilIds: trial.interventionPupilIds.length
            ? trial.interventionPupilIds
            : trial.comparisonPupilIds,
          comparison: { kind: 'none' },
        },
      };
    },
  },
  {
    route: 'GET /api/v1/interventions',
    allowed: readersOfA,
    list: true,
    build: async (t) => {
      await freshIntervention(t);
      return { method: 'GET', url: '/api/v1/interventions' };
    },
  },
  {
    route: 'POST /api/v1/interventions',
    allowed: interventionWritersA,
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/interventions',
      payload: { schoolId: t.schoolA, ...interventionFields },
    }),
  },
  {
    route: 'GET /api/v1/interventions/:id',
    allowed: readersOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/interventions/${(await freshIntervention(t)).iv.id}`,
    }),
  },
  {
    route: 'PATCH /api/v1/interventions/:id',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv } = await freshIntervention(t);
      return {
        method: 'PATCH',
        url: `/api/v1/interventions/${iv.id}`,
        payload: { ...interventionFields, version: iv.version },
      };
    },
  },
  {
    route: 'DELETE /api/v1/interventions/:id',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv } = await freshIntervention(t);
      return { method: 'DELETE', url: `/api/v1/interventions/${iv.id}?version=${iv.version}` };
    },
  },
  {
    route: 'GET /api/v1/interventions/:id/candidates',
    allowed: interventionWritersA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/interventions/${(await freshIntervention(t)).iv.id}/candidates`,
    }),
  },
  {
    route: 'GET /api/v1/pupils',
    // Those who may see school A's pupils.
    allowed: ['admin', 'lead', 'headA', 'englishLeadA', 'teacherA', 'dataManagerA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/pupils?schoolId=${t.schoolA}&q=pupil` }),
  },
  {
    route: 'GET /api/v1/pupils/:id',
    allowed: ['admin', 'lead', 'headA', 'englishLeadA', 'teacherA', 'dataManagerA'],
    build: async (t) => {
      const { pupilIds } = await freshIntervention(t);
      return { method: 'GET', url: `/api/v1/pupils/${pupilIds[0]}` };
    },
  },
  {
    route: 'POST /api/v1/interventions/:id/pupils',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv, pupilIds } = await freshIntervention(t);
      return {
        method: 'POST',
        url: `/api/v1/interventions/${iv.id}/pupils`,
        payload: { version: iv.version, pupilIds: [pupilIds[0]] },
      };
    },
  },
  {
    route: 'POST /api/v1/interventions/:id/pupils/upns',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv, upn } = await freshIntervention(t);
      return {
        method: 'POST',
        url: `/api/v1/interventions/${iv.id}/pupils/upns`,
        payload: { version: iv.version, csv: `UPN\n${upn}\n` },
      };
    },
  },
  {
    route: 'PATCH /api/v1/interventions/:id/pupils/:pupilId',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv, pupilIds } = await freshIntervention(t, { pupil: true });
      return {
        method: 'PATCH',
        url: `/api/v1/interventions/${iv.id}/pupils/${pupilIds[0]}`,
        payload: { version: iv.version, joinedOn: '2025-09-01', leftOn: '2025-12-19' },
      };
    },
  },
  {
    route: 'DELETE /api/v1/interventions/:id/pupils/:pupilId',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv, pupilIds } = await freshIntervention(t, { pupil: true });
      return {
        method: 'DELETE',
        url: `/api/v1/interventions/${iv.id}/pupils/${pupilIds[0]}?version=${iv.version}`,
      };
    },
  },
  {
    route: 'PUT /api/v1/interventions/:id/sessions',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv, pupilIds } = await freshIntervention(t, { pupil: true });
      return {
        method: 'PUT',
        url: `/api/v1/interventions/${iv.id}/sessions`,
        payload: { version: iv.version, heldOn: '2025-09-15', attendedPupilIds: [pupilIds[0]] },
      };
    },
  },
  {
    route: 'DELETE /api/v1/interventions/:id/sessions/:sessionId',
    allowed: interventionWritersA,
    build: async (t) => {
      const { iv } = await freshIntervention(t, { session: true });
      return {
        method: 'DELETE',
        url: `/api/v1/interventions/${iv.id}/sessions/${iv.sessions![0]!.id}?version=${iv.version}`,
      };
    },
  },
  {
    route: 'GET /api/v1/interventions/:id/impact',
    allowed: readersOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/interventions/${(await freshIntervention(t, { pupil: true })).iv.id}/impact`,
    }),
  },
  {
    route: 'GET /api/v1/priorities/:id/interventions',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/priorities/${sharedPlan.priority.id}/interventions` }),
  },
  {
    route: 'GET /api/v1/priorities/:id/support',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/priorities/${sharedPlan.priority.id}/support` }),
  },
  {
    route: 'POST /api/v1/priorities/:id/barriers',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/barriers`,
      payload: { risk: 'Risk', likelihood: 'low', impact: 'low' },
    }),
  },
  {
    route: 'POST /api/v1/priorities/:id/support',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/support`,
      payload: { kind: 'cpd', startedOn: '2026-09-01' },
    }),
  },
  {
    route: 'POST /api/v1/priorities/:id/fidelity-measures',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/fidelity-measures`,
      payload: { name: 'KPI' },
    }),
  },
  {
    route: 'POST /api/v1/fidelity-measures/:id/values',
    allowed: planWritersA,
    build: async (t) => {
      const s = await h.services.planSupport.addMeasure(systemActor(t.trustId), sharedPlan.priority.id, {
        name: unique('KPI'),
        unit: '%',
      });
      return {
        method: 'POST',
        url: `/api/v1/fidelity-measures/${s.fidelity.at(-1)!.id}/values`,
        payload: { recordedOn: '2026-10-01', value: 50 },
      };
    },
  },
  {
    // Everyone who can plan sees their own load; administrators see everyone's.
    route: 'GET /api/v1/capacity',
    allowed: ['admin', 'lead', 'trustee', 'headA', 'englishLeadA', 'headB'],
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/capacity?from=2026-09-01&to=2026-12-31' }),
  },
  {
    route: 'GET /api/v1/people/:id/meetings',
    allowed: ['admin', 'lead', 'headA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/people/${t.people.headA.id}/meetings` }),
  },
  {
    route: 'POST /api/v1/people/:id/meetings',
    allowed: ['admin', 'lead', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/people/${t.people.headA.id}/meetings`,
      payload: { heldOn: '2026-10-07' },
    }),
  },
  {
    route: 'GET /api/v1/me/preferences',
    allowed: [...everyone, 'otherTrustAdmin'],
    build: async () => ({ method: 'GET', url: '/api/v1/me/preferences' }),
  },
  {
    route: 'PATCH /api/v1/me/preferences',
    allowed: [...everyone, 'otherTrustAdmin'],
    build: async () => ({ method: 'PATCH', url: '/api/v1/me/preferences', payload: { digestEnabled: true } }),
  },
  {
    route: 'POST /api/v1/imports/ks4-performance',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/imports/ks4-performance',
      payload: { year: 2019, filename: 'ks4.csv', content: ks4 },
    }),
  },
  {
    route: 'POST /api/v1/imports/results',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/imports/results?filename=r.csv&dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: 'upn,assessment,subject,year_group,academic_year,collection_point,grade_set,date,result\n',
    }),
  },
  {
    route: 'POST /api/v1/imports/results',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/imports/results?filename=r.csv&dryRun=true&schoolId=${t.schoolA}`,
      headers: { 'content-type': 'text/csv' },
      payload: 'upn,assessment,subject,year_group,academic_year,collection_point,grade_set,date,result\n',
    }),
  },
  {
    route: 'GET /api/v1/import-mappings',
    allowed: ['admin', 'headA', 'dataManagerA', 'headB', 'otherTrustAdmin'],
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/import-mappings' }),
  },
  {
    route: 'POST /api/v1/import-mappings',
    allowed: ['admin', 'headA', 'dataManagerA', 'headB', 'otherTrustAdmin'],
    ownTrust: true,
    build: async () => ({ method: 'POST', url: '/api/v1/import-mappings', payload: mappingBody() }),
  },
  {
    route: 'PATCH /api/v1/import-mappings/:id',
    allowed: ['admin', 'headA', 'dataManagerA', 'headB'],
    build: async (t) => {
      const m = await freshMapping(t);
      return {
        method: 'PATCH',
        url: `/api/v1/import-mappings/${m.id}`,
        payload: { version: m.version, source: 'SIMS' },
      };
    },
  },
  {
    route: 'DELETE /api/v1/import-mappings/:id',
    allowed: ['admin', 'headA', 'dataManagerA', 'headB'],
    build: async (t) => {
      const m = await freshMapping(t);
      return { method: 'DELETE', url: `/api/v1/import-mappings/${m.id}?version=${m.version}` };
    },
  },
  {
    route: 'POST /api/v1/imports/mapped/preview',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/imports/mapped/preview?filename=r.csv&schoolId=${t.schoolA}`,
      headers: { 'content-type': 'text/csv' },
      payload: resultsCsv,
    }),
  },
  {
    route: 'POST /api/v1/imports/mapped',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/imports/mapped?filename=r.csv&dryRun=true&schoolId=${t.schoolA}`,
      headers: { 'content-type': 'text/csv' },
      payload: resultsCsv,
    }),
  },
  {
    route: 'POST /api/v1/imports/attendance',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/imports/attendance',
      payload: {
        schoolId: t.schoolA,
        filename: 'attendance.csv',
        contentBase64: Buffer.from('upn\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'POST /api/v1/imports/behaviour',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/imports/behaviour',
      payload: {
        schoolId: t.schoolA,
        filename: 'behaviour.csv',
        contentBase64: Buffer.from('upn\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'POST /api/v1/imports/staff',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/imports/staff',
      payload: {
        schoolId: t.schoolA,
        filename: 'staff.csv',
        contentBase64: Buffer.from('upn\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'POST /api/v1/imports/gias',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/imports/gias',
      payload: {
        filename: 'gias.csv',
        establishmentsBase64: Buffer.from('URN\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    route: 'GET /api/v1/attendance/summary',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/attendance/summary' }),
  },
  {
    route: 'GET /api/v1/staff/retention',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/staff/retention' }),
  },
  {
    route: 'POST /api/v1/imports/school-datasets',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/imports/school-datasets',
      payload: {
        dataset: 'absence',
        year: 2019,
        filename: 'abs.csv',
        content: 'LA,ESTAB,URN,PERCTOT,PPERSABS10\n',
        dryRun: true,
      },
    }),
  },
  {
    route: 'GET /api/v1/pupils/export.csv',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/pupils/export.csv?schoolId=${t.schoolA}` }),
  },
  {
    route: 'GET /api/v1/results/export.csv',
    allowed: ['admin', 'headA', 'dataManagerA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/results/export.csv?schoolId=${t.schoolA}` }),
  },
  {
    route: 'GET /api/v1/imports',
    allowed: ['admin', 'headA', 'dataManagerA', 'headB'],
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/imports' }),
  },
  {
    route: 'GET /api/v1/imports/:id/rejected',
    allowed: ['admin'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/imports/${(await freshImport(t)).id}/rejected` }),
  },
  {
    route: 'DELETE /api/v1/imports/:id',
    allowed: ['admin'],
    build: async (t) => ({ method: 'DELETE', url: `/api/v1/imports/${(await freshImport(t)).id}` }),
  },
  {
    route: 'GET /api/v1/schools/:id/published-outcomes',
    allowed: readersOfA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/schools/${t.schoolA}/published-outcomes` }),
  },
  {
    route: 'GET /api/v1/plans',
    allowed: everyone,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/plans' }),
  },
  {
    route: 'POST /api/v1/plans',
    allowed: planWritersA,
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/plans',
      payload: {
        title: unique('Plan'),
        schoolId: t.schoolA,
        periodStart: '2026-09-01',
        periodEnd: '2027-08-31',
      },
    }),
  },
  {
    route: 'GET /api/v1/plans/overview',
    allowed: everyone,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/plans/overview' }),
  },
  {
    route: 'GET /api/v1/plans/export',
    allowed: everyone,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/plans/export' }),
  },
  {
    route: 'GET /api/v1/plans/:id',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/plans/${sharedPlan.plan.id}` }),
  },
  {
    route: 'GET /api/v1/plans/:id/export',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/plans/${sharedPlan.plan.id}/export` }),
  },
  {
    route: 'POST /api/v1/plans/:id/priorities',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/plans/${sharedPlan.plan.id}/priorities`,
      payload: { title: unique('Priority') },
    }),
  },
  {
    route: 'POST /api/v1/priorities/from-judgement',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/priorities/from-judgement',
      payload: { responseId: sharedRound.responses[0]!.id },
    }),
  },
  {
    route: 'GET /api/v1/priorities/:id',
    allowed: planReadersA,
    build: async () => ({ method: 'GET', url: `/api/v1/priorities/${sharedPlan.priority.id}` }),
  },
  {
    route: 'POST /api/v1/priorities/:id/phase',
    allowed: planWritersA,
    build: async (t) => {
      const { priority } = await freshPriority(t);
      return {
        method: 'POST',
        url: `/api/v1/priorities/${priority.id}/phase`,
        payload: { version: priority.version, to: 'prepare', reason: 'Ready' },
      };
    },
  },
  {
    route: 'PATCH /api/v1/priorities/:id/phase-notes',
    allowed: planWritersA,
    build: async (t) => {
      const { priority } = await freshPriority(t);
      return {
        method: 'PATCH',
        url: `/api/v1/priorities/${priority.id}/phase-notes`,
        payload: { version: priority.version, phase: 'explore', notes: 'Problem: weak phonics.' },
      };
    },
  },
  {
    route: 'POST /api/v1/priorities/:id/outcomes',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/outcomes`,
      payload: {
        description: 'O',
        measure: 'M',
        baselineValue: '1',
        baselineOn: '2026-09-01',
        targetValue: '2',
        targetOn: '2027-07-01',
      },
    }),
  },
  {
    route: 'POST /api/v1/priorities/:id/actions',
    allowed: planWritersA,
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/actions`,
      payload: {
        description: 'A',
        ownerPersonId: t.people.teacherA.id,
        startsOn: '2026-09-01',
        dueOn: '2026-10-01',
      },
    }),
  },
  {
    route: 'PATCH /api/v1/actions/:id/status',
    allowed: planWritersA,
    build: async (t) => {
      const { priority } = await freshPriority(t);
      const a = priority.actions[0]!;
      return {
        method: 'PATCH',
        url: `/api/v1/actions/${a.id}/status`,
        payload: { version: a.version, status: 'done' },
      };
    },
  },
  {
    route: 'POST /api/v1/priorities/:id/checks',
    allowed: planWritersA,
    build: async () => ({
      method: 'POST',
      url: `/api/v1/priorities/${sharedPlan.priority.id}/checks`,
      payload: { dueOn: '2027-01-10', method: 'pupil_voice' },
    }),
  },
  {
    route: 'POST /api/v1/checks/:id/record',
    allowed: planWritersA,
    build: async (t) => {
      const { priority } = await freshPriority(t);
      const c = priority.checks[0]!;
      return {
        method: 'POST',
        url: `/api/v1/checks/${c.id}/record`,
        payload: {
          version: c.version,
          recordedOn: '2026-12-01',
          findings: 'Found',
          rag: 'green',
          response: 'continue',
        },
      };
    },
  },
  {
    route: 'PATCH /api/v1/plans/:id',
    allowed: planWritersA,
    build: async (t) => {
      const { plan } = await freshPriority(t);
      return {
        method: 'PATCH',
        url: `/api/v1/plans/${plan.id}`,
        payload: {
          version: plan.version,
          title: 'Renamed',
          periodStart: '2026-09-01',
          periodEnd: '2027-08-31',
        },
      };
    },
  },
  {
    route: 'PATCH /api/v1/priorities/:id',
    allowed: planWritersA,
    build: async (t) => {
      const { priority } = await freshPriority(t);
      return {
        method: 'PATCH',
        url: `/api/v1/priorities/${priority.id}`,
        payload: { version: priority.version, title: 'Renamed' },
      };
    },
  },
  {
    route: 'PATCH /api/v1/outcomes/:id',
    allowed: planWritersA,
    build: async (t) => {
      const o = (await freshPriority(t)).priority.outcomes[0]!;
      const { id, latestValue, latestOn, onTrack, ...fields } = o;
      return { method: 'PATCH', url: `/api/v1/outcomes/${id}`, payload: { ...fields, targetValue: '65' } };
    },
  },
  {
    route: 'PATCH /api/v1/actions/:id',
    allowed: planWritersA,
    build: async (t) => {
      const a = (await freshPriority(t)).priority.actions[0]!;
      return {
        method: 'PATCH',
        url: `/api/v1/actions/${a.id}`,
        payload: {
          version: a.version,
          description: 'Changed',
          ownerPersonId: t.people.headA.id,
          startsOn: a.startsOn,
          dueOn: a.dueOn,
          status: 'done',
        },
      };
    },
  },
  {
    route: 'PATCH /api/v1/checks/:id',
    allowed: planWritersA,
    build: async (t) => {
      const c = (await freshPriority(t)).priority.checks[0]!;
      return {
        method: 'PATCH',
        url: `/api/v1/checks/${c.id}`,
        payload: { version: c.version, dueOn: '2027-01-10', method: 'pupil_voice' },
      };
    },
  },
  {
    route: 'GET /api/v1/me/week',
    allowed: [...everyone, 'otherTrustAdmin'],
    build: async () => ({ method: 'GET', url: '/api/v1/me/week' }),
  },
  {
    route: 'GET /api/v1/people/:id/agenda',
    allowed: ['admin', 'lead', 'headA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/people/${t.people.headA.id}/agenda` }),
  },
  {
    route: 'GET /api/v1/tools',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/tools' }),
  },
  {
    route: 'POST /api/v1/tools',
    allowed: ['admin', 'lead'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/tools',
      payload: smallSchoolTool(`posted-${++seq}`),
    }),
  },
  {
    route: 'POST /api/v1/tools/import',
    allowed: ['admin', 'lead'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/tools/import',
      payload: { format: 'json', content: JSON.stringify(smallSchoolTool(`imported-${++seq}`)) },
    }),
  },
  {
    route: 'POST /api/v1/tools/starter-library',
    allowed: ['admin', 'lead'],
    ownTrust: true,
    build: async () => ({ method: 'POST', url: '/api/v1/tools/starter-library' }),
  },
  {
    route: 'GET /api/v1/tools/:id',
    allowed: frameworkReaders,
    build: async () => ({ method: 'GET', url: `/api/v1/tools/${sharedRound.tool.id}` }),
  },
  {
    route: 'GET /api/v1/tools/:id/export',
    allowed: frameworkReaders,
    build: async () => ({ method: 'GET', url: `/api/v1/tools/${sharedRound.tool.id}/export?format=csv` }),
  },
  {
    route: 'GET /api/v1/tool-versions/:id',
    allowed: frameworkReaders,
    build: async () => ({ method: 'GET', url: `/api/v1/tool-versions/${sharedRound.tool.versionId}` }),
  },
  {
    route: 'GET /api/v1/framework-components',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/framework-components' }),
  },
  {
    route: 'GET /api/v1/evidence-sources',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/evidence-sources' }),
  },
  {
    route: 'POST /api/v1/evidence-sources',
    allowed: ['admin', 'lead'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/evidence-sources',
      payload: { label: unique('Source') },
    }),
  },
  {
    route: 'GET /api/v1/rounds',
    allowed: evalReaders,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/rounds' }),
  },
  {
    route: 'POST /api/v1/rounds',
    allowed: ['admin', 'lead'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/rounds',
      payload: {
        name: unique('Round'),
        cycle: 'termly',
        opensOn: '2026-09-01',
        closesOn: '2026-12-18',
        toolVersionIds: [sharedRound.tool.versionId],
        schools: [{ schoolId: t.schoolA }],
      },
    }),
  },
  {
    route: 'GET /api/v1/rounds/:id',
    allowed: [...staffOfA, 'headB'],
    build: async () => ({ method: 'GET', url: `/api/v1/rounds/${sharedRound.round.id}` }),
  },
  {
    route: 'POST /api/v1/rounds/:id/next',
    allowed: ['admin', 'lead'],
    build: async () => ({
      method: 'POST',
      url: `/api/v1/rounds/${sharedRound.round.id}/next`,
      payload: { name: unique('Next'), opensOn: '2027-01-05', closesOn: '2027-03-27' },
    }),
  },
  {
    route: 'POST /api/v1/rounds/:id/close',
    allowed: ['admin', 'lead'],
    build: async (t) => {
      const { round } = await freshRound(t);
      return { method: 'POST', url: `/api/v1/rounds/${round.id}/close`, payload: { version: round.version } };
    },
  },
  {
    route: 'GET /api/v1/rounds/:id/heatmap',
    allowed: [...staffOfA, 'headB'],
    build: async () => ({ method: 'GET', url: `/api/v1/rounds/${sharedRound.round.id}/heatmap` }),
  },
  {
    route: 'GET /api/v1/rounds/:id/coverage',
    allowed: [...staffOfA, 'headB'],
    build: async () => ({ method: 'GET', url: `/api/v1/rounds/${sharedRound.round.id}/coverage` }),
  },
  {
    route: 'GET /api/v1/rounds/:id/summary',
    allowed: staffOfA,
    build: async (t) => ({
      method: 'GET',
      url: `/api/v1/rounds/${sharedRound.round.id}/summary?schoolId=${t.schoolA}`,
    }),
  },
  {
    route: 'GET /api/v1/rounds/:id/export',
    allowed: [...staffOfA, 'headB'],
    build: async () => ({ method: 'GET', url: `/api/v1/rounds/${sharedRound.round.id}/export?format=csv` }),
  },
  {
    route: 'GET /api/v1/evaluations/:id',
    allowed: staffOfA,
    build: async () => ({ method: 'GET', url: `/api/v1/evaluations/${sharedRound.subject.id}` }),
  },
  {
    route: 'POST /api/v1/evaluations/:id/submit',
    allowed: ['admin', 'headA'],
    build: async (t) => {
      const { subject } = await freshRound(t);
      return {
        method: 'POST',
        url: `/api/v1/evaluations/${subject.id}/submit`,
        payload: { version: subject.version },
      };
    },
  },
  {
    route: 'POST /api/v1/evaluations/:id/agree',
    allowed: ['admin', 'lead'],
    build: async (t) => {
      const { subject, responses } = await freshRound(t, 'submitted');
      const sys = systemActor(t.trustId);
      for (const r of responses)
        await h.services.evaluation.agree(sys, r.id, {
          version: r.version,
          agreedValue: 2,
          agreedRationale: '',
        });
      return {
        method: 'POST',
        url: `/api/v1/evaluations/${subject.id}/agree`,
        payload: { version: subject.version },
      };
    },
  },
  {
    route: 'POST /api/v1/evaluations/:id/reopen',
    allowed: ['admin', 'lead'],
    build: async (t) => {
      const { subject } = await freshRound(t, 'submitted');
      return {
        method: 'POST',
        url: `/api/v1/evaluations/${subject.id}/reopen`,
        payload: { version: subject.version },
      };
    },
  },
  {
    route: 'PATCH /api/v1/responses/:id',
    allowed: ['admin', 'headA'],
    build: async (t) => {
      const { responses } = await freshRound(t);
      return {
        method: 'PATCH',
        url: `/api/v1/responses/${responses[0]!.id}`,
        payload: { version: responses[0]!.version, selfValue: 3 },
      };
    },
  },
  {
    route: 'PATCH /api/v1/responses/:id/agreement',
    allowed: ['admin', 'lead'],
    build: async (t) => {
      const { responses } = await freshRound(t, 'submitted');
      return {
        method: 'PATCH',
        url: `/api/v1/responses/${responses[0]!.id}/agreement`,
        payload: { version: responses[0]!.version, agreedValue: 2 },
      };
    },
  },
  {
    route: 'GET /api/v1/responses/:id/comments',
    allowed: staffOfA,
    build: async () => ({ method: 'GET', url: `/api/v1/responses/${sharedRound.responses[0]!.id}/comments` }),
  },
  {
    route: 'POST /api/v1/responses/:id/comments',
    allowed: ['admin', 'lead', 'headA'],
    build: async () => ({
      method: 'POST',
      url: `/api/v1/responses/${sharedRound.responses[0]!.id}/comments`,
      payload: { body: 'Seen in books' },
    }),
  },
  {
    route: 'GET /api/v1/trust',
    allowed: everyone.filter((p) => p !== 'noRoles'),
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/trust' }),
  },
  {
    route: 'GET /api/v1/schools',
    allowed: everyone,
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/schools' }),
  },
  {
    route: 'POST /api/v1/schools',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/schools',
      payload: {
        urn: String(200000 + (++seq % 99999)),
        name: unique('New School'),
        phase: 'primary',
        localAuthority: 'York',
      },
    }),
  },
  {
    route: 'GET /api/v1/schools/:id',
    allowed: readersOfA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/schools/${t.schoolA}` }),
  },
  {
    route: 'PATCH /api/v1/schools/:id',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/schools/${t.schoolA}`,
      payload: { version: await version('schools', t.schoolA), localAuthority: unique('LA') },
    }),
  },
  {
    route: 'POST /api/v1/schools/:id/archive',
    allowed: ['admin'],
    build: async (t) => {
      const { id } = await orgRepository.insertSchool(h.db, {
        trust_id: t.trustId,
        urn: String(300000 + (++seq % 99999)),
        name: unique('Closing School'),
        phase: 'primary',
        local_authority: 'York',
        joined_trust_on: null,
      });
      return { method: 'POST', url: `/api/v1/schools/${id}/archive`, payload: { version: 1 } };
    },
  },
  {
    route: 'GET /api/v1/schools/:id/departments',
    allowed: readersOfA,
    build: async (t) => ({ method: 'GET', url: `/api/v1/schools/${t.schoolA}/departments` }),
  },
  {
    route: 'POST /api/v1/schools/:id/departments',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/schools/${t.schoolA}/departments`,
      payload: { name: unique('Dept') },
    }),
  },
  {
    route: 'PATCH /api/v1/departments/:id',
    allowed: ['admin', 'headA', 'englishLeadA'],
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/departments/${t.englishA}`,
      payload: { version: await version('departments', t.englishA), name: unique('English') },
    }),
  },
  {
    // The same route on a sibling department: the English lead is refused in Maths.
    route: 'PATCH /api/v1/departments/:id',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/departments/${t.mathsA}`,
      payload: { version: await version('departments', t.mathsA), name: unique('Maths') },
    }),
  },
  {
    route: 'POST /api/v1/departments/:id/archive',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/departments/${await freshDepartment(t)}/archive`,
      payload: { version: 1 },
    }),
  },
  {
    route: 'GET /api/v1/people',
    allowed: ['admin', 'lead'],
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/people' }),
  },
  {
    route: 'GET /api/v1/people',
    allowed: ['admin', 'lead', 'headA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/people?schoolId=${t.schoolA}` }),
  },
  {
    route: 'POST /api/v1/people',
    allowed: ['admin'],
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: 'Invited Person', email: `${unique('inv').replace(' ', '')}@test.example` },
    }),
  },
  {
    route: 'POST /api/v1/people',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: '/api/v1/people',
      payload: {
        name: 'Invited Teacher',
        email: `${unique('inv').replace(' ', '')}@test.example`,
        schoolId: t.schoolA,
      },
    }),
  },
  {
    // Everyone may read their own record; here the target is the data manager.
    route: 'GET /api/v1/people/:id',
    allowed: ['admin', 'lead', 'headA', 'dataManagerA'],
    build: async (t) => ({ method: 'GET', url: `/api/v1/people/${t.people.dataManagerA.id}` }),
  },
  {
    route: 'PATCH /api/v1/people/:id',
    allowed: ['admin'],
    build: async (t) => {
      const id = await freshPerson(t);
      return {
        method: 'PATCH',
        url: `/api/v1/people/${id}`,
        payload: { version: 1, jobTitle: 'Head of Year 9' },
      };
    },
  },
  {
    route: 'POST /api/v1/people/:id/archive',
    allowed: ['admin'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/people/${await freshPerson(t)}/archive`,
      payload: { version: 1 },
    }),
  },
  {
    route: 'POST /api/v1/people/:id/roles',
    allowed: ['admin', 'headA'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/people/${await freshPerson(t, null)}/roles`,
      payload: { role: 'middle_leader', departmentId: t.mathsA },
    }),
  },
  {
    route: 'POST /api/v1/people/:id/roles',
    allowed: ['admin'],
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/people/${await freshPerson(t, null)}/roles`,
      payload: { role: 'improvement_lead', schoolId: null },
    }),
  },
  {
    route: 'DELETE /api/v1/role-assignments/:id',
    allowed: ['admin', 'headA'],
    build: async (t) => {
      const personId = await freshPerson(t, null);
      const { id } = await peopleRepository.insertAssignment(h.db, {
        trustId: t.trustId,
        personId,
        role: 'teacher',
        schoolId: t.schoolA,
        departmentId: null,
      });
      return { method: 'DELETE', url: `/api/v1/role-assignments/${id}` };
    },
  },
  {
    route: 'GET /api/v1/audit',
    allowed: ['admin', 'headA'],
    build: async (t) => {
      // Make sure the school has a trail to read.
      await h.app.inject({
        method: 'PATCH',
        url: `/api/v1/schools/${t.schoolA}`,
        headers: sessions.admin.headers,
        payload: { version: await version('schools', t.schoolA), localAuthority: unique('LA') },
      });
      return { method: 'GET', url: `/api/v1/audit?entityType=school&entityId=${t.schoolA}` };
    },
  },
  {
    route: 'GET /api/v1/calendar/years',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async (t) => {
      await calendarYear(t);
      return { method: 'GET', url: '/api/v1/calendar/years' };
    },
  },
  {
    route: 'GET /api/v1/calendar/year-defaults',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async () => ({ method: 'GET', url: '/api/v1/calendar/year-defaults?label=2027/28' }),
  },
  {
    route: 'POST /api/v1/calendar/years',
    allowed: calendarEditors,
    ownTrust: true,
    build: async () => {
      const start = 2100 + ++seq;
      return {
        method: 'POST',
        url: '/api/v1/calendar/years',
        payload: { label: `${start}/${String((start + 1) % 100).padStart(2, '0')}` },
      };
    },
  },
  {
    route: 'GET /api/v1/calendar/years/:id',
    allowed: frameworkReaders,
    build: async (t) => ({ method: 'GET', url: `/api/v1/calendar/years/${(await calendarYear(t)).id}` }),
  },
  {
    route: 'PATCH /api/v1/calendar/years/:id',
    allowed: calendarEditors,
    build: async (t) => {
      const y = await h.services.calendar.get(systemActor(t.trustId), (await calendarYear(t)).id);
      return {
        method: 'PATCH',
        url: `/api/v1/calendar/years/${y.year.id}`,
        payload: { version: y.year.version, terms: y.year.terms },
      };
    },
  },
  {
    route: 'POST /api/v1/calendar/years/:id/collection-points',
    allowed: calendarEditors,
    build: async (t) => {
      const y = await calendarYear(t);
      return {
        method: 'POST',
        url: `/api/v1/calendar/years/${y.id}/collection-points`,
        payload: { name: unique('Drop'), collectOn: y.terms[0]!.endsOn, yearGroups: ['Y9'] },
      };
    },
  },
  {
    route: 'PATCH /api/v1/calendar/collection-points/:id',
    allowed: calendarEditors,
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/calendar/collection-points/${(await freshPoint(t)).id}`,
      payload: { version: 1, name: unique('Renamed') },
    }),
  },
  {
    route: 'DELETE /api/v1/calendar/collection-points/:id',
    allowed: calendarEditors,
    build: async (t) => ({
      method: 'DELETE',
      url: `/api/v1/calendar/collection-points/${(await freshPoint(t)).id}?version=1`,
    }),
  },
  {
    route: 'POST /api/v1/calendar/years/:id/assessments',
    allowed: calendarEditors,
    build: async (t) => ({
      method: 'POST',
      url: `/api/v1/calendar/years/${(await calendarYear(t)).id}/assessments`,
      payload: {
        name: unique('Test'),
        subject: 'Science',
        yearGroup: 'Y9',
        type: 'test',
        plannedOn: '2027-01-20',
      },
    }),
  },
  {
    route: 'PATCH /api/v1/calendar/assessments/:id',
    allowed: calendarEditors,
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/calendar/assessments/${(await freshPlannedAssessment(t)).id}`,
      payload: { version: 1, subject: 'Mathematics' },
    }),
  },
  {
    route: 'DELETE /api/v1/calendar/assessments/:id',
    allowed: calendarEditors,
    build: async (t) => ({
      method: 'DELETE',
      url: `/api/v1/calendar/assessments/${(await freshPlannedAssessment(t)).id}?version=1`,
    }),
  },
  {
    route: 'GET /api/v1/grade-sets',
    allowed: frameworkReaders,
    ownTrust: true,
    build: async (t) => {
      await freshGradeSet(t);
      return { method: 'GET', url: '/api/v1/grade-sets' };
    },
  },
  {
    route: 'POST /api/v1/grade-sets',
    allowed: gradeSetEditors,
    ownTrust: true,
    build: async () => ({
      method: 'POST',
      url: '/api/v1/grade-sets',
      payload: {
        key: `effort_${++seq}`,
        name: 'Effort',
        scale: { kind: 'range', min: 1, max: 5, step: 1, suffix: null },
      },
    }),
  },
  {
    route: 'PATCH /api/v1/grade-sets/:id',
    allowed: gradeSetEditors,
    build: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/grade-sets/${(await freshGradeSet(t)).id}`,
      payload: { version: 1, name: unique('Stars') },
    }),
  },
  {
    route: 'GET /api/v1/auth/me',
    allowed: [...everyone, 'otherTrustAdmin'],
    build: async () => ({ method: 'GET', url: '/api/v1/auth/me' }),
  },
  {
    route: 'GET /api/v1/api-tokens',
    allowed: [...everyone, 'otherTrustAdmin'],
    list: true,
    build: async () => ({ method: 'GET', url: '/api/v1/api-tokens' }),
  },
  {
    route: 'POST /api/v1/api-tokens',
    allowed: [...everyone, 'otherTrustAdmin'],
    build: async () => ({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'script' } }),
  },
  {
    // Only the token's owner may revoke it.
    route: 'DELETE /api/v1/api-tokens/:id',
    allowed: ['admin'],
    build: async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        headers: sessions.admin.headers,
        payload: { name: 'x' },
      });
      return { method: 'DELETE', url: `/api/v1/api-tokens/${res.json().id}` };
    },
  },
];

// Routes that need no data of a trust: signing in and out and the emailed-link flows.
const publicRoutes = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/auth/password-reset/complete',
  'POST /api/v1/auth/invitations/accept',
]);

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  const other = await buildTrust(h);
  for (const p of everyone) sessions[p] = await signIn(h, t.people[p as keyof TrustFixture['people']].email);
  sessions.otherTrustAdmin = await signIn(h, other.people.admin.email);
  sharedRound = await freshRound(t);
  sharedPlan = await freshPriority(t);
});

describe('access control', () => {
  it('covers every API route', () => {
    const covered = new Set([...cases.map((c) => c.route), ...publicRoutes]);
    const missing = h.app.apiRoutes.filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });

  it('refuses every route without signing in', async () => {
    for (const c of cases) {
      const req = await c.build(t);
      const res = await h.app.inject({ ...req });
      expect(res.statusCode, `${c.route} without a session`).toBe(401);
    }
  });

  describe.each(cases.map((c, i) => [`${c.route} #${i}`, c] as const))('%s', (_name, c) => {
    it.each(personas)('answers %s correctly', async (persona) => {
      const req = await c.build(t);
      const res = await h.app.inject({ ...req, headers: { ...sessions[persona].headers, ...req.headers } });
      if (c.allowed.includes(persona)) {
        expect(res.statusCode, `${persona}: ${res.body}`).toBeLessThan(300);
      } else if ((c.list || (c.ownTrust && persona === 'otherTrustAdmin')) && res.statusCode < 300) {
        // It may answer, but only with what the persona may see: nothing of the fixture's schools or trust.
        for (const secret of [t.schoolA, t.schoolB, t.trustId, t.people.admin.id])
          expect(res.body).not.toContain(secret);
      } else {
        // Another trust's administrator may also get 400 when a body names this trust's records.
        const refused = persona === 'otherTrustAdmin' ? [400, 403, 404] : [403, 404];
        expect(refused, `${persona}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(res.body).not.toContain(t.schoolA);
      }
    });
  });

  it('shows a school leader only their own school', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/schools',
      headers: sessions.headB.headers,
    });
    expect(res.json().schools.map((s: { id: string }) => s.id)).toEqual([t.schoolB]);
  });

  it('never shows one trust’s schools to another trust', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/schools',
      headers: sessions.otherTrustAdmin.headers,
    });
    const ids = res.json().schools.map((s: { id: string }) => s.id);
    expect(ids).not.toContain(t.schoolA);
    expect(ids).not.toContain(t.schoolB);
    expect(ids.length).toBeGreaterThanOrEqual(2);
  });
});
