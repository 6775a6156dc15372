/**
 * DfE disadvantage gap index, mean-rank method.
 * Source: methods.md §2 (DfE SFR 40/2014, "Measuring disadvantaged pupils' attainment gaps over time").
 */
import type { Observation } from './descriptive';

export type GapIndexPupil = { readonly value: Observation; readonly disadvantaged: boolean };

/**
 * Gap index = 20 × (mean percentile rank of non-disadvantaged pupils - mean of disadvantaged pupils),
 * where every pupil is ranked together ascending, ties share their mean rank, and percentile = rank / N.
 * Ranges from -10 to 10; 0 is no gap and 10 means every disadvantaged pupil is below every other pupil.
 * Pupils without a value are left out (a missing result is not a low one). Null when either group is empty.
 */
export function gapIndex(pupils: readonly GapIndexPupil[]): number | null {
  const ranked = pupils.filter(
    (p): p is { value: number; disadvantaged: boolean } =>
      typeof p.value === 'number' && Number.isFinite(p.value),
  );
  const ranks = meanRanks(ranked.map((p) => p.value));
  const n = ranked.length;
  let sumDisadvantaged = 0;
  let countDisadvantaged = 0;
  let sumOthers = 0;
  ranked.forEach((p, i) => {
    const percentile = (ranks[i] ?? 0) / n;
    if (p.disadvantaged) {
      sumDisadvantaged += percentile;
      countDisadvantaged += 1;
    } else sumOthers += percentile;
  });
  const countOthers = n - countDisadvantaged;
  if (countDisadvantaged === 0 || countOthers === 0) return null;
  return 20 * (sumOthers / countOthers - sumDisadvantaged / countDisadvantaged);
}

/** 1-based ascending ranks, tied values all given the mean of the ranks they occupy. */
export function meanRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    // Positions start..end (0-based) hold ranks start+1..end+1, whose mean is this.
    const shared = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      const entry = order[k];
      if (entry) ranks[entry.index] = shared;
    }
    start = end + 1;
  }
  return ranks;
}
