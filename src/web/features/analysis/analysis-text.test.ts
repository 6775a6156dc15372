import { describe, expect, test } from 'vitest';
import type { Assessment, GapScope } from './analysis.api';
import { assessmentOptions, latestAssessment, oneDp, readingOf, yearGroupLabel } from './analysis-text';
import { axisFor, columnsFor, whiskerOf } from './gap-chart-layout';

const group = (
  key: 'focus' | 'other',
  label: string,
  n: number | null,
  mean: number | null,
  small = false,
) => ({
  key,
  label,
  n,
  mean,
  ci: mean === null ? null : ([mean - 0.4, mean + 0.4] as [number, number]),
  suppressed: n === null,
  smallGroup: small,
});

const scope = (over: Partial<GapScope> = {}): GapScope => ({
  scope: 'trust',
  schoolId: null,
  label: 'All schools',
  groups: [group('focus', 'Disadvantaged', 82, 3.3), group('other', 'Not disadvantaged', 218, 4.5)],
  gap: { difference: 1.17, ci: [0.62, 1.71], distinguishable: true },
  gapIndex: 3.06,
  reading: '',
  ...over,
});

describe('readingOf', () => {
  test('says both averages, the gap with its likely range and whether it is more than chance', () => {
    expect(readingOf(scope(), 'disadvantaged', 6)).toBe(
      'Across the trust, disadvantaged pupils averaged 3.3 against 4.5 for other pupils (gap 1.2, likely between 0.6 and 1.7). The gap is larger than chance alone would explain.',
    );
  });

  test('says the focus group is ahead when the gap is negative, with the range turned round', () => {
    const girlsAhead = scope({
      scope: 'school',
      label: 'Holmebridge Academy',
      groups: [group('focus', 'Girls', 70, 4.9), group('other', 'Boys', 80, 4.5)],
      gap: { difference: -0.4, ci: [-0.9, 0.1], distinguishable: false },
      gapIndex: null,
    });
    expect(readingOf(girlsAhead, 'sex', 6)).toBe(
      'At Holmebridge Academy, girls averaged 4.9 against 4.5 for boys, ahead by 0.4 (likely between −0.1 and 0.9). The difference could be down to chance.',
    );
  });

  test('names a small group with its count and asks for caution', () => {
    const small = scope({
      groups: [group('focus', 'SEN (support or EHCP)', 2, 96.5, true), group('other', 'No SEN', 16, 104.6)],
    });
    expect(readingOf(small, 'sen', 6)).toMatch(
      /Small group \(2 pupils with SEN\) – interpret with caution\.$/,
    );
  });

  test('explains a suppressed scope without any figures', () => {
    const hidden = scope({
      groups: [group('focus', 'Disadvantaged', null, null), group('other', 'Not disadvantaged', null, null)],
      gap: null,
    });
    expect(readingOf(hidden, 'disadvantaged', 6)).toBe(
      'Across the trust, one of the groups has fewer than 6 pupils, so the figures are hidden to protect pupils’ privacy.',
    );
  });
});

describe('number and label formats', () => {
  test('one decimal place with a true minus sign and no negative zero', () => {
    expect(oneDp(-1.26)).toBe('−1.3');
    expect(oneDp(-0.04)).toBe('0.0');
    expect(oneDp(4)).toBe('4.0');
  });

  test('year groups read as schools say them', () => {
    expect(yearGroupLabel('Y6')).toBe('Year 6');
    expect(yearGroupLabel('Reception')).toBe('Reception');
  });

  const assessment = (name: string, yearGroup: string, takenOn: string): Assessment => ({
    id: name,
    name,
    subject: 'Maths',
    yearGroup,
    academicYear: '2025/26',
    collectionPoint: 'Spring 1',
    gradeSet: 'gcse',
    takenOn,
  });

  test('assessments are grouped by year group, youngest first, and the latest is the default', () => {
    const list = [
      assessment('Year 11 maths mock', 'Y11', '2026-01-20'),
      assessment('Year 6 reading', 'Y6', '2026-05-12'),
    ];
    expect(assessmentOptions(list).map((g) => g.group)).toEqual(['Year 6', 'Year 11']);
    expect(latestAssessment(list)?.name).toBe('Year 6 reading');
  });
});

describe('gap chart axis', () => {
  test('GCSE and KS2 use their whole published scale', () => {
    expect(axisFor('gcse', [])).toMatchObject({ min: 0, max: 9 });
    expect(axisFor('ks2_scaled', [])).toMatchObject({ min: 80, max: 120 });
  });

  test('another scale fits the averages with room either side', () => {
    const axis = axisFor('percentage', [scope()]);
    expect(axis.min).toBeLessThan(3.3);
    expect(axis.max).toBeGreaterThan(4.5);
  });

  test('an interval running off the scale is cut at the edge and flagged', () => {
    const axis = axisFor('ks2_scaled', []);
    const cols = columnsFor(800);
    const w = whiskerOf(axis, cols, [-103.7, 119.9]);
    expect(w).toMatchObject({ from: cols.plotStart, offLow: true, offHigh: false });
  });
});
