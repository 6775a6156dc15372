/**
 * Layout of the gap-over-time chart: where each collection point sits across, and the gap scale up
 * the side with room for every interval and for zero (the "no gap" line is always on the chart).
 */
export type TrendPoint = { label: string; gap: number | null; ci: readonly [number, number] | null };

export const TREND = { width: 640, height: 240, left: 52, right: 16, top: 16, bottom: 52 } as const;
/** Room between the plot's edges and the first and last points, so their labels are not cut off. */
export const INSET = 40;

export function trendScale(points: readonly TrendPoint[]) {
  const values = points.flatMap((p) => (p.ci ? [p.ci[0], p.ci[1]] : p.gap === null ? [] : [p.gap]));
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 0.5) hi = lo + 0.5;
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const step = niceStep((hi - lo) / 5);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step)
    ticks.push(Math.round(t * 1000) / 1000);
  const innerW = TREND.width - TREND.left - TREND.right - 2 * INSET;
  const innerH = TREND.height - TREND.top - TREND.bottom;
  const n = points.length;
  return {
    x: (i: number) => TREND.left + INSET + (n <= 1 ? innerW / 2 : (innerW * i) / (n - 1)),
    y: (v: number) => TREND.top + innerH * (1 - (v - lo) / (hi - lo)),
    ticks,
  };
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/** Short labels across the bottom: the collection point, with the academic year when it changes. */
export function pointLabels(
  points: readonly { collectionPoint: string; academicYear: string }[],
): string[][] {
  return points.map((p, i) =>
    i === 0 || points[i - 1]!.academicYear !== p.academicYear
      ? [p.collectionPoint, p.academicYear]
      : [p.collectionPoint],
  );
}
