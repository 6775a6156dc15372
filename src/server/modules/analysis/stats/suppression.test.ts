import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, SUPPRESSED, suppressCount, suppressedPercentage, suppressTable } from './suppression';

describe('primary suppression', () => {
  it('shows counts below 6 as "c", including 0', () => {
    expect(suppressCount(0)).toBe('c');
    expect(suppressCount(5)).toBe('c');
    expect(suppressCount(6)).toBe(6);
  });

  it('takes a configured threshold but never one below 3', () => {
    expect(suppressCount(9, 10)).toBe('c');
    expect(suppressCount(3, 3)).toBe(3);
    expect(() => suppressCount(3, 2)).toThrow(RangeError);
    expect(() => suppressCount(3, 4.5)).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it('are suppressed when their count is', () => {
    expect(suppressedPercentage(4, 40)).toBe('c');
    expect(suppressedPercentage(SUPPRESSED, 40)).toBe('c');
  });

  it('are suppressed when the group they are out of is below the threshold', () => {
    expect(suppressedPercentage(5, 5, { threshold: 3 })).toBe(100);
    expect(suppressedPercentage(5, 5)).toBe('c');
  });

  it('are shown, rounded, otherwise', () => {
    expect(suppressedPercentage(10, 30)).toBe(33.3);
    expect(suppressedPercentage(10, 30, { decimals: 0 })).toBe(33);
  });
});

describe('suppressTable', () => {
  it('leaves a table with no small numbers alone', () => {
    expect(
      suppressTable([
        [10, 20],
        [30, 40],
      ]),
    ).toEqual({
      cells: [
        [10, 20],
        [30, 40],
      ],
      rowTotals: [30, 70],
      columnTotals: [40, 60],
      grandTotal: 100,
    });
  });

  it('suppresses the next-smallest cell of a row and of a column holding one "c"', () => {
    const t = suppressTable([
      [3, 10, 20],
      [12, 15, 30],
      [14, 25, 40],
    ]);
    expect(t.cells).toEqual([
      ['c', 'c', 20],
      ['c', 'c', 30],
      [14, 25, 40],
    ]);
    expect(t.rowTotals).toEqual([33, 57, 79]);
    expect(t.columnTotals).toEqual([29, 50, 90]);
  });

  it('suppresses totals below the threshold and protects them the same way', () => {
    const t = suppressTable([
      [2, 2, 30],
      [20, 25, 30],
    ]);
    // Row total 34 is fine; the two 2s protect each other in the row; each column then needs a second.
    expect(t.cells).toEqual([
      ['c', 'c', 30],
      ['c', 'c', 30],
    ]);
    const single = suppressTable([[4], [10]]);
    expect(single.cells).toEqual([['c'], ['c']]);
    expect(single.rowTotals).toEqual(['c', 'c']);
  });

  it('refuses ragged tables and impossible counts', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1, -2]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
  });

  const tables = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, columns]) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })), {
          minLength: columns,
          maxLength: columns,
        }),
        {
          minLength: rows,
          maxLength: rows,
        },
      ),
    );

  /** The whole published table as a grid: cells, row totals as the last column, column totals as the last row. */
  const published = (t: ReturnType<typeof suppressTable>): Cell[][] => [
    ...t.cells.map((row, i) => [...row, t.rowTotals[i] ?? SUPPRESSED]),
    [...t.columnTotals, t.grandTotal],
  ];

  /**
   * The attack suppression must defeat: repeatedly take any row or column (totals included) with a
   * single unknown and work it out by subtraction. Returns how many suppressed figures it recovered.
   */
  function recoverBySubtraction(grid: Cell[][]): number {
    const known = grid.map((row) => row.map((v) => v !== SUPPRESSED));
    const lines = [
      ...grid.map((row, i) => row.map((_, j) => [i, j] as const)),
      ...(grid[0] ?? []).map((_, j) => grid.map((_, i) => [i, j] as const)),
    ];
    let recovered = 0;
    let progress = true;
    while (progress) {
      progress = false;
      for (const line of lines) {
        const unknown = line.filter(([i, j]) => !known[i]?.[j]);
        const only = unknown[0];
        if (unknown.length !== 1 || only === undefined) continue;
        const row = known[only[0]];
        if (row) row[only[1]] = true;
        recovered += 1;
        progress = true;
      }
    }
    return recovered;
  }

  it('leaves no suppressed figure recoverable by subtraction from the totals (property)', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 3, max: 10 }), (counts, threshold) => {
        const grid = published(suppressTable(counts, threshold));
        expect(recoverBySubtraction(grid)).toBe(0);
        // Equivalently: every row and column of the published grid has zero or at least two "c".
        for (const row of grid) expect(row.filter((v) => v === SUPPRESSED).length).not.toBe(1);
        for (let j = 0; j < (grid[0]?.length ?? 0); j += 1) {
          expect(grid.filter((row) => row[j] === SUPPRESSED).length).not.toBe(1);
        }
      }),
    );
  });

  it('suppresses every small figure and shows every other figure truly (property)', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 3, max: 10 }), (counts, threshold) => {
        const t = suppressTable(counts, threshold);
        counts.forEach((row, i) => {
          row.forEach((v, j) => {
            const shown = t.cells[i]?.[j];
            if (v < threshold) expect(shown).toBe(SUPPRESSED);
            else expect([v, SUPPRESSED]).toContain(shown);
          });
        });
        const total = counts.flat().reduce((a, b) => a + b, 0);
        expect([total, SUPPRESSED]).toContain(t.grandTotal);
        if (total < threshold) expect(t.grandTotal).toBe(SUPPRESSED);
      }),
    );
  });
});
