/**
 * Data quality checks on assessment data: completeness, codes, duplicates, shifts between collection
 * points, teacher assessment against tests, and group size.
 * Source: methods.md §7 "Data quality checks (validity and reliability)".
 */
import { type GroupSummary, isPresent, mean, type Observation, present } from './descriptive';
import { pooledSd } from './effect-size';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression';

/** Share of expected results that may be missing before a flag is raised (§7). */
export const MISSING_FLAG_RATE = 0.05;

export type MissingData = {
  readonly expected: number;
  readonly missing: number;
  readonly rate: number;
  /** Above 5% missing. */
  readonly flagged: boolean;
};

/**
 * Missing-data rate of the results expected for a school, subject, collection point or group: pass one
 * entry per expected result (null, undefined or NaN where absent). Null when nothing was expected.
 */
export function missingData(expectedResults: readonly Observation[]): MissingData | null {
  const expected = expectedResults.length;
  if (expected === 0) return null;
  const missing = expected - present(expectedResults).length;
  const rate = missing / expected;
  return { expected, missing, rate, flagged: rate > MISSING_FLAG_RATE };
}

/** Positions of grades that are not in the grade set (range and code check). */
export function invalidGrades(grades: readonly string[], gradeSet: ReadonlySet<string>): number[] {
  return grades.flatMap((grade, i) => (gradeSet.has(grade) ? [] : [i]));
}

/** Keys that occur more than once (e.g. pupil + subject + collection point), each listed once. */
export function duplicateKeys(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) (seen.has(key) ? repeated : seen).add(key);
  return [...repeated];
}

/** Move in a mean, in pooled SDs, that earns a look (§7). */
export const SHIFT_FLAG_SD = 0.5;

export type Shift = {
  readonly from: number;
  readonly to: number;
  readonly change: number;
  /** |change| / pooled SD of the two points; null when the pooled SD is 0. */
  readonly standardised: number | null;
  /** For a look, not a verdict that the data are wrong. */
  readonly flagged: boolean;
};

/**
 * Shift check between consecutive collection points of one school and subject: flagged when the mean
 * moves more than 0.5 pooled SD. Returns one entry per consecutive pair of points.
 */
export function shiftCheck(points: readonly GroupSummary[]): Shift[] {
  return points.slice(1).flatMap((to, i) => {
    const from = points[i];
    if (from === undefined) return [];
    const change = to.mean - from.mean;
    const sd = from.n + to.n > 2 ? pooledSd(from, to) : Number.NaN;
    // With no spread at all, any change at all is a shift worth a look.
    const standardised = sd > 0 ? Math.abs(change) / sd : null;
    const flagged = standardised === null ? change !== 0 : standardised > SHIFT_FLAG_SD;
    return [{ from: from.mean, to: to.mean, change, standardised, flagged }];
  });
}

type Pair = readonly [number, number];

/** Pairs where both values are present; a pupil missing either side tells nothing about agreement. */
function completePairs(x: readonly Observation[], y: readonly Observation[]): Pair[] {
  if (x.length !== y.length) throw new RangeError('paired values must be the same length');
  return x.flatMap((a, i): Pair[] => {
    const b = y[i];
    return isPresent(a) && isPresent(b) ? [[a, b]] : [];
  });
}

/** Pearson correlation of paired values (pairs with a missing side dropped); null below 2 pairs or with no spread. */
export function pearson(x: readonly Observation[], y: readonly Observation[]): number | null {
  const pairs = completePairs(x, y);
  if (pairs.length < 2) return null;
  const mx = mean(pairs.map(([a]) => a)) ?? 0;
  const my = mean(pairs.map(([, b]) => b)) ?? 0;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  // Clamp rounding error so that perfectly related data read exactly ±1, never 1.0000000000000002.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Cohen's kappa for agreement between two yes/no judgements of the same pupils, beyond chance:
 * (observed agreement - chance agreement) / (1 - chance agreement). Null with no pairs, or when chance
 * agreement is 1 (both sources put every pupil on the same side), where kappa is undefined.
 */
export function cohensKappa(a: readonly boolean[], b: readonly boolean[]): number | null {
  if (a.length !== b.length) throw new RangeError('paired judgements must be the same length');
  const n = a.length;
  if (n === 0) return null;
  let agree = 0;
  let aYes = 0;
  let bYes = 0;
  a.forEach((x, i) => {
    const y = b[i] === true;
    if (x === y) agree += 1;
    if (x) aYes += 1;
    if (y) bYes += 1;
  });
  const observed = agree / n;
  const chance = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  if (chance === 1) return null;
  return (observed - chance) / (1 - chance);
}

export type AssessmentAgreement = {
  readonly pairs: number;
  readonly correlation: number | null;
  /** Mean of teacher assessment minus test: above 0 suggests inflated teacher assessment. */
  readonly meanDifference: number | null;
  /** Agreement on meeting the threshold. */
  readonly kappa: number | null;
};

/**
 * Teacher assessment against test results for the same pupils (§7): correlation, mean difference and
 * kappa on reaching the threshold (score >= threshold; the test may have its own, e.g. scaled score 100).
 */
export function assessmentAgreement(
  teacherAssessment: readonly Observation[],
  test: readonly Observation[],
  thresholds: { readonly teacherAssessment: number; readonly test?: number },
): AssessmentAgreement {
  const pairs = completePairs(teacherAssessment, test);
  const testThreshold = thresholds.test ?? thresholds.teacherAssessment;
  return {
    pairs: pairs.length,
    correlation: pearson(
      pairs.map(([a]) => a),
      pairs.map(([, b]) => b),
    ),
    meanDifference: mean(pairs.map(([a, b]) => a - b)),
    kappa: cohensKappa(
      pairs.map(([a]) => a >= thresholds.teacherAssessment),
      pairs.map(([, b]) => b >= testThreshold),
    ),
  };
}

/** Groups smaller than this get the "small - wide uncertainty" label (§7). */
export const SMALL_GROUP_SIZE = 30;

export type GroupSizeLabel = 'suppressed' | 'small - wide uncertainty' | null;

/**
 * How a group's size should qualify its figures: "suppressed" below the suppression threshold (see §6),
 * "small - wide uncertainty" below 30, otherwise no label.
 */
export function groupSizeLabel(
  n: number,
  suppressionThreshold = DEFAULT_SUPPRESSION_THRESHOLD,
): GroupSizeLabel {
  if (n < suppressionThreshold) return 'suppressed';
  return n < SMALL_GROUP_SIZE ? 'small - wide uncertainty' : null;
}
