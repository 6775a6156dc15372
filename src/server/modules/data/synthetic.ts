import { upnCheckLetter } from './upn';

/**
 * Deterministic synthetic pupils and results for demos, tests and benchmarks. Characteristic rates
 * follow issue guidance (disadvantaged ~25%, SEN support ~13%, EHCP ~3%, EAL ~20%); attainment is
 * driven by one latent ability, so prior attainment and outcomes correlate, and disadvantaged pupils
 * start about half a standard deviation lower, roughly the national gap.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate (Box-Muller) from a uniform generator. */
export const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
export const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const GIVEN = [
  'Amelia',
  'Noah',
  'Olivia',
  'Muhammad',
  'Isla',
  'George',
  'Ava',
  'Leo',
  'Freya',
  'Oscar',
  'Maya',
  'Arlo',
  'Zara',
  'Alfie',
  'Ivy',
  'Yusuf',
  'Ruby',
  'Theo',
  'Aisha',
  'Jack',
];
const FAMILY = [
  'Smith',
  'Khan',
  'Jones',
  'Taylor',
  'Ahmed',
  'Brown',
  'Williams',
  'Patel',
  'Wilson',
  'Hussain',
  'Evans',
  'Walker',
  'Begum',
  'Wright',
  'Ali',
  'Hughes',
  'Green',
  'Shah',
  'Lewis',
  'Clarke',
];
const ETHNICITY = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'APKN',
  'ABAN',
  'AIND',
  'BAFR',
  'BCRB',
  'MWBC',
  'CHNE',
  'OOTH',
];

export type SyntheticPupil = {
  upn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  yearGroup: string;
  disadvantaged: boolean;
  fsm: boolean;
  sen: 'N' | 'K' | 'E';
  eal: boolean;
  ethnicity: string;
  ks2Reading: number | null;
  ks2Maths: number | null;
  /** Outcome per subject on the cohort's scale. */
  results: Record<string, number>;
};

export type CohortSpec = {
  seed: number;
  laCode: string;
  estab: string;
  size: number;
  yearGroup: 'Y6' | 'Y11';
  /** School effect in standard deviations (better schools above 0). */
  schoolEffect: number;
  birthYear: number;
};

/** One year group of one school. Y6 gets KS2 scaled scores; Y11 gets GCSE points with KS2 prior attainment. */
export function generateCohort(spec: CohortSpec): SyntheticPupil[] {
  const r = rng(spec.seed);
  return Array.from({ length: spec.size }, (_, i) => {
    const disadvantaged = r() < 0.25;
    const senRoll = r();
    const sen = senRoll < 0.03 ? 'E' : senRoll < 0.16 ? 'K' : 'N';
    const ability =
      normal(r) + spec.schoolEffect - (disadvantaged ? 0.5 : 0) - (sen === 'E' ? 1.2 : sen === 'K' ? 0.6 : 0);
    const ks2 = (noise: number) => clamp(Math.round(104 + 6.5 * (ability + 0.45 * noise)), 80, 120);
    const rest = `${spec.laCode}${spec.estab}${String(spec.birthYear + 4).slice(2)}${String(i + 1).padStart(3, '0')}`;
    const pupil: SyntheticPupil = {
      upn: `${upnCheckLetter(rest)}${rest}`,
      givenName: pick(r, GIVEN),
      familyName: pick(r, FAMILY),
      dateOfBirth: `${spec.birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      sex: r() < 0.5 ? 'F' : 'M',
      yearGroup: spec.yearGroup,
      disadvantaged,
      fsm: disadvantaged && r() < 0.8,
      sen,
      eal: r() < 0.2,
      ethnicity: pick(r, ETHNICITY),
      ks2Reading: ks2(normal(r)),
      ks2Maths: ks2(normal(r)),
      results: {},
    };
    if (spec.yearGroup === 'Y6') {
      pupil.ks2Reading = null;
      pupil.ks2Maths = null;
      pupil.results = { Reading: ks2(normal(r)), Maths: ks2(normal(r)) };
    } else {
      const gcse = () => clamp(Math.round(4.6 + 1.9 * (ability + 0.5 * normal(r))), 0, 9);
      pupil.results = { Maths: gcse(), English: gcse() };
    }
    return pupil;
  });
}

export type InterventionTrialSpec = {
  seed: number;
  laCode: string;
  estab: string;
  /** Pupils in the year group; about half receive the intervention, chosen at random. */
  size: number;
  /** The planted effect: pupils who received the intervention gain this many post-test SDs. */
  effect: number;
  birthYear: number;
};

export type TrialPupil = SyntheticPupil & { treated: boolean; pre: number; post: number };

/** Mean and SD of the standardised scores of the trial (the scale of a typical standardised test). */
export const TRIAL_SCALE = { mean: 100, sd: 15 } as const;

/**
 * A Year 8 with a pre-test and a post-test on a standardised scale and a randomly assigned
 * intervention group whose post-test is raised by `effect` standard deviations, so an evaluation must
 * recover `effect` as its effect size. Disadvantaged pupils start lower, as in `generateCohort`; the
 * within-group SD of the post-test is 15 points, so the planted gain is 15 x `effect` points.
 */
export function generateInterventionTrial(spec: InterventionTrialSpec): TrialPupil[] {
  const r = rng(spec.seed);
  // Ability has SD sqrt(1 + 0.25^2 x 0.25 x 0.75) with the disadvantage gap mixed in; the scores
  // below are scaled so that the post-test SD within a group is TRIAL_SCALE.sd.
  const abilitySd = Math.sqrt(1 + 0.5 ** 2 * 0.25 * 0.75);
  const score = (ability: number, noise: number) =>
    TRIAL_SCALE.mean + TRIAL_SCALE.sd * ((0.8 * ability) / abilitySd + 0.6 * noise);
  return Array.from({ length: spec.size }, (_, i) => {
    const disadvantaged = r() < 0.25;
    const ability = normal(r) - (disadvantaged ? 0.5 : 0);
    const treated = r() < 0.5;
    const rest = `${spec.laCode}${spec.estab}${String(spec.birthYear + 4).slice(2)}${String(i + 1).padStart(3, '0')}`;
    const pre = Math.round(score(ability, normal(r)));
    const post = Math.round(score(ability, normal(r)) + (treated ? spec.effect * TRIAL_SCALE.sd : 0));
    return {
      upn: `${upnCheckLetter(rest)}${rest}`,
      givenName: pick(r, GIVEN),
      familyName: pick(r, FAMILY),
      dateOfBirth: `${spec.birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      sex: r() < 0.5 ? 'F' : 'M',
      yearGroup: 'Y8',
      disadvantaged,
      fsm: disadvantaged && r() < 0.8,
      sen: 'N',
      eal: r() < 0.2,
      ethnicity: pick(r, ETHNICITY),
      ks2Reading: null,
      ks2Maths: null,
      results: { Pre: pre, Post: post },
      treated,
      pre,
      post,
    };
  });
}
