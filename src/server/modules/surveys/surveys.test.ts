import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let admin: Session;
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test-data/surveys/${name}`, import.meta.url));
const pupilCsv = fixture('ms-forms-pupil-voice.csv');
const parentCsv = fixture('google-forms-parent-survey.csv');
const staffXlsx = fixture('ms-forms-staff-survey.xlsx');

const createSurvey = async (s: Session, body: object) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers: s.headers,
    payload: { academicYear: '2024/25', schoolId: null, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const importFile = (s: Session, surveyId: string, schoolId: string, bytes: Buffer, extra: object = {}) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/surveys/${surveyId}/imports`,
    headers: s.headers,
    payload: { schoolId, filename: 'export.csv', contentBase64: bytes.toString('base64'), ...extra },
  });
const results = (s: Session, surveyId: string, breakdown = 'none') =>
  h.app.inject({
    method: 'GET',
    url: `/api/v1/surveys/${surveyId}/results?breakdown=${breakdown}`,
    headers: s.headers,
  });
const responseCount = async (surveyId: string) =>
  (await h.db.selectFrom('survey_responses').where('survey_id', '=', surveyId).select('id').execute()).length;

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
});

describe('survey imports', () => {
  let pupilSurvey: string;
  beforeAll(async () => {
    pupilSurvey = await createSurvey(admin, {
      title: 'Pupil voice spring',
      audience: 'pupil',
      schoolId: t.schoolA,
    });
  });

  it('imports a Microsoft Forms export, creating a question per heading and recognising Likert scales', async () => {
    const dry = await importFile(admin, pupilSurvey, t.schoolA, pupilCsv, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(201);
    expect(dry.json()).toMatchObject({
      source: 'ms_forms',
      import: { status: 'validated', rowsAccepted: 40 },
    });
    expect(await responseCount(pupilSurvey)).toBe(0);
    const uses = Object.fromEntries(
      dry.json().columns.map((c: { header: string; use: string }) => [c.header, c.use]),
    );
    expect(uses).toMatchObject({
      ID: 'dropped',
      Email: 'dropped',
      Name: 'dropped',
      'Year group': 'yearGroup',
      'Pupil premium': 'disadvantaged',
      'I feel safe at school': 'likert',
      'How often do you read for pleasure?': 'likert',
      'What would make school better?': 'text',
    });

    const res = await importFile(admin, pupilSurvey, t.schoolA, pupilCsv);
    expect(res.json().import).toMatchObject({ status: 'committed', rowsAccepted: 40, rowsRejected: 0 });
    expect(res.json().import.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/surveys/${pupilSurvey}`,
      headers: admin.headers,
    });
    expect(detail.json().questions.map((q: { text: string; kind: string }) => [q.text, q.kind])).toEqual([
      ['I feel safe at school', 'likert'],
      ['Adults in school listen to me', 'likert'],
      ['How often do you read for pleasure?', 'likert'],
      ['What would make school better?', 'text'],
    ]);
    expect(await responseCount(pupilSurvey)).toBe(40);
    const audit = await h.db
      .selectFrom('audit_events')
      .where('entity_id', '=', res.json().import.id)
      .select('changes')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.changes)).toContain(res.json().import.fileSha256);
  });

  it('never stores the names, emails or form ids of respondents', async () => {
    const text = pupilCsv.toString('utf8');
    const emails = [...text.matchAll(/[\w.]+@pupils\.oakfield\.sch\.uk/g)].map((m) => m[0]);
    expect(emails.length).toBe(40);
    const stored = JSON.stringify([
      await h.db.selectFrom('survey_responses').where('survey_id', '=', pupilSurvey).selectAll().execute(),
      await h.db.selectFrom('survey_answers').where('trust_id', '=', t.trustId).selectAll().execute(),
      await h.db.selectFrom('survey_questions').where('survey_id', '=', pupilSurvey).selectAll().execute(),
      await h.db.selectFrom('survey_imports').where('survey_id', '=', pupilSurvey).selectAll().execute(),
      await h.db.selectFrom('audit_events').where('trust_id', '=', t.trustId).selectAll().execute(),
    ]);
    for (const e of emails) expect(stored).not.toContain(e);
    for (const name of ['Amelia Smith', 'Oliver Khan', 'Mohammed']) expect(stored).not.toContain(name);
    // The exact submission times are not kept either, only the day.
    expect(stored).not.toContain('9:00:09');
  });

  it('adds nothing when the same file is imported again', async () => {
    const again = await importFile(admin, pupilSurvey, t.schoolA, pupilCsv);
    expect(again.json().import).toMatchObject({ status: 'committed', rowsAccepted: 0, rowsSkipped: 40 });
    expect(await responseCount(pupilSurvey)).toBe(40);
    const questions = await h.db
      .selectFrom('survey_questions')
      .where('survey_id', '=', pupilSurvey)
      .select('id')
      .execute();
    expect(questions).toHaveLength(4);
  });

  it('hides a group of 5 disadvantaged respondents together with its partner, for every reader', async () => {
    for (const who of [admin, await signIn(h, t.people.governorA.email)]) {
      const res = (await results(who, pupilSurvey, 'disadvantaged')).json();
      const safe = res.questions[0];
      expect(safe.overall).toMatchObject({ n: 40, suppressed: false });
      expect(safe.groups).toEqual([
        expect.objectContaining({
          label: 'Disadvantaged',
          n: null,
          counts: null,
          mean: null,
          suppressed: true,
        }),
        expect.objectContaining({
          label: 'Not disadvantaged',
          n: null,
          counts: null,
          mean: null,
          suppressed: true,
        }),
      ]);
    }
    // Year 9 has 5 respondents: hidden, and Year 8 (next smallest) with it; Year 7 stays.
    const years = (await results(admin, pupilSurvey, 'yearGroup')).json().questions[0].groups;
    expect(years.map((g: { label: string; n: number | null }) => [g.label, g.n])).toEqual([
      ['Year 7', 20],
      ['Year 8', null],
      ['Year 9', null],
    ]);
  });

  it('shows free-text answers to school staff but only a count to governors', async () => {
    const teacher = (await results(await signIn(h, t.people.teacherA.email), pupilSurvey)).json();
    const q = teacher.questions.find((x: { kind: string }) => x.kind === 'text');
    expect(q.textAnswers[0].answers).toContain('The new library is great');
    const governor = (await results(await signIn(h, t.people.governorA.email), pupilSurvey)).json();
    const g = governor.questions.find((x: { kind: string }) => x.kind === 'text');
    expect(g.textAnswers).toBeNull();
    expect(g.textCount).toBe(q.textCount);
    expect(JSON.stringify(governor)).not.toContain('The new library is great');
  });

  it('deleting an import removes exactly its responses', async () => {
    const survey = await createSurvey(admin, { title: 'Parents', audience: 'parent' });
    const first = (await importFile(admin, survey, t.schoolA, parentCsv)).json();
    expect(first).toMatchObject({ source: 'google_forms', import: { rowsAccepted: 12 } });
    const second = (await importFile(admin, survey, t.schoolB, parentCsv)).json();
    expect(second.import.rowsAccepted).toBe(12);
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/survey-imports/${first.import.id}`,
      headers: admin.headers,
    });
    expect(del.json()).toEqual({ deletedResponses: 12 });
    const left = await h.db
      .selectFrom('survey_responses')
      .where('survey_id', '=', survey)
      .select('import_id')
      .execute();
    expect(left).toHaveLength(12);
    expect(new Set(left.map((r) => r.import_id))).toEqual(new Set([second.import.id]));
  });

  it('imports a Microsoft Forms XLSX export, dropping identifying columns', async () => {
    const survey = await createSurvey(admin, {
      title: 'Staff survey',
      audience: 'staff',
      schoolId: t.schoolB,
    });
    const res = await importFile(admin, survey, t.schoolB, staffXlsx, { filename: 'staff.xlsx' });
    expect(res.json()).toMatchObject({
      source: 'ms_forms',
      import: { status: 'committed', rowsAccepted: 10 },
    });
    const stored = JSON.stringify(
      await h.db.selectFrom('survey_responses').where('survey_id', '=', survey).selectAll().execute(),
    );
    expect(stored).not.toContain('Priya');
    expect(stored).toContain('2025-06-04');
  });

  it('writes nothing from a file with one bad answer, reporting the row', async () => {
    const survey = await createSurvey(admin, { title: 'Bad', audience: 'pupil', schoolId: t.schoolA });
    await importFile(admin, survey, t.schoolA, pupilCsv, { dryRun: true });
    const broken = Buffer.from(pupilCsv.toString('utf8').replace('Year 8,No,Agree', 'Year 8,No,Agree a lot'));
    const res = (
      await importFile(admin, survey, t.schoolA, broken, { mapping: { 'I feel safe at school': 'likert' } })
    ).json();
    expect(res.import.status).toBe('rejected');
    expect(res.rejected[0]).toMatchObject({ column: 'I feel safe at school', value: 'Agree a lot' });
    expect(await responseCount(survey)).toBe(0);
  });

  it('rejects a truncated workbook and an empty file cleanly', async () => {
    const survey = await createSurvey(admin, { title: 'Broken', audience: 'staff' });
    const cut = await importFile(admin, survey, t.schoolA, staffXlsx.subarray(0, 2000), {
      filename: 'staff.xlsx',
    });
    expect(cut.statusCode).toBe(201);
    expect(cut.json().import.status).toBe('rejected');
    const empty = await importFile(admin, survey, t.schoolA, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await responseCount(survey)).toBe(0);
  });

  it('keeps another trust out: its surveys are not found and not listed', async () => {
    const other = await buildTrust(h);
    const otherAdmin = await signIn(h, other.people.admin.email);
    expect((await results(otherAdmin, pupilSurvey)).statusCode).toBe(404);
    expect((await importFile(otherAdmin, pupilSurvey, other.schoolA, pupilCsv)).statusCode).toBe(404);
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: otherAdmin.headers });
    expect(list.json().surveys).toEqual([]);
  });

  it('lets a school leader import only into their own school and not see another school’s survey', async () => {
    const headB = await signIn(h, t.people.headB.email);
    expect((await importFile(headB, pupilSurvey, t.schoolA, pupilCsv)).statusCode).toBe(403);
    expect((await results(headB, pupilSurvey)).statusCode).toBe(403);
    const governor = await signIn(h, t.people.governorA.email);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: governor.headers,
      payload: { title: 'x', audience: 'pupil', schoolId: t.schoolA, academicYear: '2024/25' },
    });
    expect(created.statusCode).toBe(403);
  });

  it('links a question to a framework component, refusing a stale version and another trust’s component', async () => {
    const survey = await createSurvey(admin, { title: 'Links', audience: 'parent' });
    await importFile(admin, survey, t.schoolA, parentCsv);
    const detail = (
      await h.app.inject({ method: 'GET', url: `/api/v1/surveys/${survey}`, headers: admin.headers })
    ).json();
    const code = `BEH-${Math.random().toString(36).slice(2, 8)}`;
    const component = async (trustId: string, c: string) =>
      (
        await h.db
          .insertInto('framework_components')
          .values({
            trust_id: trustId,
            framework: 'eif',
            framework_name: 'EIF',
            code: c,
            strand: null,
            label: 'Behaviour',
            position: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const mine = await component(t.trustId, code);
    const otherCode = `${code}-X`;
    await component((await buildTrust(h)).trustId, otherCode);
    const link = (componentCode: string, surveyVersion: number) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/survey-questions/${detail.questions[0].id}`,
        headers: admin.headers,
        payload: { surveyVersion, statementId: null, componentCode },
      });
    const ok = await link(code, detail.survey.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().question.componentCode).toBe(code);
    const stored = await h.db
      .selectFrom('survey_questions')
      .where('id', '=', detail.questions[0].id)
      .select('component_id')
      .executeTakeFirstOrThrow();
    expect(stored.component_id).toBe(mine);
    expect((await link(code, detail.survey.version)).statusCode).toBe(409);
    expect((await link(otherCode, ok.json().surveyVersion)).statusCode).toBe(404);
  });

  it('shows a trust-wide survey by school, hiding a school of 5 with the next-smallest, and a head only their school', async () => {
    const tr = await buildTrust(h);
    const a = await signIn(h, tr.people.admin.email);
    const schoolC = (
      await h.db
        .insertInto('schools')
        .values({
          trust_id: tr.trustId,
          urn: String(900000 + Math.floor(Math.random() * 99999)),
          name: 'Cedar School',
          phase: 'primary',
          local_authority: 'Leeds',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const survey = await createSurvey(a, { title: 'Parents everywhere', audience: 'parent' });
    const lines = parentCsv.toString('utf8').trim().split(/\r?\n/);
    const take = (n: number) => Buffer.from([lines[0], ...lines.slice(1, n + 1)].join('\n'));
    await importFile(a, survey, tr.schoolA, take(12));
    await importFile(a, survey, tr.schoolB, take(8));
    await importFile(a, survey, schoolC, take(5));
    const bySchool = (await results(a, survey, 'school')).json().questions[0];
    expect(bySchool.overall.n).toBe(25);
    const shown = Object.fromEntries(
      bySchool.groups.map((g: { label: string; n: number | null }) => [g.label.split(' ')[0], g.n]),
    );
    expect(shown).toEqual({ Alpha: 12, Beta: null, Cedar: null });

    // Written answers are listed only for schools where at least the threshold responded.
    const comments = (await results(a, survey)).json().questions[2];
    expect(comments.textAnswers.map((x: { schoolName: string }) => x.schoolName.split(' ')[0])).toEqual([
      'Alpha',
      'Beta',
    ]);
    expect(comments.textNote).toMatch(/fewer than 6 people responded/);

    const head = await signIn(h, tr.people.headA.email);
    const mine = (await results(head, survey, 'school')).json();
    expect(mine.respondents).toBe(12);
    expect(mine.questions[0].groups.map((g: { label: string }) => g.label)).toEqual([
      expect.stringMatching(/^Alpha/),
    ]);
  });

  it('counts a submission repeated inside one file once', async () => {
    const survey = await createSurvey(admin, { title: 'Twice', audience: 'parent' });
    const lines = parentCsv.toString('utf8').trim().split(/\r?\n/);
    const doubled = Buffer.from([...lines, lines[1], lines[2]].join('\n'));
    const res = (await importFile(admin, survey, t.schoolA, doubled)).json();
    expect(res.import).toMatchObject({ rowsRead: 14, rowsAccepted: 12, rowsSkipped: 2 });
    expect(await responseCount(survey)).toBe(12);
  });
});
