import type { GradeScale } from '../../../shared/contracts/grade-sets';

/**
 * Grade sets as pure data: the built-in scales every trust has, a reader that turns the text of
 * a result into the number stored, and the rules for defining and changing a trust's own sets.
 */
export type GradeSetDefinition = {
  key: string;
  name: string;
  scale: GradeScale;
  nonResults: readonly string[];
};

/** Codes that mean "no result" on every scale (absent, not entered), as the results importer has them. */
export const COMMON_NON_RESULTS = ['A', 'ABS', 'X', 'N/A', 'NA'] as const;

const ordered = (codes: string[], first = 0) => codes.map((code, i) => ({ code, value: first + i }));

/** Keys and accepted values match the results importer's own table (results-file.ts). */
export const BUILT_IN_GRADE_SETS: readonly GradeSetDefinition[] = [
  {
    key: 'gcse',
    name: 'GCSE 9-1 (U = 0)',
    scale: {
      kind: 'ordered',
      grades: [
        { code: 'U', value: 0, aliases: ['0'] },
        ...ordered(['1', '2', '3', '4', '5', '6', '7', '8', '9'], 1),
      ],
    },
    nonResults: COMMON_NON_RESULTS,
  },
  {
    key: 'ks2_scaled',
    name: 'KS2 scaled score 80-120',
    scale: { kind: 'range', min: 80, max: 120, step: 1, suffix: null },
    nonResults: COMMON_NON_RESULTS,
  },
  {
    // Lowest first. HNM ("has not met", science) and WTS ("working towards") both fall short of
    // the expected standard; HNM is placed below WTS so each code keeps a value of its own.
    key: 'ks_ta',
    name: 'KS1/KS2 teacher assessment (BLW to GDS)',
    scale: { kind: 'ordered', grades: ordered(['BLW', 'PKF', 'PKE', 'PKG', 'HNM', 'WTS', 'EXS', 'GDS']) },
    // A: absent; D: disapplied. Neither is a result.
    nonResults: [...COMMON_NON_RESULTS, 'D'],
  },
  {
    key: 'edsm',
    name: 'Emerging, developing, secure, mastered',
    scale: {
      kind: 'ordered',
      grades: [
        { code: 'Emerging', value: 1, aliases: ['E'] },
        { code: 'Developing', value: 2, aliases: ['D'] },
        { code: 'Secure', value: 3, aliases: ['S'] },
        { code: 'Mastered', value: 4, aliases: ['M'] },
      ],
    },
    nonResults: COMMON_NON_RESULTS,
  },
  {
    key: 'percentage',
    name: 'Percentage 0-100',
    scale: { kind: 'range', min: 0, max: 100, step: null, suffix: '%' },
    nonResults: COMMON_NON_RESULTS,
  },
  {
    key: 'points',
    name: 'Points (any number)',
    scale: { kind: 'range', min: null, max: null, step: null, suffix: null },
    nonResults: COMMON_NON_RESULTS,
  },
];

export const isBuiltInKey = (key: string) => BUILT_IN_GRADE_SETS.some((s) => s.key === key);

const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const onStep = (n: number, min: number, step: number) => {
  const k = (n - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
};

export type GradeReader = ((raw: string) => number | null) & {
  /** The codes (upper case) that mean "no result": skip them rather than reject them. */
  readonly absent: ReadonlySet<string>;
  readonly isAbsent: (raw: string) => boolean;
};

/**
 * `(raw) => value`, null when the text is not a grade of the set. Case and surrounding spaces are
 * ignored. An empty cell and the set's non-result codes are "absent" (check `isAbsent` first):
 * the reader returns null for them too, because they are not grades.
 */
export function gradeReader(set: Pick<GradeSetDefinition, 'scale' | 'nonResults'>): GradeReader {
  const absent = new Set(['', ...set.nonResults.map((c) => c.toUpperCase())]);
  const norm = (raw: string) => raw.trim().toUpperCase();
  let read: (v: string) => number | null;
  const scale = set.scale;
  if (scale.kind === 'ordered') {
    const byCode = new Map<string, number>();
    for (const g of scale.grades)
      for (const c of [g.code, ...(g.aliases ?? [])]) byCode.set(c.toUpperCase(), g.value);
    read = (v) => byCode.get(v) ?? null;
  } else {
    const whole = scale.step !== null && Number.isInteger(scale.step) && Number.isInteger(scale.min ?? 0);
    const suffix = scale.suffix?.toUpperCase() ?? null;
    read = (v) => {
      const text = suffix && v.endsWith(suffix) ? v.slice(0, -suffix.length).trim() : v;
      if (!(whole ? INTEGER : NUMBER).test(text)) return null;
      const n = Number(text);
      if (scale.min !== null && n < scale.min) return null;
      if (scale.max !== null && n > scale.max) return null;
      if (scale.step !== null && !onStep(n, scale.min ?? 0, scale.step)) return null;
      return n;
    };
  }
  const isAbsent = (raw: string) => absent.has(norm(raw));
  return Object.assign((raw: string) => (isAbsent(raw) ? null : read(norm(raw))), { absent, isAbsent });
}

/** The grade a stored value stands for (the inverse of the reader), or null when there is none. */
export function gradeFor(scale: GradeScale, value: number): string | null {
  if (scale.kind === 'ordered') return scale.grades.find((g) => g.value === value)?.code ?? null;
  if (scale.min !== null && value < scale.min) return null;
  if (scale.max !== null && value > scale.max) return null;
  if (scale.step !== null && !onStep(value, scale.min ?? 0, scale.step)) return null;
  return String(value);
}

/** How many grades a range holds; ordered scales list theirs. */
const rangeSize = (min: number, max: number, step: number) => Math.floor((max - min) / step + 1e-9) + 1;
export const MAX_RANGE_GRADES = 10_000;

/** What is wrong with a trust-defined scale, as field -> message pairs; empty when it is sound. */
export function scaleProblems(
  scale: GradeScale,
  nonResults: readonly string[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const absent = new Set(nonResults.map((c) => c.toUpperCase()));
  if (scale.kind === 'ordered') {
    const seen = new Set<string>();
    scale.grades.forEach((g, i) => {
      const codes = [g.code, ...(g.aliases ?? [])].map((c) => c.toUpperCase());
      for (const c of codes) {
        if (seen.has(c))
          problems.push({ field: `scale.grades.${i}.code`, message: `${c} appears more than once` });
        if (absent.has(c))
          problems.push({ field: `scale.grades.${i}.code`, message: `${c} is also listed as a non-result` });
        seen.add(c);
      }
      const prev = scale.grades[i - 1];
      if (prev && g.value <= prev.value)
        problems.push({
          field: `scale.grades.${i}.value`,
          message: 'List grades lowest first, each worth more than the one before',
        });
    });
  } else if (scale.min !== null && scale.max !== null) {
    if (scale.max <= scale.min)
      problems.push({ field: 'scale.max', message: 'The highest value must be above the lowest' });
    else if (scale.step !== null) {
      if (!onStep(scale.max, scale.min, scale.step))
        problems.push({
          field: 'scale.step',
          message: 'Steps from the lowest value must land on the highest',
        });
      else if (rangeSize(scale.min, scale.max, scale.step) > MAX_RANGE_GRADES)
        problems.push({
          field: 'scale.step',
          message: `A range may hold at most ${MAX_RANGE_GRADES} grades`,
        });
    }
  }
  return problems;
}

/**
 * Why a change to a scale would orphan results already imported against it, or null when it is
 * safe. Results are stored as numbers, so every existing grade must keep its value, and a range
 * must still hold every value it held.
 */
export function removedGrades(before: GradeScale, after: GradeScale): string | null {
  if (before.kind !== after.kind)
    return 'Results use this grade set, so it cannot change from grades to a range or back.';
  if (before.kind === 'ordered' && after.kind === 'ordered') {
    const lost = before.grades.filter(
      (g) => !after.grades.some((a) => a.code === g.code && a.value === g.value),
    );
    return lost.length
      ? `Results use this grade set, so these grades must stay with their values: ${lost.map((g) => g.code).join(', ')}.`
      : null;
  }
  if (before.kind === 'range' && after.kind === 'range') {
    const widerOrSame =
      (after.min === null || (before.min !== null && after.min <= before.min)) &&
      (after.max === null || (before.max !== null && after.max >= before.max));
    const stepKept =
      after.step === null ||
      (before.step !== null &&
        onStep(before.step, 0, after.step) &&
        onStep(before.min ?? 0, after.min ?? 0, after.step));
    return widerOrSame && stepKept
      ? null
      : 'Results use this grade set, so its range can widen but not lose any value it already allows.';
  }
  return null;
}
