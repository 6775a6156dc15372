/**
 * Progress 8: pupil scores against national estimates, and a school's score with its confidence interval.
 * Source: methods.md §3 "Attainment 8 and Progress 8 (KS4)" (DfE "Secondary accountability measures").
 */
import type { Attainment8 } from './attainment8';
import { type Interval, Z95_ROUNDED } from './interval';
import { type Progress8Band, progress8Band } from './progress8-bands';

/**
 * One row of a year's published Attainment 8 estimates: the national mean element points of pupils
 * with this KS2 fine level. The total estimate is the sum of the four elements.
 */
export type A8Estimate = {
  readonly fineLevel: number;
  readonly english: number;
  readonly maths: number;
  readonly ebacc: number;
  readonly open: number;
};

/** A prior-attainment group's lowest allowed pupil score (DfE's extreme-negative adjustment). */
export type Progress8Floor = {
  /** Inclusive KS2 fine-level range of the prior-attainment group. */
  readonly fromFineLevel: number;
  readonly toFineLevel: number;
  readonly floor: number;
};

export const estimatedA8 = (e: A8Estimate): number => e.english + e.maths + e.ebacc + e.open;

/**
 * KS2 fine level for KS4 cohorts from 2022: the mean of the KS2 reading and maths scaled scores, so in
 * steps of 0.5. Null without both scores: such pupils count in Attainment 8 but not Progress 8.
 */
export function ks2FineLevel(
  reading: number | null | undefined,
  maths: number | null | undefined,
): number | null {
  if (typeof reading !== 'number' || typeof maths !== 'number') return null;
  if (!Number.isFinite(reading) || !Number.isFinite(maths)) return null;
  return (reading + maths) / 2;
}

/**
 * The estimate row for a fine level, matched exactly (fine levels are multiples of 0.5, which binary
 * floating point holds exactly). Null when the table has no such row: an estimate is never invented.
 */
export function findEstimate(table: readonly A8Estimate[], fineLevel: number): A8Estimate | null {
  return table.find((row) => row.fineLevel === fineLevel) ?? null;
}

/** Pupil Progress 8 = (A8 - estimated A8) / 10: always divided by 10, however many slots were filled. */
export const pupilProgress8 = (a8: number, estimate: A8Estimate): number => (a8 - estimatedA8(estimate)) / 10;

export type ElementProgress8 = {
  readonly english: number;
  readonly maths: number;
  readonly ebacc: number;
  readonly open: number;
};

/**
 * Element Progress 8 scores: each element's points minus its estimate, divided by the element's number
 * of slots (2 for English and maths, 3 for EBacc and open), as DfE does, so that each is on the same
 * per-slot scale as the overall score.
 */
export function pupilElementProgress8(
  a8: Pick<Attainment8, 'english' | 'maths' | 'ebacc' | 'open'>,
  estimate: A8Estimate,
): ElementProgress8 {
  return {
    english: (a8.english - estimate.english) / 2,
    maths: (a8.maths - estimate.maths) / 2,
    ebacc: (a8.ebacc - estimate.ebacc) / 3,
    open: (a8.open - estimate.open) / 3,
  };
}

/**
 * A pupil score raised to the floor of their prior-attainment group when below it. Throws if the floor
 * table has no group for the fine level: a silently unadjusted pupil would bias the school score.
 */
export function applyFloor(score: number, fineLevel: number, floors: readonly Progress8Floor[]): number {
  const group = floors.find((f) => fineLevel >= f.fromFineLevel && fineLevel <= f.toFineLevel);
  if (group === undefined)
    throw new RangeError(`no prior-attainment group in the floor table for ${fineLevel}`);
  return Math.max(score, group.floor);
}

/** 95% CI of a school progress score: score ± 1.96 × sigma / √n (§3 writes 1.96, so 1.96 it is). */
export function progress8Interval(score: number, n: number, sigma: number): Interval {
  const half = (Z95_ROUNDED * sigma) / Math.sqrt(n);
  return [score - half, score + half];
}

export type PupilProgress = { readonly score: number | null; readonly fineLevel: number | null };

export type SchoolProgress8 = {
  readonly score: number;
  readonly n: number;
  readonly ci: Interval;
  /** How many pupils were raised to their group's floor. */
  readonly raisedToFloor: number;
  readonly band: Progress8Band;
};

/**
 * School Progress 8: the mean of its pupils' scores after the floor adjustment (when a floor table is
 * given), with 95% CI = score ± 1.96 × sigma / √n, sigma being the year's national SD of pupil scores.
 * Pupils without a score or fine level are not in the measure. Works the same for an element's scores
 * given that element's sigma and floors. Null when no pupil is in the measure.
 */
export function schoolProgress8(
  pupils: readonly PupilProgress[],
  options: { readonly sigma: number; readonly floors?: readonly Progress8Floor[] },
): SchoolProgress8 | null {
  let total = 0;
  let n = 0;
  let raisedToFloor = 0;
  for (const pupil of pupils) {
    if (pupil.score === null || pupil.fineLevel === null || !Number.isFinite(pupil.score)) continue;
    const adjusted = options.floors ? applyFloor(pupil.score, pupil.fineLevel, options.floors) : pupil.score;
    if (adjusted !== pupil.score) raisedToFloor += 1;
    total += adjusted;
    n += 1;
  }
  if (n === 0) return null;
  const score = total / n;
  const ci = progress8Interval(score, n, options.sigma);
  return { score, n, ci, raisedToFloor, band: progress8Band(score, ci[0], ci[1]) };
}
