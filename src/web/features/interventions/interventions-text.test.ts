import { describe, expect, it } from 'vitest';
import { effectScale, percent, sessionsText } from './interventions-text';

describe('interventions wording', () => {
  it('formats rates and sessions', () => {
    expect(percent(0.456)).toBe('46%');
    expect(percent(null)).toBe('–');
    expect(sessionsText(4, 10)).toBe('4 of 10 planned sessions held');
    expect(sessionsText(3, 0)).toBe('3 sessions held');
  });

  it('always shows zero and widens the scale to fit a wide interval', () => {
    const narrow = effectScale([0.2, 0.4], 400);
    expect([narrow.lo, narrow.hi]).toEqual([-0.5, 1]);
    expect(narrow.x(-0.5)).toBe(0);
    expect(narrow.x(1)).toBe(400);
    expect(narrow.ticks).toContain(0);
    const wide = effectScale([-1.1, 1.6], 400);
    expect([wide.lo, wide.hi]).toEqual([-1.25, 1.75]);
  });
});
