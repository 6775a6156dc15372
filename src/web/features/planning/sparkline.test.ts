import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparkline';

const box = { width: 100, height: 40, pad: 4 };

describe('sparkline points', () => {
  it('puts the lowest value at the bottom and the highest at the top', () => {
    const { points, targetY } = sparklinePoints([55, 78], box, 90);
    expect(points[0]).toEqual({ x: 4, y: 36 });
    expect(points[1]!.x).toBe(96);
    expect(targetY).toBe(4);
    expect(points[1]!.y).toBeGreaterThan(4);
  });

  it('centres a single or flat series', () => {
    expect(sparklinePoints([5], box).points).toEqual([{ x: 50, y: 20 }]);
    expect(sparklinePoints([5, 5, 5], box).points.map((p) => p.y)).toEqual([20, 20, 20]);
  });

  it('keeps every point inside the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (vs) => {
          for (const p of sparklinePoints(vs, box).points) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThanOrEqual(box.width);
            expect(p.y).toBeGreaterThanOrEqual(box.pad - 1e-9);
            expect(p.y).toBeLessThanOrEqual(box.height - box.pad + 1e-9);
          }
        },
      ),
    );
  });
});
