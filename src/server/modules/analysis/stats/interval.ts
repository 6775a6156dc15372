/** A two-sided interval, lower limit first. */
export type Interval = readonly [lower: number, upper: number];

/** z for a two-sided 95% normal interval, to the precision methods.md §1 gives for the Wilson interval. */
export const Z95 = 1.959964;

/** The rounded z that methods.md §3 and §5 write out for the Progress 8 and effect-size intervals. */
export const Z95_ROUNDED = 1.96;

/** True when the interval lies entirely on one side of zero. */
export const excludesZero = ([lower, upper]: Interval): boolean => lower > 0 || upper < 0;
