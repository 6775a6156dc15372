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

/** How many disadvantaged and other pupils share one value (a histogram row). */
export type GapIndexCount = {
  readonly value: number;
  readonly disadvantaged: number;
  readonly others: number;
};

/**
 * The same gap index from counts per value rather than one row per pupil, so a database can group
 * first: the pupils sharing a value share its mean rank. Rows may repeat a value (they are merged).
 * Equal to `gapIndex` on the pupils the counts describe; null when either group is empty.
 */
export function gapIndexFromCounts(counts: readonly GapIndexCount[]): number | null {
  const merged = new Map<number, { d: number; o: number }>();
  for (const c of counts) {
    if (!Number.isFinite(c.value)) continue;
    const m = merged.get(c.value) ?? { d: 0, o: 0 };
    m.d += c.disadvantaged;
    m.o += c.others;
    merged.set(c.value, m);
  }
  const rows = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  const nD = rows.reduce((s, [, m]) => s + m.d, 0);
  const nO = rows.reduce((s, [, m]) => s + m.o, 0);
  if (nD === 0 || nO === 0) return null;
  const n = nD + nO;
  let below = 0;
  let rankSumD = 0;
  let rankSumO = 0;
  for (const [, m] of rows) {
    const k = m.d + m.o;
    // Ranks below+1 .. below+k, shared as their mean.
    const shared = below + (k + 1) / 2;
    rankSumD += shared * m.d;
    rankSumO += shared * m.o;
    below += k;
  }
  return 20 * (rankSumO / nO / n - rankSumD / nD / n);
}
