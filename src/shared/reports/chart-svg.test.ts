import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportChart } from '../contracts/reports';
import { axisRange, chartSvg, fmt } from './chart-svg';

const chart = (
  points: { value: number | null; low?: number; high?: number }[],
  kind: 'bars' | 'line' = 'bars',
): ReportChart => ({
  kind: 'chart',
  id: 'c',
  title: 'Gap <by school>',
  chart: kind,
  unit: '',
  series: [
    {
      name: 'Gap',
      points: points.map((p, i) => ({
        label: `School ${i}`,
        value: p.value,
        low: p.low ?? null,
        high: p.high ?? null,
      })),
    },
  ],
  notes: [],
  source: { endpoint: 'GET /x', params: {} },
});

describe('report charts', () => {
  it('formats whole numbers as they are and others to one place', () => {
    expect(fmt(10)).toBe('10');
    expect(fmt(4.38)).toBe('4.4');
    expect(fmt(-0.27)).toBe('-0.3');
  });

  it('rounds the axis outwards to a tidy step and keeps zero on it for bars', () => {
    expect(
      axisRange(
        chart([
          { value: 4.4, low: 0.9, high: 7.9 },
          { value: 5.3, low: -1.8, high: 12.3 },
        ]),
      ),
    ).toEqual([-5, 15]);
    expect(axisRange(chart([{ value: 43.1 }, { value: 42.4 }], 'line'))).toEqual([42.2, 43.2]);
  });

  it('covers every value and interval, whatever the figures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (vs) => {
          const [lo, hi] = axisRange(chart(vs.map((value) => ({ value }))));
          for (const v of vs) expect(v >= lo - 1e-9 && v <= hi + 1e-9).toBe(true);
          expect(lo <= 0 && hi >= 0).toBe(true);
        },
      ),
    );
  });

  it('escapes labels and says when a bar is hidden', () => {
    const svg = chartSvg(chart([{ value: null }, { value: 2 }]));
    expect(svg).toContain('aria-label="Gap &lt;by school&gt;"');
    expect(svg).toContain('hidden (small group)');
    expect(svg).not.toContain('<script');
  });
});
