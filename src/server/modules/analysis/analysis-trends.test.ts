import { beforeAll, describe, expect, it } from 'vitest';
import { seedAnalysisTrust } from '../../modules/data/seed-analysis-trust';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { gapIndex, welchGap } from './stats';

let h: Harness;
let t: TrustFixture;
let admin: Session;

const get = (s: Session, url: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });

/** Every result of the trust with its pupil, straight from the tables, to check the summaries against. */
const pupilRows = (filter: { academicYear: string; collectionPoint: string; yearGroup?: string }) =>
  h.db
    .selectFrom('results as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
    .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
    .where('r.trust_id', '=', t.trustId)
    .where('a.academic_year', '=', filter.academicYear)
    .where('a.collection_point', '=', filter.collectionPoint)
    .$if(!!filter.yearGroup, (q) => q.where('a.year_group', '=', filter.yearGroup!))
    .select(['r.value', 'r.pupil_id', 'a.subject', 'p.school_id', 'p.disadvantaged'])
    .execute();

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  // 2 schools x 150 pupils (30 per year group), 5 years of 4 subjects at 4 points.
  await seedAnalysisTrust(h.db, t.trustId, [t.schoolA, t.schoolB], 150);
  admin = await signIn(h, t.people.admin.email);
});

describe('gaps at a collection point from the summary table', () => {
  it('equal the gaps computed from every pupil result', async () => {
    const res = await get(admin, '/analysis/point-gaps?academicYear=2025/26&collectionPoint=Spring 2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const raw = await pupilRows({ academicYear: '2025/26', collectionPoint: 'Spring 2' });
    const maths = (schoolId: string | null) =>
      body.rows.find(
        (r: { subject: string; schoolId: string | null }) => r.subject === 'Maths' && r.schoolId === schoolId,
      );
    for (const schoolId of [null, t.schoolA]) {
      const mine = raw.filter(
        (r) => r.subject === 'Maths' && (schoolId === null || r.school_id === schoolId),
      );
      const expected = welchGap(
        mine.filter((r) => !r.disadvantaged).map((r) => r.value),
        mine.filter((r) => r.disadvantaged).map((r) => r.value),
      )!;
      const row = maths(schoolId);
      expect(row.groups[0].n + row.groups[1].n).toBe(mine.length);
      expect(row.gap.difference).toBeCloseTo(expected.difference, 9);
      expect(row.gap.ci[0]).toBeCloseTo(expected.ci[0], 9);
    }
    // The data were built with disadvantaged pupils half an SD (about a grade) behind; one in ten of
    // them changes status during the years, which dilutes the gap measured as the groups were.
    expect(maths(null).gap.difference).toBeGreaterThan(0.4);
    expect(new Set(body.rows.map((r: { subject: string }) => r.subject))).toEqual(
      new Set(['English', 'History', 'Maths', 'Science']),
    );
  });

  it('hide small groups from a governor and keep other schools out of sight', async () => {
    const governor = await signIn(h, t.people.governorA.email);
    const body = (
      await get(governor, '/analysis/point-gaps?academicYear=2025/26&collectionPoint=Spring 2&yearGroup=Y7')
    ).json();
    expect(body.pupilLevel).toBe(false);
    expect(body.rows.every((r: { schoolId: string }) => r.schoolId === t.schoolA)).toBe(true);
    // 30 pupils in a year group: about 7 disadvantaged, so some subject rows fall under 6 and are hidden whole.
    for (const r of body.rows) {
      const small = r.groups.some((g: { smallGroup: boolean }) => g.smallGroup);
      expect(r.groups.every((g: { suppressed: boolean }) => g.suppressed)).toBe(small);
      if (small) expect(r.gap).toBeNull();
    }
  });
});

describe('gap trends', () => {
  it('follows a cohort back through five years and reads each change', async () => {
    const res = await get(admin, `/analysis/gap-trend?subject=Maths&yearGroup=Y11&schoolId=${t.schoolA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Y7 in 2021/22 to Y11 in 2025/26, four points a year.
    expect(body.points).toHaveLength(20);
    expect(body.points[0].assessment.yearGroup).toBe('Y7');
    expect(body.points[19].assessment.yearGroup).toBe('Y11');
    expect(body.changes).toHaveLength(19);
    expect(body.overall.fromAssessmentId).toBe(body.points[0].assessment.id);
    expect(body.overall.ci[0]).toBeLessThanOrEqual(body.overall.change);
    expect(body.overall.sentence).toMatch(/gap/);
  });

  it('compares successive cohorts in the same year group across the trust', async () => {
    const body = (
      await get(admin, '/analysis/gap-trend?subject=English&yearGroup=Y7&follow=yearGroup')
    ).json();
    expect(body.label).toBe('All schools');
    expect(
      new Set(body.points.map((p: { assessment: { yearGroup: string } }) => p.assessment.yearGroup)),
    ).toEqual(new Set(['Y7']));
    expect(body.points.length).toBe(4 * 5);
  });

  it('refuses the trust-wide trend to a school head, and another school', async () => {
    const head = await signIn(h, t.people.headB.email);
    expect((await get(head, '/analysis/gap-trend?subject=Maths&yearGroup=Y11')).statusCode).toBe(403);
    expect(
      (await get(head, `/analysis/gap-trend?subject=Maths&yearGroup=Y11&schoolId=${t.schoolA}`)).statusCode,
    ).toBe(404);
  });
});

describe('gap index for a year group', () => {
  it('equals the pupil-level mean-rank index on each pupil average of English and maths', async () => {
    const res = await get(
      admin,
      '/analysis/gap-index?academicYear=2025/26&collectionPoint=Summer 2&yearGroup=Y11',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const raw = (
      await pupilRows({ academicYear: '2025/26', collectionPoint: 'Summer 2', yearGroup: 'Y11' })
    ).filter((r) => r.subject === 'English' || r.subject === 'Maths');
    const byPupil = new Map<string, { sum: number; k: number; disadvantaged: boolean }>();
    for (const r of raw) {
      const p = byPupil.get(r.pupil_id) ?? { sum: 0, k: 0, disadvantaged: r.disadvantaged };
      p.sum += r.value;
      p.k += 1;
      byPupil.set(r.pupil_id, p);
    }
    const expected = gapIndex(
      [...byPupil.values()].map((p) => ({ value: p.sum / p.k, disadvantaged: p.disadvantaged })),
    );
    const trust = body.scopes.find((s: { scope: string }) => s.scope === 'trust');
    expect(trust.n).toBe(byPupil.size);
    expect(trust.gapIndex).toBeCloseTo(expected!, 9);
    expect(trust.gapIndex).toBeGreaterThan(0);
    expect(body.scopes).toHaveLength(3);
  });
});
