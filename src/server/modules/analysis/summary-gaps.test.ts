import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from './stats';
import { pairCells, type Sums, secondarySuppress, summaryOf } from './summary-gaps';

const sumsOf = (xs: number[]): Sums => ({
  n: xs.length,
  total: xs.reduce((a, b) => a + b, 0),
  totalSquares: xs.reduce((a, b) => a + b * b, 0),
});

describe('summaryOf', () => {
  it('gives the same mean and SD as the values themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 2, maxLength: 300 }), (xs) => {
        const a = summaryOf(sumsOf(xs))!;
        const b = summarise(xs)!;
        expect(a.n).toBe(b.n);
        expect(a.mean).toBeCloseTo(b.mean, 9);
        expect(a.sd).toBeCloseTo(b.sd, 6);
      }),
    );
  });
});

describe('pairCells', () => {
  const focus = sumsOf([3, 4, 5]);
  const other = sumsOf([4, 5, 6, 7, 5, 6, 4, 5]);
  it('hides both groups and the gap from readers without pupil-level access when one is small', () => {
    const r = pairCells(focus, other, 'disadvantaged', { threshold: 6, pupilLevel: false });
    expect(r.suppressed).toBe(true);
    expect(r.groups.map((g) => [g.n, g.mean, g.suppressed])).toEqual([
      [null, null, true],
      [null, null, true],
    ]);
    expect(r.gap).toBeNull();
  });

  it('shows staff the small group, flagged, with the gap', () => {
    const r = pairCells(focus, other, 'disadvantaged', { threshold: 6, pupilLevel: true });
    expect(r.groups[0]).toMatchObject({ n: 3, mean: 4, smallGroup: true, suppressed: false });
    expect(r.gap?.difference).toBeCloseTo(5.25 - 4, 12);
  });
});

describe('secondarySuppress', () => {
  const row = (name: string, size: number, suppressed = false, isTrust = false) => ({
    name,
    size,
    suppressed,
    isTrust,
  });
  const hide = (r: ReturnType<typeof row>) => ({ ...r, suppressed: true });
  it('hides the next-smallest school when exactly one is hidden and a trust row is shown', () => {
    const out = secondarySuppress(
      [row('trust', 50, false, true), row('a', 3, true), row('b', 20), row('c', 9)],
      hide,
    );
    expect(out.filter((r) => r.suppressed).map((r) => r.name)).toEqual(['a', 'c']);
  });
  it('leaves the table alone without a trust row or with two hidden already', () => {
    const rows = [row('a', 3, true), row('b', 20), row('c', 9)];
    expect(secondarySuppress(rows, hide)).toEqual(rows);
    const two = [row('trust', 50, false, true), row('a', 3, true), row('b', 4, true), row('c', 9)];
    expect(secondarySuppress(two, hide)).toEqual(two);
  });
});
