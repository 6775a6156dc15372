import { clamp, normal, rng } from '../../data/synthetic';
import { upnCheckLetter } from '../../data/upn';

/**
 * The pure half of `sip demo generate`: from a seed and a size, which schools a generated trust has,
 * when each joined, how good each is, and every pupil with their characteristics and latent ability.
 * The database half (generate.repository.ts) turns abilities into results set-wise. Same seed, same
 * trust: nothing here reads the clock or Math.random.
 */
export type GenerateSpec = {
  schools: number;
  pupils: number;
  /** Complete academic years of history before the current one. */
  years: number;
  seed: number;
  /** The autumn of the current academic year (2026 for 2026/27): pupils' year groups are as now. */
  currentYear: number;
};

export type PlannedSchool = {
  ord: number;
  urn: string;
  name: string;
  phase: 'primary' | 'secondary' | 'all_through' | 'special';
  localAuthority: string;
  /** Autumn of the academic year the school joined; results start then. */
  joinedYear: number;
  /** School effect in SD at joining, and its yearly change while in the trust (the trajectory). */
  effect: number;
  trajectory: number;
  pupils: number;
};

export type PlannedPupil = {
  schoolOrd: number;
  upn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  /** Year group number now (0 = Reception); past the school's top year for a pupil who has left. */
  year: number;
  /** For a pupil who has left: the autumn of the academic year at whose end they left. */
  leftYear: number | null;
  /** The year group held: the one now, or for a leaver the one they left from. */
  yearGroup: string;
  disadvantaged: boolean;
  fsm: boolean;
  sen: 'N' | 'K' | 'E';
  eal: boolean;
  ethnicity: string;
  ks2Reading: number | null;
  ks2Maths: number | null;
  ability: number;
};

const TOWNS = [
  'Ashby',
  'Brampton',
  'Calder',
  'Denholme',
  'Elmwood',
  'Farsley',
  'Garforth',
  'Hebden',
  'Ilkley',
  'Keighley',
  'Lindley',
  'Marsden',
  'Netherton',
  'Ossett',
  'Pudsey',
  'Queensbury',
  'Rothwell',
  'Shipley',
  'Thornton',
  'Upperthong',
  'Wetherby',
  'Yeadon',
];
const KINDS = ['Primary Academy', 'Church of England Primary', 'Community Primary', 'Junior and Infant'];
const LAS = [
  ['383', 'Leeds'],
  ['380', 'Bradford'],
  ['381', 'Calderdale'],
  ['382', 'Kirklees'],
  ['384', 'Wakefield'],
] as const;
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
  'Poppy',
  'Harry',
  'Sofia',
  'Ibrahim',
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
  'Nowak',
  'Okafor',
];
// Roughly the national mix of main ethnicity codes, white British most common.
const ETHNICITY = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'APKN',
  'APKN',
  'ABAN',
  'AIND',
  'BAFR',
  'BCRB',
  'MWBC',
  'MWBA',
  'CHNE',
  'WROM',
  'AOTH',
  'OOTH',
  'NOBT',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * A trust's schools: about one secondary for every four primaries, a special school per twenty,
 * a third founding members and the rest joining across the years, the joiners weaker on arrival and
 * improving (trusts usually take on schools that need support).
 */
export function planSchools(spec: GenerateSpec): PlannedSchool[] {
  const r = rng(spec.seed);
  const phases = Array.from({ length: spec.schools }, (_, i): PlannedSchool['phase'] =>
    i % 20 === 19 ? 'special' : i % 5 === 1 ? 'secondary' : 'primary',
  );
  // Relative sizes: a secondary holds about four primaries' pupils, a special school a third of one.
  const weight = { primary: 1, secondary: 4, all_through: 5, special: 0.35 } as const;
  const totalWeight = phases.reduce((s, p) => s + weight[p], 0);
  const firstYear = spec.currentYear - spec.years;
  return phases.map((phase, i) => {
    const [, la] = pick(r, LAS);
    const founding = i < Math.max(1, Math.round(spec.schools / 3));
    // Joiners arrive after the first year of history, so the trust's picture changes as it grows.
    const joinedYear = founding
      ? firstYear - 1 - Math.floor(r() * 4)
      : firstYear + 1 + Math.floor(r() * Math.max(1, spec.years - 1));
    const town = TOWNS[i % TOWNS.length]!;
    const name =
      phase === 'secondary'
        ? `${town} Academy`
        : phase === 'special'
          ? `${town} Park School`
          : `${town} ${pick(r, KINDS)}`;
    return {
      ord: i,
      urn: String(150001 + i),
      name: i >= TOWNS.length ? `${name} ${Math.floor(i / TOWNS.length) + 1}` : name,
      phase,
      localAuthority: la,
      joinedYear,
      effect: founding ? 0.1 + 0.2 * normal(r) : -0.3 + 0.25 * normal(r),
      trajectory: founding ? 0.01 : 0.04 + 0.03 * r(),
      pupils: Math.max(30, Math.round((spec.pupils * weight[phase]) / totalWeight)),
    };
  });
}

/** The year groups a school teaches, as numbers (0 = Reception). */
export const yearsTaught = (phase: PlannedSchool['phase']) =>
  phase === 'secondary'
    ? [7, 8, 9, 10, 11]
    : phase === 'special'
      ? [3, 4, 5, 6, 7, 8, 9, 10, 11]
      : phase === 'all_through'
        ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        : [0, 1, 2, 3, 4, 5, 6];

/**
 * Every current pupil of one school, spread evenly over the year groups it teaches, then the cohorts
 * that left from its top year in each year of history (a trust keeps its leavers' records, and last
 * year's KS2 or GCSE results are theirs). `school.pupils` counts those on roll. Rates follow the
 * national picture: disadvantaged about 25%, SEN support 13%, EHC plan 3% (far more in a special
 * school), EAL 20%; attainment follows one latent ability, lowered by half an SD for disadvantaged
 * pupils (about the national gap), so KS2 scores and later grades correlate.
 */
export function planPupils(spec: GenerateSpec, school: PlannedSchool): PlannedPupil[] {
  const r = rng(spec.seed * 7919 + school.ord + 1);
  const years = yearsTaught(school.phase);
  const la = LAS.find(([, name]) => name === school.localAuthority)?.[0] ?? '383';
  const estab = String(2000 + school.ord).padStart(4, '0');
  const top = years.at(-1)!;
  const perYear = Math.round(school.pupils / years.length);
  return Array.from({ length: school.pupils + perYear * spec.years }, (_, i) => {
    // Leavers after those on roll, so the pupils on roll are the same whatever the history.
    const gone = i < school.pupils ? 0 : Math.floor((i - school.pupils) / perYear) + 1;
    const year = gone ? top + gone : years[i % years.length]!;
    const disadvantaged = r() < 0.25;
    const senRoll = r();
    const sen =
      school.phase === 'special'
        ? senRoll < 0.85
          ? 'E'
          : 'K'
        : senRoll < 0.03
          ? 'E'
          : senRoll < 0.16
            ? 'K'
            : 'N';
    const ability = normal(r) - (disadvantaged ? 0.5 : 0) - (sen === 'E' ? 1.2 : sen === 'K' ? 0.6 : 0);
    // Born in the academic year that puts them in `year` now.
    const birthYear = spec.currentYear - 5 - year;
    const ks2 = () => clamp(Math.round(104 + 6.5 * (ability + 0.45 * normal(r))), 80, 120);
    const hasKs2 = year >= 7;
    // LA, establishment, then five digits unique within the school (a UPN is 13 characters).
    const rest = `${la}${estab}${String(10 + Math.floor(i / 1000)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const month = 1 + Math.floor(r() * 12);
    return {
      schoolOrd: school.ord,
      upn: `${upnCheckLetter(rest)}${rest}`,
      givenName: pick(r, GIVEN),
      familyName: pick(r, FAMILY),
      // September-born pupils belong to the academic year that starts in their birth year.
      dateOfBirth: `${month >= 9 ? birthYear : birthYear + 1}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      sex: r() < 0.5 ? 'F' : 'M',
      year,
      leftYear: gone ? spec.currentYear - gone : null,
      yearGroup: gone ? `Y${top}` : year === 0 ? 'R' : `Y${year}`,
      disadvantaged,
      fsm: disadvantaged && r() < 0.8,
      sen,
      eal: r() < 0.2,
      ethnicity: pick(r, ETHNICITY),
      ks2Reading: hasKs2 ? ks2() : null,
      ks2Maths: hasKs2 ? ks2() : null,
      ability,
    };
  });
}
