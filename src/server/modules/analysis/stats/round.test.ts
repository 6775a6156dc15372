import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './round';

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero, including those binary floating point stores just below', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(0.125, 2)).toBe(0.13);
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
    expect(roundHalfAwayFromZero(-0.505, 2)).toBe(-0.51);
    expect(roundHalfAwayFromZero(0.494, 2)).toBe(0.49);
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it('is odd and moves a value by at most half a unit (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, dp) => {
          const r = roundHalfAwayFromZero(x, dp);
          expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -dp + 1e-9);
          expect(roundHalfAwayFromZero(-x, dp)).toBe(r === 0 ? 0 : -r);
        },
      ),
    );
  });
});
