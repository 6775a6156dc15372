/**
 * Supports methods.md §3 (Progress 8 bands apply to 2-dp published values) and §5 (effect size to 2 dp).
 *
 * Rounding as published figures are rounded: half away from zero, to a fixed number of decimal places.
 * Binary floating point stores 0.125 exactly but 1.005 as 1.00499999..., so the scaled value is first
 * cleaned to 15 significant figures; otherwise 1.005 would round down and a published 1.01 would not
 * be reproduced.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  // -0.001 to 2 dp should read 0, not -0, which would print as "-0" in some formatters.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
