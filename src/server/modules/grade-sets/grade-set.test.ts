import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GradeScale } from '../../../shared/contracts/grade-sets';
import { BUILT_IN_GRADE_SETS, gradeFor, gradeReader, removedGrades, scaleProblems } from './grade-set';

const builtIn = (key: string) => BUILT_IN_GRADE_SETS.find((s) => s.key === key)!;

/** Ordered scales with distinct codes and strictly rising values. */
const orderedScale = fc
  .uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/), { minLength: 2, maxLength: 12 })
  .chain((codes) =>
    fc
      .array(fc.integer({ min: 1, max: 20 }), { minLength: codes.length, maxLength: codes.length })
      .map((gaps): GradeScale => {
        const values = gaps.map((_, i) => gaps.slice(0, i + 1).reduce((a, b) => a + b, -10));
        return { kind: 'ordered', grades: codes.map((code, i) => ({ code, value: values[i]! })) };
      }),
  )
  .filter((s) => s.kind === 'ordered' && s.grades.every((g) => !['A', 'ABS', 'X', 'NA'].includes(g.code)));

const rangeScale = fc
  .record({
    min: fc.integer({ min: -50, max: 50 }),
    steps: fc.integer({ min: 1, max: 200 }),
    step: fc.constantFrom(1, 2, 5, 0.5),
  })
  .map(
    ({ min, steps, step }): GradeScale => ({
      kind: 'range',
      min,
      max: min + steps * step,
      step,
      suffix: null,
    }),
  );

describe('gradeReader', () => {
  it('reads the built-in sets as schools write their results', () => {
    const cases: [string, string, number | null][] = [
      ['gcse', 'U', 0],
      ['gcse', '0', 0],
      ['gcse', '9', 9],
      ['gcse', '10', null],
      ['gcse', 'B', null],
      ['ks2_scaled', '80', 80],
      ['ks2_scaled', '120', 120],
      ['ks2_scaled', '121', null],
      ['ks2_scaled', '55.5', null],
      ['percentage', '55%', 55],
      ['percentage', '55.5', 55.5],
      ['percentage', '-3', null],
      ['points', '-3', -3],
      ['points', 'abc', null],
    ];
    for (const [key, raw, value] of cases)
      expect(gradeReader(builtIn(key))(raw), `${key} ${raw}`).toBe(value);
  });

  it('skips non-results rather than reading them, case and spaces aside', () => {
    const ta = gradeReader(builtIn('ks_ta'));
    for (const raw of ['A', ' d ', '', 'abs']) {
      expect(ta.isAbsent(raw)).toBe(true);
      expect(ta(raw)).toBeNull();
    }
    expect(ta(' exs ')).toBe(6);
    expect(ta.isAbsent('EXS')).toBe(false);
    expect(gradeReader(builtIn('edsm'))('secure')).toBe(3);
    expect(gradeReader(builtIn('edsm'))('M')).toBe(4);
  });

  it('keeps the order of an ordered scale: a higher grade never reads lower', () => {
    fc.assert(
      fc.property(orderedScale, (scale) => {
        if (scale.kind !== 'ordered') return;
        const read = gradeReader({ scale, nonResults: [] });
        const values = scale.grades.map((g) => read(g.code.toLowerCase()));
        for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
      }),
    );
  });

  it('round-trips grade -> value -> grade on ordered scales', () => {
    fc.assert(
      fc.property(orderedScale, (scale) => {
        if (scale.kind !== 'ordered') return;
        const read = gradeReader({ scale, nonResults: [] });
        for (const g of scale.grades) expect(gradeFor(scale, read(g.code)!)).toBe(g.code);
      }),
    );
  });

  it('round-trips value -> grade -> value on ranges and refuses values off the range or its steps', () => {
    fc.assert(
      fc.property(rangeScale, fc.integer({ min: 0, max: 200 }), (scale, k) => {
        if (scale.kind !== 'range') return;
        const read = gradeReader({ scale, nonResults: [] });
        const value = scale.min! + Math.min(k, (scale.max! - scale.min!) / scale.step!) * scale.step!;
        expect(read(gradeFor(scale, value)!)).toBe(value);
        expect(read(String(scale.max! + scale.step!))).toBeNull();
        expect(read(String(scale.min! - scale.step!))).toBeNull();
        if (scale.step! >= 1) expect(read(String(value + scale.step! / 2))).toBeNull();
      }),
    );
  });

  it('round-trips every built-in grade', () => {
    for (const s of BUILT_IN_GRADE_SETS)
      if (s.scale.kind === 'ordered')
        for (const g of s.scale.grades) expect(gradeFor(s.scale, gradeReader(s)(g.code)!)).toBe(g.code);
  });
});

describe('grade set rules', () => {
  const scale: GradeScale = {
    kind: 'ordered',
    grades: [
      { code: 'Low', value: 1 },
      { code: 'Mid', value: 2 },
      { code: 'High', value: 3 },
    ],
  };

  it('wants grades lowest first, each code once and none a non-result', () => {
    expect(scaleProblems(scale, ['A'])).toEqual([]);
    const swapped: GradeScale = { kind: 'ordered', grades: [scale.grades[1]!, scale.grades[0]!] };
    expect(scaleProblems(swapped, [])[0]?.field).toBe('scale.grades.1.value');
    const twice: GradeScale = { kind: 'ordered', grades: [...scale.grades, { code: 'low', value: 9 }] };
    expect(scaleProblems(twice, [])[0]?.message).toBe('LOW appears more than once');
    expect(scaleProblems(scale, ['mid'])[0]?.message).toBe('MID is also listed as a non-result');
  });

  it('wants a range whose steps land on its top', () => {
    expect(scaleProblems({ kind: 'range', min: 0, max: 10, step: 3, suffix: null }, [])[0]?.field).toBe(
      'scale.step',
    );
    expect(scaleProblems({ kind: 'range', min: 5, max: 5, step: null, suffix: null }, [])[0]?.field).toBe(
      'scale.max',
    );
  });

  it('lets grades be added but not removed or revalued once results use them', () => {
    const more: GradeScale = { kind: 'ordered', grades: [...scale.grades, { code: 'Top', value: 4 }] };
    expect(removedGrades(scale, more)).toBeNull();
    expect(removedGrades(scale, { kind: 'ordered', grades: scale.grades.slice(0, 2) })).toContain('High');
    const revalued: GradeScale = {
      kind: 'ordered',
      grades: scale.grades.map((g) => ({ ...g, value: g.value * 10 })),
    };
    expect(removedGrades(scale, revalued)).toContain('Low, Mid, High');
    const range: GradeScale = { kind: 'range', min: 0, max: 10, step: 1, suffix: null };
    expect(removedGrades(range, { ...range, max: 20 })).toBeNull();
    expect(removedGrades(range, { ...range, max: 9 })).not.toBeNull();
    expect(removedGrades(range, { ...range, step: 2 })).not.toBeNull();
    expect(removedGrades(range, scale)).not.toBeNull();
  });
});
