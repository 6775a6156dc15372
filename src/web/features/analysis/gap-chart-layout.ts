import type { GapScope } from './analysis.api';

/** The value axis shared by every row, on the assessment's own grade scale. */
export type Axis = {
  min: number;
  max: number;
  ticks: number[];
  title: string;
  /** What one unit of a gap is called, e.g. "grades". */
  unit: string;
  /** A line worth reading the points against, such as the KS2 expected standard. */
  reference?: { value: number; label: string };
};

const steps = (min: number, max: number, step: number) =>
  Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => min + i * step);

/** A step of 1, 2 or 5 times a power of ten giving about six ticks. */
function niceStep(range: number): number {
  const raw = range / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

function valuesOf(scopes: readonly GapScope[]): number[] {
  return scopes.flatMap((s) =>
    s.groups.flatMap((g) => [...(g.mean === null ? [] : [g.mean]), ...(g.ci ?? [])]),
  );
}

/**
 * GCSE grades run 0 to 9 and KS2 scaled scores 80 to 120 whatever this cohort scored, so a chart
 * always reads against the whole scale. Anything else is scaled to its own results.
 */
export function axisFor(gradeSet: string, scopes: readonly GapScope[]): Axis {
  if (gradeSet === 'gcse')
    return {
      min: 0,
      max: 9,
      ticks: steps(0, 9, 1),
      title: 'GCSE grade (0 to 9)',
      unit: 'grades',
      reference: { value: 4, label: 'Grade 4: standard pass' },
    };
  if (gradeSet === 'ks2_scaled')
    return {
      min: 80,
      max: 120,
      ticks: steps(80, 120, 5),
      title: 'KS2 scaled score (80 to 120)',
      unit: 'points',
      reference: { value: 100, label: 'Expected standard: 100' },
    };
  // Means only: a tiny group's interval could otherwise stretch the scale until the rest is unreadable.
  const means = scopes.flatMap((s) => s.groups.flatMap((g) => (g.mean === null ? [] : [g.mean])));
  const values = means.length ? means : valuesOf(scopes);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = Math.max((hi - lo) * 0.5, Math.abs(hi) * 0.05, 1);
  const step = niceStep(hi - lo + 2 * pad);
  const min = Math.floor((lo - pad) / step) * step;
  const max = Math.ceil((hi + pad) / step) * step;
  return { min, max, ticks: steps(min, max, step), title: 'Score', unit: 'points' };
}

export type Columns = { labelEnd: number; plotStart: number; plotEnd: number; gapStart: number };

// Rough average character widths of the chart's bold 13.5px names and 12.5px group labels.
export const NAME_CHAR = 7.8;
export const LABEL_CHAR = 6.6;

/** The room the longest school name or group label needs, so the plot gets the rest. */
export function labelRoom(scopes: readonly GapScope[]): number {
  const names = scopes.map((s) => 8 + s.label.length * NAME_CHAR);
  const groups = scopes.flatMap((s) => s.groups.map((g) => 28 + (g.label.length + 9) * LABEL_CHAR));
  return Math.max(0, ...names, ...groups);
}

/** Below this width the chart drops its gap column and names groups by shape alone. */
export const COMPACT_BELOW = 560;

/**
 * Where the label, plot and gap columns sit in a chart of the given width. A compact chart, for a
 * phone, keeps only a short pupil count beside the plot and gives the gap a line of its own.
 */
export function columnsFor(width: number, room = 260): Columns {
  if (width < COMPACT_BELOW) return { labelEnd: 92, plotStart: 104, plotEnd: width - 14, gapStart: 8 };
  const label = Math.min(Math.max(170, room), 260, width * 0.36);
  const gap = 150;
  return { labelEnd: label, plotStart: label + 20, plotEnd: width - gap - 20, gapStart: width - gap };
}

/** x position of a value on the plot, held inside the plot. */
export function xOf(axis: Axis, cols: Columns, value: number): number {
  const t = (value - axis.min) / (axis.max - axis.min || 1);
  return cols.plotStart + Math.min(1, Math.max(0, t)) * (cols.plotEnd - cols.plotStart);
}

/** An interval cut to the axis, saying which ends ran off it (drawn as arrows). */
export function whiskerOf(axis: Axis, cols: Columns, ci: readonly [number, number]) {
  return {
    from: xOf(axis, cols, ci[0]),
    to: xOf(axis, cols, ci[1]),
    offLow: ci[0] < axis.min,
    offHigh: ci[1] > axis.max,
  };
}
