import { academicYearLabel, academicYearStart } from '../../../shared/academic-year';
import { systemActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import type { CalendarService } from '../calendar/calendar.service';
import { orgRepository } from '../org/org.repository';
import { demoSchools } from './demo-trust';
import { GENERATED_POINTS } from './generate/generate.repository';
import { populateTrust } from './generate/generate.service';
import type { GenerateSpec, PlannedSchool } from './generate/trust-plan';

/** Pupils per year group, by school: Dene Park is small, so the demo shows small groups protected. */
const PER_YEAR: Record<string, number> = { ash: 30, bro: 28, cal: 24, den: 9, hol: 150, riv: 60 };
/** School effects (in SD of ability) to match the demo's self-evaluation strengths. */
const EFFECT: Record<string, number> = { ash: 0.3, bro: 0.05, cal: -0.1, den: -0.3, hol: 0.1, riv: -0.05 };
const YEARS_OF_HISTORY = 3;
const SEED = 2026;

/**
 * The demo trust's pupil data, made by the same generator as `sip demo generate` at a small size:
 * three years of results at three collection points a year up to today, termly attendance, staff
 * records with turnover, and last year's interventions, for the demo's own schools. Dene Park joined
 * recently and is small; the joiners are weaker and improving, as in the evaluation.
 */
export async function seedDemoPupils(db: Db, trustId: string, today: Date): Promise<void> {
  const spec: GenerateSpec = {
    schools: 0,
    pupils: 0,
    years: YEARS_OF_HISTORY,
    seed: SEED,
    currentYear: academicYearStart(today.toISOString().slice(0, 10)),
  };
  const stored = new Map((await orgRepository.listSchools(db, trustId)).map((s) => [s.urn, s]));
  const staged: (PlannedSchool & { id: string })[] = demoSchools.flatMap((d, ord) => {
    const s = stored.get(d.urn);
    if (!s || (d.phase !== 'primary' && d.phase !== 'secondary' && d.phase !== 'all_through')) return [];
    const years = d.phase === 'primary' ? 7 : d.phase === 'secondary' ? 5 : 12;
    const joinedYear = academicYearStart(d.joined);
    const effect = EFFECT[d.key] ?? 0;
    return [
      {
        id: s.id,
        ord,
        urn: d.urn,
        name: d.name,
        phase: d.phase,
        localAuthority: d.localAuthority,
        joinedYear,
        effect,
        // Schools that start weaker improve faster once in the trust.
        trajectory: effect < 0 ? 0.06 : 0.02,
        pupils: years * (PER_YEAR[d.key] ?? 30),
      },
    ];
  });
  await db.transaction().execute((tx) => populateTrust(tx, trustId, staged, spec, SEED, today));
}

/**
 * This year's data collection calendar, matching the generated data drops: three collection points
 * for every year group, as DfE workload guidance suggests at most, each fed by the Year 6 and
 * Year 11 assessments the generator makes (so the calendar shows which have their results in).
 */
export async function seedDemoCalendar(
  calendar: CalendarService,
  trustId: string,
  today: Date,
): Promise<void> {
  const actor = systemActor(trustId);
  const start = academicYearStart(today.toISOString().slice(0, 10));
  const { year } = await calendar.createYear(actor, { label: academicYearLabel(start) });
  const yearGroups = ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11'];
  for (const [i, p] of GENERATED_POINTS.entries()) {
    const y = p.month >= 9 ? start : start + 1;
    const collectOn = `${y}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    // Named as the generated results name their collection point, which is how results find it.
    const view = await calendar.addCollectionPoint(actor, year.id, { name: p.name, collectOn, yearGroups });
    const point = view.collectionPoints.find((c) => c.name === p.name)!;
    const ks2 = i === GENERATED_POINTS.length - 1;
    const planned = [
      { name: 'Year 11 English', subject: 'English', yearGroup: 'Y11', gradeSetKey: 'gcse' },
      { name: 'Year 11 maths', subject: 'Maths', yearGroup: 'Y11', gradeSetKey: 'gcse' },
      ks2
        ? { name: 'KS2 reading test', subject: 'Reading', yearGroup: 'Y6', gradeSetKey: 'ks2_scaled' }
        : { name: 'Year 6 reading', subject: 'Reading', yearGroup: 'Y6', gradeSetKey: 'percentage' },
      ks2
        ? { name: 'KS2 maths test', subject: 'Maths', yearGroup: 'Y6', gradeSetKey: 'ks2_scaled' }
        : { name: 'Year 6 maths', subject: 'Maths', yearGroup: 'Y6', gradeSetKey: 'percentage' },
    ];
    for (const a of planned)
      await calendar.addAssessment(actor, year.id, {
        ...a,
        type: a.gradeSetKey === 'ks2_scaled' ? 'statutory' : a.yearGroup === 'Y11' ? 'mock' : 'test',
        plannedOn: collectOn,
        collectionPointId: point.id,
      });
  }
}
