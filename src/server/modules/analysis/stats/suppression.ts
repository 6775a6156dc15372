/**
 * Disclosure control for figures shown to people without pupil-level access.
 * Source: methods.md §6 "Small numbers and disclosure".
 */
import { roundHalfAwayFromZero } from './round';

/** What a suppressed figure shows. */
export const SUPPRESSED = 'c';
export type Cell = number | typeof SUPPRESSED;

export const DEFAULT_SUPPRESSION_THRESHOLD = 6;
/** A configured threshold may be raised but never set below this (§6). */
export const MIN_SUPPRESSION_THRESHOLD = 3;

function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`suppression threshold must be a whole number of at least 3, got ${threshold}`);
  }
  return threshold;
}

/** Primary suppression: a count of fewer than `threshold` pupils (0 included) shows as "c". */
export function suppressCount(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): Cell {
  return count < checkThreshold(threshold) ? SUPPRESSED : count;
}

/**
 * A percentage for publication: "c" when the count it is of was suppressed (it would give the count
 * back), or when the group it is out of is itself below the threshold (it describes too few pupils).
 * Pass cells straight from `suppressTable` so that secondary suppression carries through as well.
 */
export function suppressedPercentage(
  count: Cell,
  outOf: Cell,
  options: { readonly decimals?: number; readonly threshold?: number } = {},
): Cell {
  const threshold = checkThreshold(options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  if (count === SUPPRESSED || outOf === SUPPRESSED) return SUPPRESSED;
  if (count < threshold || outOf < threshold) return SUPPRESSED;
  return roundHalfAwayFromZero((100 * count) / outOf, options.decimals ?? 1);
}

export type SuppressedTable = {
  readonly cells: Cell[][];
  readonly rowTotals: Cell[];
  readonly columnTotals: Cell[];
  readonly grandTotal: Cell;
};

/**
 * Primary and secondary suppression of a table of counts published with row, column and grand totals
 * (the totals are the sums of the counts). Every figure below the threshold, totals included, is
 * suppressed; then, until nothing changes, any row or column (the totals row and column count too)
 * holding exactly one suppressed figure has its smallest remaining figure suppressed as well, since a
 * lone "c" could be recovered by subtracting the others from the total.
 *
 * This stops recovery by subtraction along a row or column. It does not stop every inference: two
 * suppressed cells whose visible row total leaves 0 between them must both be 0.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): SuppressedTable {
  checkThreshold(threshold);
  const columns = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== columns)
      throw new RangeError('every row of the table must have the same number of cells');
    if (!row.every((v) => Number.isInteger(v) && v >= 0))
      throw new RangeError('counts must be whole numbers >= 0');
  }

  // The table with its totals as one grid: the last column holds row totals, the last row column
  // totals, and the corner the grand total. Each row and column of this grid sums to its last entry.
  const rowTotals = counts.map((row) => row.reduce((sum, v) => sum + v, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    counts.reduce((sum, row) => sum + (row[j] ?? 0), 0),
  );
  const grid = [...counts.map((row, i) => [...row, rowTotals[i] ?? 0]), [...columnTotals, sum(rowTotals)]];
  const hidden = grid.map((row) => row.map((v) => v < threshold));

  const lines = [
    ...grid.map((row, i) => row.map((_, j) => [i, j] as const)),
    ...Array.from({ length: columns + 1 }, (_, j) => grid.map((_, i) => [i, j] as const)),
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const open = line.filter(([i, j]) => !hidden[i]?.[j]);
      if (line.length - open.length !== 1) continue;
      const next = smallest(open, grid);
      if (next === undefined) continue;
      const row = hidden[next[0]];
      if (row) row[next[1]] = true;
      changed = true;
    }
  }

  const shown = grid.map((row, i) => row.map((v, j): Cell => (hidden[i]?.[j] ? SUPPRESSED : v)));
  const totalsRow = shown[shown.length - 1] ?? [];
  return {
    cells: shown.slice(0, -1).map((row) => row.slice(0, -1)),
    rowTotals: shown.slice(0, -1).map((row) => row[columns] ?? SUPPRESSED),
    columnTotals: totalsRow.slice(0, -1),
    grandTotal: totalsRow[columns] ?? SUPPRESSED,
  };
}

/** The position of the smallest value; ties go to the first in the line, so results are repeatable. */
function smallest(
  positions: readonly (readonly [number, number])[],
  grid: readonly (readonly number[])[],
): readonly [number, number] | undefined {
  let best: readonly [number, number] | undefined;
  let bestValue = Infinity;
  for (const position of positions) {
    const value = grid[position[0]]?.[position[1]] ?? Infinity;
    if (value < bestValue) {
      best = position;
      bestValue = value;
    }
  }
  return best;
}

const sum = (xs: readonly number[]) => xs.reduce((total, x) => total + x, 0);
