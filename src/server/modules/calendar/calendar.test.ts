import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let admin: Session;
let dataManager: Session;
let teacher: Session;
let governor: Session;
let otherAdmin: Session;

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  const other = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
  dataManager = await signIn(h, t.people.dataManagerA.email);
  teacher = await signIn(h, t.people.teacherA.email);
  governor = await signIn(h, t.people.governorA.email);
  otherAdmin = await signIn(h, other.people.admin.email);
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (s: Session, method: Method, url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload && { payload }) });

let label = 2040;
/** A fresh academic year with the default terms; each test takes its own so they stay apart. */
async function freshYear() {
  const res = await call(admin, 'POST', '/calendar/years', {
    label: `${++label}/${String((label + 1) % 100).padStart(2, '0')}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const Y7_11 = ['Y7', 'Y8', 'Y9', 'Y10', 'Y11'];

describe('academic years', () => {
  it('creates a year with typical term dates when none are given, and lists it for readers', async () => {
    const res = await call(dataManager, 'POST', '/calendar/years', { label: '2025/26' });
    expect(res.statusCode, res.body).toBe(201);
    const { year } = res.json();
    expect(year).toMatchObject({
      label: '2025/26',
      startsOn: '2025-09-01',
      endsOn: '2026-08-31',
      version: 1,
    });
    expect(year.terms.map((x: { name: string }) => x.name)).toEqual(['autumn', 'spring', 'summer']);
    expect(year.terms[0].startsOn).toBe('2025-09-02');

    const list = await call(governor, 'GET', '/calendar/years');
    expect(list.json().years.map((y: { label: string }) => y.label)).toContain('2025/26');

    const again = await call(admin, 'POST', '/calendar/years', { label: '2025/26' });
    expect(again.statusCode).toBe(409);
    const audit = await h.db
      .selectFrom('audit_events')
      .where('entity_id', '=', year.id)
      .select(['action', 'entity_type'])
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'academic_year' }]);
  });

  it('refuses a label that is not a year, unknown fields and overlapping terms with the field named', async () => {
    expect((await call(admin, 'POST', '/calendar/years', { label: '2025/27' })).statusCode).toBe(400);
    expect(
      (await call(admin, 'POST', '/calendar/years', { label: '2031/32', colour: 'red' })).statusCode,
    ).toBe(400);
    const defaults = (await call(teacher, 'GET', '/calendar/year-defaults?label=2031/32')).json();
    const terms = defaults.terms.map((x: object) => ({ ...x }));
    terms[1].startsOn = terms[0].endsOn;
    const res = await call(admin, 'POST', '/calendar/years', { label: '2031/32', terms });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toContainEqual({
      field: 'terms.1.startsOn',
      message: 'Spring term must start after the autumn term ends',
    });
    terms[1].startsOn = '2032-01-05';
    terms[2].endsOn = '2032-09-03';
    expect(
      (await call(admin, 'POST', '/calendar/years', { label: '2031/32', terms })).json().error.message,
    ).toBe('Summer term must end within 2031/32');
    // Nothing was written by the refused attempts.
    const years = (await call(admin, 'GET', '/calendar/years')).json().years;
    expect(years.map((y: { label: string }) => y.label)).not.toContain('2031/32');
  });

  it('edits the terms with the version seen, and answers 409 to a stale one', async () => {
    const { year } = await freshYear();
    const terms = year.terms.map((x: object) => ({ ...x, halfTermStartsOn: null, halfTermEndsOn: null }));
    const ok = await call(admin, 'PATCH', `/calendar/years/${year.id}`, { version: 1, terms });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().year.version).toBe(2);
    expect(ok.json().year.terms[0].halfTermStartsOn).toBeNull();
    const stale = await call(admin, 'PATCH', `/calendar/years/${year.id}`, { version: 1, terms: year.terms });
    expect(stale.statusCode).toBe(409);
  });
});

describe('collection points and the workload warning', () => {
  it('warns, without refusing, when a fourth collection point falls on a year group, naming it', async () => {
    const { year } = await freshYear();
    const y = Number(year.label.slice(0, 4));
    const url = `/calendar/years/${year.id}/collection-points`;
    for (const [name, on] of [
      ['Autumn 2 data drop', `${y}-12-05`],
      ['Spring 2 data drop', `${y + 1}-03-20`],
      ['Summer 2 data drop', `${y + 1}-07-03`],
    ]) {
      const res = await call(dataManager, 'POST', url, { name, collectOn: on, yearGroups: Y7_11 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().warnings).toEqual([]);
    }
    const res = await call(dataManager, 'POST', url, {
      name: 'Y11 mock results',
      collectOn: `${y + 1}-01-30`,
      yearGroups: ['y11', 'Y10'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.collectionPoints).toHaveLength(4);
    expect(body.warnings.map((w: { yearGroup: string }) => w.yearGroup)).toEqual(['Y10', 'Y11']);
    expect(body.warnings[1]).toMatchObject({
      count: 4,
      collectionPoints: [
        'Autumn 2 data drop',
        'Y11 mock results',
        'Spring 2 data drop',
        'Summer 2 data drop',
      ],
    });
    expect(body.warnings[1].message).toContain('Y11 has 4 data collection points');
    // Readers see the same warning.
    expect((await call(teacher, 'GET', `/calendar/years/${year.id}`)).json().warnings).toHaveLength(2);
  });

  it('refuses a collection date outside the year and a point with no year groups', async () => {
    const { year } = await freshYear();
    const url = `/calendar/years/${year.id}/collection-points`;
    const outside = await call(admin, 'POST', url, {
      name: 'Drop',
      collectOn: '2020-01-01',
      yearGroups: ['Y7'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0].field).toBe('collectOn');
    expect(
      (await call(admin, 'POST', url, { name: 'Drop', collectOn: year.terms[0].endsOn, yearGroups: [] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(admin, 'POST', url, { name: 'Drop', collectOn: year.terms[0].endsOn, yearGroups: ['Y14'] }))
        .statusCode,
    ).toBe(400);
    expect((await call(admin, 'GET', `/calendar/years/${year.id}`)).json().collectionPoints).toEqual([]);
  });

  it('edits and deletes a point with its version; a stale version is 409', async () => {
    const { year } = await freshYear();
    const added = (
      await call(admin, 'POST', `/calendar/years/${year.id}/collection-points`, {
        name: 'Autumn drop',
        collectOn: year.terms[0].endsOn,
        yearGroups: ['Y9'],
      })
    ).json();
    const point = added.collectionPoints[0];
    expect(point.term).toBe('autumn');
    const renamed = await call(admin, 'PATCH', `/calendar/collection-points/${point.id}`, {
      version: 1,
      name: 'Autumn 2 drop',
    });
    expect(renamed.json().collectionPoints[0]).toMatchObject({ name: 'Autumn 2 drop', version: 2 });
    expect(
      (await call(admin, 'PATCH', `/calendar/collection-points/${point.id}`, { version: 1, name: 'X' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(admin, 'DELETE', `/calendar/collection-points/${point.id}?version=1`)).statusCode,
    ).toBe(409);
    const gone = await call(admin, 'DELETE', `/calendar/collection-points/${point.id}?version=2`);
    expect(gone.json().collectionPoints).toEqual([]);
  });
});

describe('assessment calendar', () => {
  it('links planned assessments to the collection point they feed and lists them by date with their term', async () => {
    const { year } = await freshYear();
    const y = Number(year.label.slice(0, 4));
    const point = (
      await call(admin, 'POST', `/calendar/years/${year.id}/collection-points`, {
        name: 'Spring data drop',
        collectOn: `${y + 1}-03-20`,
        yearGroups: ['Y10', 'Y11'],
      })
    ).json().collectionPoints[0];
    const url = `/calendar/years/${year.id}/assessments`;
    const base = { subject: 'Mathematics', collectionPointId: point.id, gradeSetKey: 'gcse' };
    const mock = await call(dataManager, 'POST', url, {
      ...base,
      name: 'Y11 mock',
      yearGroup: 'Y11',
      type: 'mock',
      plannedOn: `${y + 1}-01-12`,
    });
    expect(mock.statusCode, mock.body).toBe(201);
    await call(dataManager, 'POST', url, {
      ...base,
      name: 'Y10 test',
      yearGroup: 'Y10',
      type: 'test',
      plannedOn: `${y}-11-10`,
    });
    const cal = (await call(teacher, 'GET', `/calendar/years/${year.id}`)).json();
    expect(cal.assessments.map((a: { name: string; term: string }) => [a.name, a.term])).toEqual([
      ['Y10 test', 'autumn'],
      ['Y11 mock', 'spring'],
    ]);
    expect(cal.assessments[1]).toMatchObject({
      collectionPointName: 'Spring data drop',
      type: 'mock',
      gradeSetKey: 'gcse',
    });
    expect(cal.collectionPoints[0].assessments.map((a: { name: string }) => a.name)).toEqual([
      'Y10 test',
      'Y11 mock',
    ]);

    // Taking Y11 off the point would strand the mock that feeds it.
    const strand = await call(admin, 'PATCH', `/calendar/collection-points/${point.id}`, {
      version: 1,
      yearGroups: ['Y10'],
    });
    expect(strand.statusCode).toBe(400);
    expect(strand.json().error.message).toContain('Y11');
  });

  it('refuses a link that makes no sense: another year group, a later date, an unknown grade set', async () => {
    const { year } = await freshYear();
    const y = Number(year.label.slice(0, 4));
    const point = (
      await call(admin, 'POST', `/calendar/years/${year.id}/collection-points`, {
        name: 'Autumn drop',
        collectOn: `${y}-12-01`,
        yearGroups: ['Y7'],
      })
    ).json().collectionPoints[0];
    const url = `/calendar/years/${year.id}/assessments`;
    const body = {
      name: 'Reading',
      subject: 'English',
      yearGroup: 'Y7',
      type: 'test',
      plannedOn: `${y}-11-01`,
      collectionPointId: point.id,
    };
    const wrongYearGroup = await call(admin, 'POST', url, { ...body, yearGroup: 'Y8' });
    expect(wrongYearGroup.json().error.message).toBe(
      'Autumn drop does not collect Y8; add the year group to it first.',
    );
    expect((await call(admin, 'POST', url, { ...body, plannedOn: `${y}-12-10` })).statusCode).toBe(400);
    expect((await call(admin, 'POST', url, { ...body, gradeSetKey: 'no_such_set' })).statusCode).toBe(400);
    expect((await call(admin, 'POST', url, { ...body, type: 'quiz' })).statusCode).toBe(400);
    expect((await call(admin, 'GET', `/calendar/years/${year.id}`)).json().assessments).toEqual([]);
  });

  it('edits and deletes a planned assessment with its version', async () => {
    const { year } = await freshYear();
    const y = Number(year.label.slice(0, 4));
    const url = `/calendar/years/${year.id}/assessments`;
    const a = (
      await call(admin, 'POST', url, {
        name: 'Phonics check',
        subject: 'Phonics',
        yearGroup: 'Y1',
        type: 'statutory',
        plannedOn: `${y + 1}-06-08`,
      })
    ).json().assessments[0];
    const edited = await call(admin, 'PATCH', `/calendar/assessments/${a.id}`, {
      version: 1,
      plannedOn: `${y + 1}-06-09`,
    });
    expect(edited.json().assessments[0]).toMatchObject({
      plannedOn: `${y + 1}-06-09`,
      term: 'summer',
      version: 2,
    });
    expect((await call(admin, 'DELETE', `/calendar/assessments/${a.id}?version=1`)).statusCode).toBe(409);
    expect(
      (await call(admin, 'DELETE', `/calendar/assessments/${a.id}?version=2`)).json().assessments,
    ).toEqual([]);
  });
});

describe('who may see and change the calendar', () => {
  it('lets a teacher and a governor read but not change it', async () => {
    const { year } = await freshYear();
    expect((await call(teacher, 'GET', `/calendar/years/${year.id}`)).statusCode).toBe(200);
    const body = { name: 'Drop', collectOn: year.terms[0].endsOn, yearGroups: ['Y7'] };
    for (const s of [teacher, governor]) {
      expect((await call(s, 'POST', `/calendar/years/${year.id}/collection-points`, body)).statusCode).toBe(
        403,
      );
      expect(
        (await call(s, 'PATCH', `/calendar/years/${year.id}`, { version: 1, terms: year.terms })).statusCode,
      ).toBe(403);
      expect((await call(s, 'POST', '/calendar/years', { label: '2090/91' })).statusCode).toBe(403);
    }
  });

  it('shows another trust nothing: its administrator gets 404 for this trust’s year and entries', async () => {
    const { year } = await freshYear();
    const cal = (
      await call(admin, 'POST', `/calendar/years/${year.id}/collection-points`, {
        name: 'Drop',
        collectOn: year.terms[0].endsOn,
        yearGroups: ['Y7'],
      })
    ).json();
    const point = cal.collectionPoints[0];
    expect((await call(otherAdmin, 'GET', `/calendar/years/${year.id}`)).statusCode).toBe(404);
    expect(
      (await call(otherAdmin, 'PATCH', `/calendar/years/${year.id}`, { version: 1, terms: year.terms }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call(otherAdmin, 'PATCH', `/calendar/collection-points/${point.id}`, {
          version: 1,
          name: 'Mine',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(otherAdmin, 'DELETE', `/calendar/collection-points/${point.id}?version=1`)).statusCode,
    ).toBe(404);
    const theirs = (await call(otherAdmin, 'GET', '/calendar/years')).json().years;
    expect(theirs.map((y: { id: string }) => y.id)).not.toContain(year.id);
  });
});
