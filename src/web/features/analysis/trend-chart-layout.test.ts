import { describe, expect, it } from 'vitest';
import { INSET, pointLabels, TREND, trendScale } from './trend-chart-layout';

describe('trendScale', () => {
  it('keeps zero and every interval on the chart, top to bottom', () => {
    const s = trendScale([
      { label: 'a', gap: 0.8, ci: [0.4, 1.2] },
      { label: 'b', gap: 0.5, ci: [0.1, 0.9] },
    ]);
    expect(s.y(1.2)).toBeGreaterThanOrEqual(TREND.top);
    expect(s.y(0)).toBeLessThanOrEqual(TREND.height - TREND.bottom);
    expect(s.y(1.2)).toBeLessThan(s.y(0));
    expect(s.ticks).toContain(0);
    expect(s.x(0)).toBe(TREND.left + INSET);
    expect(s.x(1)).toBe(TREND.width - TREND.right - INSET);
  });

  it('puts a single point in the middle', () => {
    const s = trendScale([{ label: 'a', gap: null, ci: null }]);
    expect(s.x(0)).toBe((TREND.left + TREND.width - TREND.right) / 2);
  });
});

describe('pointLabels', () => {
  it('names the academic year only where it changes', () => {
    expect(
      pointLabels([
        { collectionPoint: 'Autumn 1', academicYear: '2024/25' },
        { collectionPoint: 'Summer 2', academicYear: '2024/25' },
        { collectionPoint: 'Autumn 1', academicYear: '2025/26' },
      ]),
    ).toEqual([['Autumn 1', '2024/25'], ['Summer 2'], ['Autumn 1', '2025/26']]);
  });
});
