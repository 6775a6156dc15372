/**
 * Progress 8 bands, as published in the performance tables.
 * Source: methods.md §3, the band list (FFT Education Datalab; DfE's 2019 KS4 file codes them 1-5).
 */
import { roundHalfAwayFromZero } from './round';

export type Progress8Band =
  | 'well_above_average'
  | 'above_average'
  | 'average'
  | 'below_average'
  | 'well_below_average';

/** DfE's P8_BANDING codes: 1 = well above average ... 5 = well below average. */
export const PROGRESS8_BAND_CODES: Readonly<Record<Progress8Band, 1 | 2 | 3 | 4 | 5>> = {
  well_above_average: 1,
  above_average: 2,
  average: 3,
  below_average: 4,
  well_below_average: 5,
};

/**
 * The band of a school Progress 8 score from its score and 95% CI limits. The rules apply to the values
 * rounded to 2 dp, because that is what reproduces DfE's published banding: a school published at
 * 0.50 with lower limit 0.01 is "well above" even if its unrounded score was 0.497.
 */
export function progress8Band(score: number, lower: number, upper: number): Progress8Band {
  const p8 = roundHalfAwayFromZero(score, 2);
  const lo = roundHalfAwayFromZero(lower, 2);
  const hi = roundHalfAwayFromZero(upper, 2);
  if (![p8, lo, hi].every(Number.isFinite) || lo > hi) {
    throw new RangeError(`not a valid score and interval: ${score} (${lower} to ${upper})`);
  }
  if (lo > 0) return p8 >= 0.5 ? 'well_above_average' : 'above_average';
  if (hi < 0) return p8 >= -0.5 ? 'below_average' : 'well_below_average';
  return 'average';
}
