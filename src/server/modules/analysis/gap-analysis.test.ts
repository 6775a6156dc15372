import { describe, expect, it } from 'vitest';
import { buildScope } from './gap-analysis';

const rows = (focus: number[], other: number[]) => [
  ...focus.map((value) => ({ value, inFocus: true })),
  ...other.map((value) => ({ value, inFocus: false })),
];

describe('gap scope', () => {
  it('reports means, a Welch gap and a plain reading', () => {
    const s = buildScope(
      { scope: 'school', schoolId: null, label: 'Year 11 maths' },
      rows([3, 4, 4, 5, 3, 4, 4], [5, 6, 5, 5, 6, 4, 5, 6]),
      'disadvantaged',
      {
        threshold: 6,
        pupilLevel: false,
      },
    );
    expect(s.groups.map((g) => g.n)).toEqual([7, 8]);
    expect(s.gap?.difference).toBeCloseTo(5.25 - 27 / 7, 10);
    expect(s.gap?.distinguishable).toBe(true);
    expect(s.reading).toMatch(
      /^Year 11 maths: disadvantaged pupils averaged 3\.9 against 5\.3 for not disadvantaged pupils/,
    );
    expect(s.gapIndex).toBeGreaterThan(0);
  });

  it('hides both groups and the gap from governors when one group is below the threshold', () => {
    const s = buildScope(
      { scope: 'school', schoolId: null, label: 'Y6 reading' },
      rows([100, 102, 98], [104, 106, 101, 99, 110, 103, 105]),
      'disadvantaged',
      {
        threshold: 6,
        pupilLevel: false,
      },
    );
    expect(s.groups.every((g) => g.suppressed && g.n === null && g.mean === null)).toBe(true);
    expect(s.gap).toBeNull();
    expect(s.gapIndex).toBeNull();
  });

  it('shows staff the small group with a caution instead', () => {
    const s = buildScope(
      { scope: 'school', schoolId: null, label: 'Y6 reading' },
      rows([100, 102, 98], [104, 106, 101, 99, 110, 103, 105]),
      'disadvantaged',
      {
        threshold: 6,
        pupilLevel: true,
      },
    );
    expect(s.groups[0]).toMatchObject({ n: 3, suppressed: false, smallGroup: true });
    expect(s.reading).toContain('Small group - interpret with caution.');
  });
});
