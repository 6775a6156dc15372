import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { harness } from '../../../test/harness';
import { isValidUpn } from '../../data/upn';
import { planPupils, planSchools } from './trust-plan';

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

    // The analysis summaries cover every result.
    const summarised = await sql<{ n: number }>`select coalesce(sum(n), 0)::int as n from result_summaries
      where trust_id = ${made.trustId}`.execute(h.db);
    expect(summarised.rows[0]!.n).toBe(made.results);
  });

  it('makes the same results from the same seed', async () => {
    const h = await harness();
    h.clock.set('2026-12-05');
    const o = { schools: 2, pupils: 300, years: 2, seed: 5, password: 'a-long-password-1' };
    const fingerprint = async (trustId: string) =>
      (
        await sql<{
          f: string;
        }>`select md5(string_agg(p.upn || a.name || r.value, ',' order by p.upn, a.name)) as f
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
