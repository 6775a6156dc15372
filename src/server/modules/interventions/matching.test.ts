import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, matchComparison } from './matching';

const c = (id: string, baseline: number, disadvantaged = false): Candidate => ({
  id,
  baseline,
  disadvantaged,
});

describe('matchComparison', () => {
  it('pairs each intervention pupil with the nearest baseline in the same disadvantaged group', () => {
    const treated = [c('t1', 90, true), c('t2', 110)];
    const pool = [c('p1', 91), c('p2', 80, true), c('p3', 108), c('p4', 89.5, false)];
    expect(matchComparison(treated, pool)).toEqual([
      { treatedId: 't1', comparisonId: 'p2', distance: 10 },
      { treatedId: 't2', comparisonId: 'p3', distance: 2 },
    ]);
  });

  it('uses each comparison pupil once, and leaves a pupil unmatched when their group runs out', () => {
    const treated = [c('t1', 100, true), c('t2', 101, true)];
    const pool = [c('p1', 100, true), c('p2', 100)];
    expect(matchComparison(treated, pool)).toEqual([{ treatedId: 't1', comparisonId: 'p1', distance: 0 }]);
  });

  it('breaks ties by id so the same lists always give the same match', () => {
    expect(matchComparison([c('t', 100)], [c('b', 99), c('a', 101)])[0]?.comparisonId).toBe('a');
  });

  it('never reuses a pupil, never crosses disadvantaged status, and ignores the order of the lists', () => {
    const pupil = (prefix: string) =>
      fc
        .array(fc.record({ baseline: fc.integer({ min: 70, max: 130 }), disadvantaged: fc.boolean() }), {
          maxLength: 30,
        })
        .map((xs) =>
          xs.map((x, i) => c(`${prefix}${String(i).padStart(2, '0')}`, x.baseline, x.disadvantaged)),
        );
    fc.assert(
      fc.property(pupil('t'), pupil('p'), (treated, pool) => {
        const matches = matchComparison(treated, pool);
        const used = matches.map((m) => m.comparisonId);
        expect(new Set(used).size).toBe(used.length);
        const status = new Map([...treated, ...pool].map((x) => [x.id, x.disadvantaged]));
        for (const m of matches) expect(status.get(m.treatedId)).toBe(status.get(m.comparisonId));
        const expected =
          Math.min(
            treated.filter((x) => x.disadvantaged).length,
            pool.filter((x) => x.disadvantaged).length,
          ) +
          Math.min(
            treated.filter((x) => !x.disadvantaged).length,
            pool.filter((x) => !x.disadvantaged).length,
          );
        expect(matches.length).toBe(expected);
        expect(matchComparison([...treated].reverse(), [...pool].reverse())).toEqual(matches);
      }),
    );
  });
});
