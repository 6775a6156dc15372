/** Points for a small line chart of values over time, evenly spaced left to right in recorded order. */
export function sparklinePoints(
  values: readonly number[],
  box: { width: number; height: number; pad: number },
  target?: number | null,
): { points: { x: number; y: number }[]; targetY: number | null } {
  if (values.length === 0) return { points: [], targetY: null };
  const all = target === null || target === undefined ? [...values] : [...values, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const inner = { w: box.width - 2 * box.pad, h: box.height - 2 * box.pad };
  // A flat series sits in the middle rather than on the floor.
  const y = (v: number) => (hi === lo ? box.height / 2 : box.pad + inner.h - ((v - lo) / span) * inner.h);
  const step = values.length > 1 ? inner.w / (values.length - 1) : 0;
  return {
    points: values.map((v, i) => ({ x: values.length > 1 ? box.pad + i * step : box.width / 2, y: y(v) })),
    targetY: target === null || target === undefined ? null : y(target),
  };
}
