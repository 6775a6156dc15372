import { describe, expect, it } from 'vitest';
import { trendOf } from './board-data';

const gap = (difference: number, halfWidth: number) => ({
  difference,
  ci: [difference - halfWidth, difference + halfWidth] as const,
});

describe('the board’s gap trend', () => {
  it('calls a change narrower or wider only when its interval excludes zero', () => {
    // 1.5 -> 1.2 with wide intervals: the kind of move the demo shows, and not a clear one.
    expect(trendOf(gap(1.2, 0.6), gap(1.5, 0.6), true)).toBe('similar');
    expect(trendOf(gap(0.5, 0.2), gap(1.5, 0.2), true)).toBe('narrower');
    expect(trendOf(gap(2.5, 0.2), gap(1.5, 0.2), true)).toBe('wider');
  });

  it('reads narrowing from the side the gap started on', () => {
    expect(trendOf(gap(-0.5, 0.2), gap(-1.5, 0.2), true)).toBe('narrower');
    expect(trendOf(gap(-2.5, 0.2), gap(-1.5, 0.2), true)).toBe('wider');
  });

  it('says when there is nothing to compare or a figure is hidden', () => {
    expect(trendOf(gap(1, 0.1), null, false)).toBe('no_earlier_data');
    expect(trendOf(gap(1, 0.1), null, true)).toBe('hidden');
    expect(trendOf(null, gap(1, 0.1), true)).toBe('hidden');
  });
});
