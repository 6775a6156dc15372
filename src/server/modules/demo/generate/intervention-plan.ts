import type { GenerateSpec, PlannedSchool } from './trust-plan';

export type PlannedIntervention = {
  schoolOrd: number;
  name: string;
  type: 'reading_catch_up' | 'tutoring';
  /** Autumn of the academic year it ran; the year group as it was then, and the subject it served. */
  startYear: number;
  yearNum: number;
  subject: string;
  /** Its true effect on the pupils' standing by the summer, in SD of ability. */
  effect: number;
};

const DESIGNS = [
  {
    phase: 'primary',
    name: 'Year 4 reading catch-up',
    type: 'reading_catch_up',
    yearNum: 4,
    subject: 'Reading',
    effect: 0.6,
  },
  {
    phase: 'secondary',
    name: 'Year 8 maths tutoring',
    type: 'tutoring',
    yearNum: 8,
    subject: 'Maths',
    effect: 0.5,
  },
] as const;

/**
 * The interventions a generated trust ran last year, each with a real effect for the analysis to find:
 * a Year 4 reading catch-up at the first primary and Year 8 maths tutoring at the first secondary
 * that were in the trust by then. Their pupils are picked from the baseline results, as schools do,
 * so the repository chooses them once those results exist.
 */
export function planInterventions(
  spec: GenerateSpec,
  schools: readonly PlannedSchool[],
): PlannedIntervention[] {
  if (spec.years < 1) return [];
  const startYear = spec.currentYear - 1;
  return DESIGNS.flatMap(({ phase, ...d }) => {
    const school = schools.find((s) => s.phase === phase && s.joinedYear <= startYear);
    return school ? [{ ...d, schoolOrd: school.ord, startYear }] : [];
  });
}
