import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdDemoTrust } from '../../test/demo-lock';
import { signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

const trustOf = async (h: Harness, schoolId: string) =>
  (await h.db.selectFrom('schools').where('id', '=', schoolId).select('trust_id').executeTakeFirstOrThrow())
    .trust_id;

import { demoPeople } from './demo-trust';

describe('demo trust', () => {
  let release: () => Promise<void>;
  beforeAll(async () => {
    release = await holdDemoTrust();
  }, 600_000);
  afterAll(() => release());

  it('creates six schools and staff in every role, and the printed sign-in works', async () => {
    const h = await harness();
    const signInDetails = await h.services.demo.reset();
    const admin = await signIn(h, signInDetails.email, signInDetails.password);
    const schools = (
      await h.app.inject({ method: 'GET', url: '/api/v1/schools', headers: admin.headers })
    ).json().schools;
    const phases = schools.map((s: { phase: string }) => s.phase).sort();
    expect(phases).toEqual(['all_through', 'primary', 'primary', 'primary', 'primary', 'secondary']);
    const people = (
      await h.app.inject({ method: 'GET', url: '/api/v1/people', headers: admin.headers })
    ).json().people;
    expect(people.length).toBeGreaterThanOrEqual(25);
    const roles = new Set(people.flatMap((p: { roles: { role: string }[] }) => p.roles.map((r) => r.role)));
    expect(roles.size).toBe(8);
    expect(new Set(demoPeople.map((p) => p.role)).size).toBe(8);

    // Two rounds of self-evaluation: last term's closed, this term's under way.
    const rounds = (
      await h.app.inject({ method: 'GET', url: '/api/v1/rounds', headers: admin.headers })
    ).json().rounds;
    expect(rounds.map((r: { name: string; status: string }) => `${r.name}:${r.status}`)).toEqual([
      'Autumn 2026:open',
      'Summer 2026:closed',
    ]);
    const heat = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/rounds/${rounds[0].id}/heatmap`,
        headers: admin.headers,
      })
    ).json();
    const values = heat.cells.flat().filter((c: unknown) => typeof c === 'number');
    expect(values.length).toBeGreaterThan(40);
    expect(heat.commonWeaknesses.length).toBeGreaterThan(0);

    // Published case studies on the Learn page, and suggestions for the weakest school.
    const library = (
      await h.app.inject({ method: 'GET', url: '/api/v1/case-studies', headers: admin.headers })
    ).json();
    expect(library.results.length).toBeGreaterThanOrEqual(4);
    const dene = schools.find((s: { name: string }) => s.name.startsWith('Dene Park'));
    const suggested = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/schools/${dene.id}/case-study-suggestions`,
        headers: admin.headers,
      })
    ).json();
    expect(suggested.weakStatements).toBeGreaterThan(0);
    expect(suggested.results.length).toBeGreaterThan(0);

    // Pupil data from the synthetic trust generator: every year group of every school, results at
    // three collection points a year, termly attendance, staff records and last year's interventions.
    const count = async (table: 'pupils' | 'attendance_records' | 'staff_records' | 'interventions') =>
      Number(
        (
          await h.db
            .selectFrom(table)
            .where('trust_id', '=', await trustOf(h, dene.id))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('pupils')).toBeGreaterThan(2000);
    expect(await count('attendance_records')).toBeGreaterThan(5000);
    expect(await count('staff_records')).toBeGreaterThan(100);
    expect(await count('interventions')).toBe(2);
    const assessments = (
      await h.app.inject({ method: 'GET', url: '/api/v1/analysis/assessments', headers: admin.headers })
    ).json().assessments as { yearGroup: string; academicYear: string; collectionPoint: string }[];
    const points = new Map<string, Set<string>>();
    for (const a of assessments) {
      const key = `${a.yearGroup} ${a.academicYear}`;
      points.set(key, (points.get(key) ?? new Set()).add(a.collectionPoint));
    }
    expect(Math.max(...[...points.values()].map((p) => p.size))).toBe(3);
    // This year's data collection calendar has the same three drops, within the workload guidance.
    const years = (
      await h.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: admin.headers })
    ).json().years;
    expect(years).toHaveLength(1);
    const calendar = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/years/${years[0].id}`,
        headers: admin.headers,
      })
    ).json();
    expect(calendar.collectionPoints.map((p: { name: string }) => p.name)).toEqual([
      'Autumn 2',
      'Spring 2',
      'Summer 2',
    ]);
    expect(calendar.warnings).toEqual([]);
    // Its planned assessments find the generated results: those whose date has passed are in.
    type Planned = { name: string; plannedOn: string; status: string; received: { results: number } | null };
    const today = new Date().toISOString().slice(0, 10);
    expect(calendar.assessments).toHaveLength(12);
    for (const a of calendar.assessments as Planned[]) {
      expect(a.status, a.name).toBe(a.plannedOn <= today ? 'received' : 'upcoming');
      if (a.plannedOn <= today) expect(a.received!.results).toBeGreaterThan(0);
    }
    // Seeds the whole demo trust: give it room on a busy machine.
  }, 120_000);

  it('recreates the demo trust on reset with a new password, leaving other trusts alone', async () => {
    const h = await harness();
    const first = await h.services.demo.reset();
    const other = await h.services.org.createTrust('A real trust');
    const second = await h.services.demo.reset();
    expect(second.password).not.toBe(first.password);
    const trusts = await h.services.org.listTrusts();
    expect(trusts.filter((t) => t.isDemo)).toHaveLength(1);
    expect(trusts.map((t) => t.id)).toContain(other.id);
    // Two full demo seeds, each with its generated pupil data.
  }, 120_000);
});
