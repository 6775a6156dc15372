import { describe, expect, it } from 'vitest';
import type { Term } from '../../../shared/contracts/calendar';
import { defaultTerms, termOf, termProblems, workloadWarnings, yearBounds } from './calendar-rules';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('academic year bounds and default terms', () => {
  it('runs a year from 1 September to 31 August', () => {
    expect(yearBounds('2025/26')).toEqual({ startsOn: '2025-09-01', endsOn: '2026-08-31' });
  });

  it('offers the typical English term dates for 2025/26', () => {
    const [autumn, spring, summer] = defaultTerms('2025/26');
    expect(autumn).toEqual({
      name: 'autumn',
      startsOn: '2025-09-02',
      endsOn: '2025-12-19',
      halfTermStartsOn: '2025-10-27',
      halfTermEndsOn: '2025-10-31',
    });
    expect(spring?.startsOn).toBe('2026-01-05');
    expect(spring?.halfTermStartsOn).toBe('2026-02-16');
    expect(summer?.halfTermStartsOn).toBe('2026-05-25');
    expect(summer?.endsOn).toBe('2026-07-22');
  });

  it.each(['2024/25', '2025/26', '2026/27', '2027/28', '2030/31', '2032/33'])(
    'gives %s defaults that pass the term checks, start on weekdays and have Monday-to-Friday half terms',
    (label) => {
      const terms = defaultTerms(label);
      expect(termProblems(label, terms)).toEqual([]);
      for (const t of terms) {
        expect([1, 2, 3, 4, 5]).toContain(weekday(t.startsOn));
        expect([1, 2, 3, 4, 5]).toContain(weekday(t.endsOn));
        expect(weekday(t.halfTermStartsOn!)).toBe(1);
        expect(weekday(t.halfTermEndsOn!)).toBe(5);
      }
    },
  );
});

describe('term checks', () => {
  const good = defaultTerms('2025/26');
  const withTerm = (i: number, change: Partial<Term>) =>
    good.map((t, j) => (j === i ? { ...t, ...change } : t));

  it('refuses a term outside the year', () => {
    expect(termProblems('2025/26', withTerm(0, { startsOn: '2025-08-28' }))).toEqual([
      { field: 'terms.0.startsOn', message: 'Autumn term must start within 2025/26' },
    ]);
  });

  it('refuses overlapping terms', () => {
    const problems = termProblems('2025/26', withTerm(1, { startsOn: '2025-12-18' }));
    expect(problems).toContainEqual({
      field: 'terms.1.startsOn',
      message: 'Spring term must start after the autumn term ends',
    });
  });

  it('refuses terms out of order and a term ending before it starts', () => {
    const swapped = [good[1]!, good[0]!, good[2]!];
    expect(termProblems('2025/26', swapped).map((p) => p.field)).toContain('terms.0.name');
    expect(termProblems('2025/26', withTerm(2, { endsOn: '2026-04-01' }))).toContainEqual({
      field: 'terms.2.endsOn',
      message: 'Summer term ends before it starts',
    });
  });

  it('wants both half-term dates or neither, inside the term', () => {
    expect(termProblems('2025/26', withTerm(0, { halfTermEndsOn: null }))[0]?.message).toBe(
      'Give both half-term dates, or neither',
    );
    expect(termProblems('2025/26', withTerm(0, { halfTermStartsOn: null, halfTermEndsOn: null }))).toEqual(
      [],
    );
    expect(
      termProblems(
        '2025/26',
        withTerm(0, { halfTermStartsOn: '2025-12-22', halfTermEndsOn: '2025-12-26' }),
      )[0]?.field,
    ).toBe('terms.0.halfTermStartsOn');
  });

  it('places a date in its term, holidays with the term before', () => {
    expect(termOf(good, '2025-08-31')).toBeNull();
    expect(termOf(good, '2025-12-24')).toBe('autumn');
    expect(termOf(good, '2026-03-10')).toBe('spring');
    expect(termOf(good, '2026-07-30')).toBe('summer');
  });
});

describe('workload warning', () => {
  const point = (name: string, collectOn: string, yearGroups: string[]) => ({ name, collectOn, yearGroups });

  it('is silent at three collection points for a year group', () => {
    const points = [
      point('Autumn', '2025-12-01', ['Y7', 'Y8']),
      point('Spring', '2026-03-20', ['Y7', 'Y8']),
      point('Summer', '2026-07-01', ['Y7', 'Y8']),
    ];
    expect(workloadWarnings(points)).toEqual([]);
  });

  it('names each year group with a fourth, in year order, with its points by date', () => {
    const points = [
      point('Summer', '2026-07-01', ['Y10', 'Y9', 'Y7']),
      point('Autumn 1', '2025-10-20', ['Y10', 'Y9']),
      point('Autumn 2', '2025-12-10', ['Y10', 'Y9', 'Y9']),
      point('Spring', '2026-03-20', ['Y10', 'Y9', 'Y7']),
    ];
    const warnings = workloadWarnings(points);
    expect(warnings.map((w) => w.yearGroup)).toEqual(['Y9', 'Y10']);
    expect(warnings[0]).toEqual({
      yearGroup: 'Y9',
      count: 4,
      collectionPoints: ['Autumn 1', 'Autumn 2', 'Spring', 'Summer'],
      message: 'Y9 has 4 data collection points this year. DfE workload guidance suggests no more than 3.',
    });
  });
});
