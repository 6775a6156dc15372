import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { gradeSetsForTrust } from './grade-sets.service';

let h: Harness;
let t: TrustFixture;
let admin: Session;
let dataManager: Session;
let teacher: Session;
let head: Session;
let otherAdmin: Session;

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  const other = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
  dataManager = await signIn(h, t.people.dataManagerA.email);
  teacher = await signIn(h, t.people.teacherA.email);
  head = await signIn(h, t.people.headA.email);
  otherAdmin = await signIn(h, other.people.admin.email);
});

type Method = 'GET' | 'POST' | 'PATCH';
const call = (s: Session, method: Method, url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload && { payload }) });

const stars = {
  kind: 'ordered',
  grades: [
    { code: 'Bronze', value: 1 },
    { code: 'Silver', value: 2 },
    { code: 'Gold', value: 3 },
  ],
};
let n = 0;
const create = async (scale: object = stars) => {
  const res = await call(dataManager, 'POST', '/grade-sets', {
    key: `stars_${++n}`,
    name: `Stars ${n}`,
    scale,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

/** An imported result against the grade set, as the results importer would leave it. */
async function recordResult(key: string) {
  const pupil = await h.db
    .insertInto('pupils')
    .values({
      trust_id: t.trustId,
      school_id: t.schoolA,
      upn: null,
      given_name: 'Sam',
      family_name: `Test ${key}`,
      date_of_birth: '2012-01-01',
      sex: 'F',
      year_group: 'Y9',
      disadvantaged: false,
      fsm: false,
      sen: 'N',
      eal: false,
      ethnicity: 'WBRI',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const a = await h.db
    .insertInto('assessments')
    .values({
      trust_id: t.trustId,
      name: 'Effort',
      subject: 'Art',
      year_group: 'Y9',
      academic_year: '2025/26',
      collection_point: 'Autumn 2',
      grade_set: key,
      taken_on: '2025-12-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('results')
    .values({ trust_id: t.trustId, assessment_id: a.id, pupil_id: pupil.id, value: 2 })
    .execute();
}

describe('grade sets', () => {
  it('gives every trust the built-in sets, read-only, and anyone with a role may list them', async () => {
    const res = await call(teacher, 'GET', '/grade-sets');
    expect(res.statusCode).toBe(200);
    const sets = res.json().gradeSets;
    expect(sets.filter((s: { builtIn: boolean }) => s.builtIn).map((s: { key: string }) => s.key)).toEqual([
      'gcse',
      'ks2_scaled',
      'ks_ta',
      'edsm',
      'percentage',
      'points',
    ]);
    const ta = sets.find((s: { key: string }) => s.key === 'ks_ta');
    expect(ta.nonResults).toEqual(expect.arrayContaining(['A', 'D']));
    expect(ta.scale.grades.map((g: { code: string }) => g.code)).toEqual([
      'BLW',
      'PKF',
      'PKE',
      'PKG',
      'HNM',
      'WTS',
      'EXS',
      'GDS',
    ]);
  });

  it('lets a data manager create a trust set that every school then has, audited', async () => {
    const created = await create();
    expect(created).toMatchObject({
      builtIn: false,
      inUse: false,
      version: 1,
      nonResults: ['A', 'ABS', 'X', 'N/A', 'NA'],
    });
    const keys = (await gradeSetsForTrust(h.db, t.trustId)).map((s) => s.key);
    expect(keys).toContain(created.key);
    const audit = await h.db
      .selectFrom('audit_events')
      .where('entity_id', '=', created.id)
      .select('action')
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
    const range = await create({ kind: 'range', min: 0, max: 50, step: 5, suffix: null });
    expect(range.scale).toEqual({ kind: 'range', min: 0, max: 50, step: 5, suffix: null });
  });

  it('refuses a teacher and a school leader (403), a built-in or repeated key (409), and an unordered scale (400)', async () => {
    const body = { key: 'effort', name: 'Effort', scale: stars };
    expect((await call(teacher, 'POST', '/grade-sets', body)).statusCode).toBe(403);
    expect((await call(head, 'POST', '/grade-sets', body)).statusCode).toBe(403);
    expect((await call(admin, 'POST', '/grade-sets', { ...body, key: 'gcse' })).statusCode).toBe(409);
    expect((await call(admin, 'POST', '/grade-sets', body)).statusCode).toBe(201);
    expect((await call(admin, 'POST', '/grade-sets', body)).statusCode).toBe(409);
    const unordered = {
      ...body,
      key: 'effort_2',
      scale: { kind: 'ordered', grades: [...stars.grades].reverse() },
    };
    const res = await call(admin, 'POST', '/grade-sets', unordered);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('List grades lowest first, each worth more than the one before');
    expect(
      (
        await call(admin, 'POST', '/grade-sets', {
          ...body,
          key: 'open_range',
          scale: { kind: 'range', min: null, max: null, step: null, suffix: null },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('refuses to remove a grade that imported results use (409) but lets grades be added', async () => {
    const set = await create();
    const fewer = { kind: 'ordered', grades: stars.grades.slice(0, 2) };
    // Unused: grades may go.
    const trimmed = await call(admin, 'PATCH', `/grade-sets/${set.id}`, { version: 1, scale: fewer });
    expect(trimmed.statusCode, trimmed.body).toBe(200);
    const restored = await call(admin, 'PATCH', `/grade-sets/${set.id}`, { version: 2, scale: stars });
    expect(restored.statusCode, restored.body).toBe(200);

    await recordResult(set.key);
    const listed = (await call(teacher, 'GET', '/grade-sets'))
      .json()
      .gradeSets.find((s: { id: string }) => s.id === set.id);
    expect(listed.inUse).toBe(true);
    const removal = await call(admin, 'PATCH', `/grade-sets/${set.id}`, { version: 3, scale: fewer });
    expect(removal.statusCode).toBe(409);
    expect(removal.json().error.message).toBe(
      'Results use this grade set, so these grades must stay with their values: Gold.',
    );
    const added = await call(admin, 'PATCH', `/grade-sets/${set.id}`, {
      version: 3,
      name: 'Stars, with platinum',
      scale: { kind: 'ordered', grades: [...stars.grades, { code: 'Platinum', value: 5 }] },
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ name: 'Stars, with platinum', version: 4 });
  });

  it('answers 409 to a stale version and 404 to another trust', async () => {
    const set = await create();
    expect(
      (await call(admin, 'PATCH', `/grade-sets/${set.id}`, { version: 1, name: 'Renamed' })).statusCode,
    ).toBe(200);
    expect(
      (await call(admin, 'PATCH', `/grade-sets/${set.id}`, { version: 1, name: 'Again' })).statusCode,
    ).toBe(409);
    expect(
      (await call(otherAdmin, 'PATCH', `/grade-sets/${set.id}`, { version: 2, name: 'Mine' })).statusCode,
    ).toBe(404);
    const theirs = (await call(otherAdmin, 'GET', '/grade-sets'))
      .json()
      .gradeSets.map((s: { key: string }) => s.key);
    expect(theirs).not.toContain(set.key);
  });
});
