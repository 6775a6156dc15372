import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../test/factories';
import { harness } from '../../../test/harness';
import { isValidUpn } from '../../data/upn';
import { planPupils, planSchools } from './trust-plan';
import { planStaff } from './workforce-plan';

const spec = { schools: 60, pupils: 60_000, years: 5, seed: 7, currentYear: 2026 };

describe('the synthetic trust plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = planSchools(spec);
    expect(planSchools(spec)).toEqual(a);
    expect(planPupils(spec, a[1]!)).toEqual(planPupils(spec, a[1]!));
    expect(planSchools({ ...spec, seed: 8 })).not.toEqual(a);
  });

  it('mixes phases, spreads joining over the years and sizes the trust as asked', () => {
    const schools = planSchools(spec);
    const phases = new Map<string, number>();
    for (const s of schools) phases.set(s.phase, (phases.get(s.phase) ?? 0) + 1);
    expect(phases.get('secondary')).toBe(12);
    expect(phases.get('special')).toBe(3);
    const total = schools.reduce((n, s) => n + s.pupils, 0);
    expect(Math.abs(total - 60_000)).toBeLessThan(200);
    const joined = new Set(schools.filter((s) => s.joinedYear >= 2021).map((s) => s.joinedYear));
    expect(joined.size).toBeGreaterThanOrEqual(3);
    expect(schools.filter((s) => s.joinedYear < 2021).length).toBe(20);
  });

  it('gives pupils national rates of disadvantage, SEN and EAL, valid unique UPNs and a KS2-linked ability', () => {
    const schools = planSchools(spec).filter((s) => s.phase !== 'special');
    const pupils = schools.slice(0, 20).flatMap((s) => planPupils(spec, s));
    const rate = (f: (p: (typeof pupils)[number]) => boolean) => pupils.filter(f).length / pupils.length;
    expect(rate((p) => p.disadvantaged)).toBeCloseTo(0.25, 1);
    expect(rate((p) => p.sen === 'K')).toBeCloseTo(0.13, 1);
    expect(rate((p) => p.sen === 'E')).toBeCloseTo(0.03, 1);
    expect(rate((p) => p.eal)).toBeCloseTo(0.2, 1);
    expect(pupils.every((p) => isValidUpn(p.upn))).toBe(true);
    expect(new Set(pupils.map((p) => p.upn)).size).toBe(pupils.length);
    const withKs2 = pupils.filter((p) => p.ks2Maths !== null);
    expect(
      correlation(
        withKs2.map((p) => p.ability),
        withKs2.map((p) => p.ks2Maths!),
      ),
    ).toBeGreaterThan(0.8);
  });
});

describe('the synthetic workforce', () => {
  it('fills each post from the year a school joined, with about one teacher in nine leaving a year', () => {
    const school = { ...planSchools(spec)[1]!, joinedYear: 2010, effect: 0 };
    const staff = planStaff(spec, school);
    expect(planStaff(spec, school)).toEqual(staff);
    const teachers = staff.filter((s) => s.role === 'teacher');
    const posts = teachers.filter((s) => s.leftOn === null).length;
    expect(posts).toBe(Math.round(school.pupils / 16));
    const rate = teachers.filter((s) => s.leftOn).length / (posts * (2026 - 2010));
    expect(rate).toBeGreaterThan(0.08);
    expect(rate).toBeLessThan(0.14);
    // Every leaver is replaced the next day, so a post is never counted twice at once.
    for (const s of staff) if (s.leftOn) expect(s.leftOn > s.startedOn).toBe(true);
    expect(new Set(staff.map((s) => s.ref)).size).toBe(staff.length);
  });
});

describe('sip demo generate', () => {
  it('writes a trust whose results follow prior attainment, show a disadvantage gap and start when a school joined', async () => {
    const h = await harness();
    h.clock.set('2026-12-05');
    const made = await h.services.generate.generate({
      schools: 5,
      pupils: 1500,
      years: 3,
      seed: 11,
      password: 'a-long-password-1',
    });
    expect(made.schools).toBe(5);
    expect(made.pupils).toBeGreaterThan(1400);
    expect(made.results).toBeGreaterThan(made.pupils * 5);

    // At most three collection points per year group per academic year.
    const points = await sql<{ n: number }>`select count(distinct collection_point)::int as n from assessments
      where trust_id = ${made.trustId} group by year_group, academic_year, subject order by n desc limit 1`.execute(
      h.db,
    );
    expect(points.rows[0]!.n).toBe(3);
    // Nothing dated after today.
    const late = await sql<{ n: number }>`select count(*)::int as n from assessments
      where trust_id = ${made.trustId} and taken_on > '2026-12-05'`.execute(h.db);
    expect(late.rows[0]!.n).toBe(0);

    // No results from before a school joined the trust.
    const early = await sql<{ n: number }>`select count(*)::int as n from results r
      join assessments a on a.id = r.assessment_id join pupils p on p.id = r.pupil_id join schools s on s.id = p.school_id
      where r.trust_id = ${made.trustId} and a.taken_on < s.joined_trust_on`.execute(h.db);
    expect(early.rows[0]!.n).toBe(0);

    const y11 = await sql<{
      value: number;
      ks2: number;
      dis: boolean;
    }>`select r.value, p.ks2_maths as ks2, p.disadvantaged as dis
      from results r join assessments a on a.id = r.assessment_id join pupils p on p.id = r.pupil_id
      where r.trust_id = ${made.trustId} and a.year_group = 'Y11' and a.subject = 'Maths'`.execute(h.db);
    const rows = y11.rows;
    expect(rows.length).toBeGreaterThan(50);
    expect(
      correlation(
        rows.map((r) => r.ks2),
        rows.map((r) => r.value),
      ),
    ).toBeGreaterThan(0.5);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const gap =
      mean(rows.filter((r) => !r.dis).map((r) => r.value)) -
      mean(rows.filter((r) => r.dis).map((r) => r.value));
    // Half an SD of ability on a scale of 1.9 grades per SD: about one grade.
    expect(gap).toBeGreaterThan(0.5);
    expect(gap).toBeLessThan(2);

    // Leavers keep their records: they left at the end of a summer, hold results from before and
    // none after, and last year's Year 11 sat their summer assessments.
    const leavers = await sql<{ n: number; after: number }>`select count(distinct e.pupil_id)::int as n,
        count(r.pupil_id)::int as after
      from enrolments e
      left join results r on r.pupil_id = e.pupil_id
        and r.assessment_id in (select id from assessments a where a.taken_on > e.end_date)
      where e.trust_id = ${made.trustId} and e.end_date is not null`.execute(h.db);
    expect(leavers.rows[0]!.n).toBeGreaterThan(100);
    expect(leavers.rows[0]!.after).toBe(0);
    const lastY11 = await sql<{ n: number }>`select count(*)::int as n from results r
      join assessments a on a.id = r.assessment_id
      where r.trust_id = ${made.trustId} and a.year_group = 'Y11' and a.academic_year = '2025/26'
        and a.collection_point = 'Summer 2'`.execute(h.db);
    expect(lastY11.rows[0]!.n).toBeGreaterThan(50);

    // Termly attendance at about the national rates, none for terms still to come or before joining.
    expect(made.attendanceRecords).toBeGreaterThan(made.pupils * 3);
    const att = await sql<{ dis: boolean; absence: number; pa: number }>`
      select p.disadvantaged as dis,
        1 - sum(a.attended_sessions)::float / sum(a.possible_sessions) as absence,
        avg(case when (a.possible_sessions - a.attended_sessions) * 10 >= a.possible_sessions then 1 else 0 end)::float as pa
      from attendance_records a join pupils p on p.id = a.pupil_id
      where a.trust_id = ${made.trustId} group by p.disadvantaged`.execute(h.db);
    const byDis = new Map(att.rows.map((r) => [r.dis, r]));
    expect(byDis.get(false)!.absence).toBeGreaterThan(0.04);
    expect(byDis.get(false)!.absence).toBeLessThan(0.08);
    expect(byDis.get(true)!.absence).toBeGreaterThan(byDis.get(false)!.absence * 1.3);
    expect(byDis.get(true)!.pa).toBeGreaterThan(byDis.get(false)!.pa);
    const outside = await sql<{ n: number }>`select count(*)::int as n from attendance_records a
      join schools s on s.id = a.school_id
      where a.trust_id = ${made.trustId} and (a.period_end > '2026-12-05' or a.period_start < s.joined_trust_on)`.execute(
      h.db,
    );
    expect(outside.rows[0]!.n).toBe(0);

    // Staff turnover: about one in nine leaving a year, each leaver replaced.
    expect(made.staffRecords).toBeGreaterThan(50);
    const staff = await sql<{ started: number; left: number; posts: number }>`
      select count(*)::int as started, count(left_on)::int as left,
        count(*) filter (where left_on is null)::int as posts
      from staff_records where trust_id = ${made.trustId}`.execute(h.db);
    const { left, posts } = staff.rows[0]!;
    // Posts x years in the trust is at most posts x (3 + 4); a rate between 5% and 25% a year.
    expect(left).toBeGreaterThan(0);
    expect(left / posts).toBeGreaterThan(0.1);
    expect(left / posts).toBeLessThan(0.25 * 7);

    expect(made.interventions).toBe(2);

    // The analysis summaries cover every result.
    const summarised = await sql<{ n: number }>`select coalesce(sum(n), 0)::int as n from result_summaries
      where trust_id = ${made.trustId}`.execute(h.db);
    expect(summarised.rows[0]!.n).toBe(made.results);
  });

  it('runs last year’s interventions with a real effect that the impact analysis finds', async () => {
    const h = await harness();
    h.clock.set('2026-12-05');
    const made = await h.services.generate.generate({
      schools: 2,
      pupils: 3000,
      years: 2,
      seed: 3,
      password: 'a-long-password-1',
    });
    expect(made.interventions).toBe(2);
    // Their pupils came from the lower half at the baseline and did better than matched comparison
    // pupils from the same half.
    const admin = await signIn(h, made.email, 'a-long-password-1');
    const list = await sql<{ id: string; name: string }>`select id, name from interventions
      where trust_id = ${made.trustId} order by name`.execute(h.db);
    expect(list.rows.map((r) => r.name)).toEqual(['Year 4 reading catch-up', 'Year 8 maths tutoring']);
    for (const i of list.rows) {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/interventions/${i.id}/impact`,
        headers: admin.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const impact = res.json();
      expect(impact.comparison).toBe('matched');
      expect(impact.overall.n.intervention).toBeGreaterThanOrEqual(6);
      expect(impact.overall.effect.d, `${i.name}: ${impact.overall.reading}`).toBeGreaterThan(0.1);
    }
  });

  it('makes the same results from the same seed', async () => {
    const h = await harness();
    h.clock.set('2026-12-05');
    const o = { schools: 2, pupils: 300, years: 2, seed: 5, password: 'a-long-password-1' };
    const fingerprint = async (trustId: string) =>
      (
        await sql<{
          f: string;
        }>`select md5(string_agg(p.upn || a.name || a.academic_year || a.collection_point || r.value, ','
            order by p.upn, a.name, a.academic_year, a.collection_point)) as f
          from results r join pupils p on p.id = r.pupil_id join assessments a on a.id = r.assessment_id
          where r.trust_id = ${trustId}`.execute(h.db)
      ).rows[0]!.f;
    const a = await h.services.generate.generate({ ...o, name: 'Seed five A' });
    const b = await h.services.generate.generate({ ...o, name: 'Seed five B' });
    expect(a.results).toBeGreaterThan(1000);
    expect(await fingerprint(a.trustId)).toMatch(/^[0-9a-f]{32}$/);
    expect(await fingerprint(a.trustId)).toBe(await fingerprint(b.trustId));
  });
});

function correlation(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
