/** Wording and number formats of the interventions screens (pure, tested). */
export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;

/** "4 of 10 sessions", for dosage against the plan. */
export const sessionsText = (held: number, planned: number): string =>
  planned > 0 ? `${held} of ${planned} planned sessions held` : `${held} sessions held`;

/** Where an effect size and its interval sit on a chart that always shows 0 and the usual range. */
export function effectScale(values: readonly number[], width: number) {
  const lo = Math.min(-0.5, ...values.map((v) => Math.floor(v * 4) / 4));
  const hi = Math.max(1, ...values.map((v) => Math.ceil(v * 4) / 4));
  const x = (v: number) => ((v - lo) / (hi - lo)) * width;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + 1e-9; t += 0.25) ticks.push(Math.round(t * 100) / 100);
  return { lo, hi, x, ticks };
}
