/** Layout of a horizontal stacked bar of answer counts, and the words that go with it. Pure. */

export type Segment = {
  index: number;
  label: string;
  count: number;
  share: number;
  x: number;
  width: number;
};

/** Segments in scale order, each as a share of the whole bar (0..1); empty when nobody answered. */
export function stackSegments(labels: readonly string[], counts: readonly number[]): Segment[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return [];
  let x = 0;
  return labels.map((label, index) => {
    const count = counts[index] ?? 0;
    const share = count / total;
    const segment = { index, label, count, share, x, width: share };
    x += share;
    return segment;
  });
}

/**
 * Colours from the negative end (warm) to the positive end (cool), with a grey middle on odd scales,
 * so agreement reads the same way on every chart.
 */
export function segmentColours(points: number): string[] {
  const half = Math.floor(points / 2);
  // Lightness steps from a strong end towards the middle; never lighter than 78% so labels stay legible.
  const light = (i: number) => Math.round(38 + (i * 40) / Math.max(1, half));
  const left = Array.from({ length: half }, (_, i) => `hsl(24 85% ${light(i)}%)`);
  const right = Array.from({ length: half }, (_, i) => `hsl(217 75% ${light(half - 1 - i)}%)`);
  return points % 2 === 1 ? [...left, 'hsl(215 20% 82%)', ...right] : [...left, ...right];
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "3.8 (3.5 to 4.1)" for a mean with its 95% interval on a 1..k scale. */
export function meanText(mean: number | null, ci: readonly [number, number] | null): string {
  if (mean === null) return '–';
  const f = (v: number) => v.toFixed(1);
  return ci ? `${f(mean)} (${f(ci[0])} to ${f(ci[1])})` : f(mean);
}
