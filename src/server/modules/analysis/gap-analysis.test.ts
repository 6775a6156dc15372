import { describe, expect, it } from 'vitest';
import { buildScope, suppressAcrossSchools } from './gap-analysis';

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
      /^Year 11 maths: disadvantaged pupils averaged 3\.9 against 5\.3 for other pupils; other pupils were ahead by 1\.4 \(likely between 0\.6 and 2\.2\)/,
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

describe('wording and secondary suppression', () => {
  it('says which group is ahead in plain words', () => {
    const s = buildScope(
      { scope: 'school', schoolId: null, label: 'Reading' },
      rows([110, 108, 109, 111, 107, 110], [100, 101, 99, 102, 100, 98]),
      'sex',
      {
        threshold: 6,
        pupilLevel: true,
      },
    );
    expect(s.reading).toContain('girls averaged 109.2 against 100.0 for boys; girls were ahead by 9.2');
  });

  it('hides the next-smallest school when exactly one school is hidden beside a trust total', () => {
    const opts = { threshold: 6, pupilLevel: false };
    const trust = buildScope(
      { scope: 'trust', schoolId: null, label: 'All' },
      rows([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7]),
      'disadvantaged',
      opts,
    );
    const a = buildScope(
      { scope: 'school', schoolId: 'a', label: 'A' },
      rows([1, 2], [1, 2, 3, 4, 5, 6]),
      'disadvantaged',
      opts,
    );
    const b = buildScope(
      { scope: 'school', schoolId: 'b', label: 'B' },
      rows([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6]),
      'disadvantaged',
      opts,
    );
    const c = buildScope(
      { scope: 'school', schoolId: 'c', label: 'C' },
      rows([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6]),
      'disadvantaged',
      opts,
    );
    const out = suppressAcrossSchools([trust, a, b, c], (s) => ({ a: 2, b: 7, c: 9 })[s.schoolId ?? ''] ?? 0);
    expect(out.map((s) => s.groups[0]?.suppressed)).toEqual([false, true, true, false]);
  });
});
