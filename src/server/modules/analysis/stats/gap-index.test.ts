import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GapIndexPupil, gapIndex, gapIndexFromCounts, meanRanks } from './gap-index';

const cohort = (disadvantaged: number[], others: number[]): GapIndexPupil[] => [
  ...disadvantaged.map((value) => ({ value, disadvantaged: true })),
  ...others.map((value) => ({ value, disadvantaged: false })),
];

/**
 * AUC by brute force over every pair, independent of ranking: the probability that a random
 * non-disadvantaged pupil outscores a random disadvantaged one, ties counting ½.
 */
function bruteForceAuc(disadvantaged: number[], others: number[]): number {
  let wins = 0;
  for (const o of others) for (const d of disadvantaged) wins += o > d ? 1 : o === d ? 0.5 : 0;
  return wins / (others.length * disadvantaged.length);
}

// Small integer scores so that ties are common, as they are with GCSE grades.
const scores = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 });

describe('meanRanks', () => {
  it('ranks ascending and gives ties the mean of their ranks', () => {
    expect(meanRanks([30, 10, 20, 20, 50])).toEqual([4, 1, 2.5, 2.5, 5]);
    expect(meanRanks([7, 7, 7])).toEqual([2, 2, 2]);
  });
});

describe('gapIndex', () => {
  it('is 10 for complete separation: disadvantaged {1, 2}, others {3, 4, 5}', () => {
    expect(gapIndex(cohort([1, 2], [3, 4, 5]))).toBeCloseTo(10, 12);
  });

  it('is 0 when every value is equal', () => {
    expect(gapIndex(cohort([4, 4, 4], [4, 4]))).toBe(0);
  });

  it('is -10 when every disadvantaged pupil is above every other pupil', () => {
    expect(gapIndex(cohort([3, 4, 5], [1, 2]))).toBeCloseTo(-10, 12);
  });

  it('leaves out pupils without a value rather than ranking them lowest', () => {
    const withMissing = [...cohort([1, 2], [3, 4, 5]), { value: null, disadvantaged: true }];
    expect(gapIndex(withMissing)).toBeCloseTo(10, 12);
  });

  it('is null when either group is empty', () => {
    expect(gapIndex(cohort([], [1, 2]))).toBeNull();
    expect(gapIndex(cohort([1, 2], []))).toBeNull();
    expect(gapIndex(cohort([1], [Number.NaN]))).toBeNull();
  });

  it('equals 10 × (2 × AUC - 1), with AUC counted pair by pair (property)', () => {
    fc.assert(
      fc.property(scores, scores, (d, o) => {
        expect(gapIndex(cohort(d, o))).toBeCloseTo(10 * (2 * bruteForceAuc(d, o) - 1), 9);
      }),
    );
  });

  it('lies in [-10, 10] and negates when the groups are swapped (property)', () => {
    fc.assert(
      fc.property(scores, scores, (d, o) => {
        const index = gapIndex(cohort(d, o)) ?? Number.NaN;
        expect(index).toBeGreaterThanOrEqual(-10 - 1e-9);
        expect(index).toBeLessThanOrEqual(10 + 1e-9);
        expect(gapIndex(cohort(o, d))).toBeCloseTo(-index, 9);
      }),
    );
  });
});

describe('gapIndexFromCounts', () => {
  it('equals the pupil-level gap index on the same pupils', () => {
    fc.assert(
      fc.property(scores, scores, (d, o) => {
        const counts = [
          ...d.map((v) => ({ value: v, disadvantaged: 1, others: 0 })),
          ...o.map((v) => ({ value: v, disadvantaged: 0, others: 1 })),
        ];
        const expected = gapIndex(cohort(d, o));
        expect(gapIndexFromCounts(counts)).toBeCloseTo(expected ?? Number.NaN, 9);
      }),
    );
  });

  it('is 10 for complete separation and null without one of the groups', () => {
    expect(
      gapIndexFromCounts([
        { value: 1, disadvantaged: 1, others: 0 },
        { value: 2, disadvantaged: 1, others: 0 },
        { value: 4, disadvantaged: 0, others: 3 },
      ]),
    ).toBeCloseTo(10, 12);
    expect(gapIndexFromCounts([{ value: 1, disadvantaged: 0, others: 3 }])).toBeNull();
  });
});
