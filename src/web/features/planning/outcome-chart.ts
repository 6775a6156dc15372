import type { Outcome } from '../../../shared/contracts/planning';

export type ChartBox = {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
};
type Point = { x: number; y: number; value: number };

export type OutcomeGeometry = {
  baseline: Point;
  target: Point;
  latest: Point | null;
};

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Where to draw an outcome's baseline, target and latest value in a box: time across, value up.
 * Null when the measure is not a number (there is no line to be on). The scale leaves a little room
 * around the values so no point sits on the edge.
 */
export function outcomeGeometry(o: Outcome, box: ChartBox): OutcomeGeometry | null {
  if (!o.numeric) return null;
  const b = Number(o.baselineValue);
  const t = Number(o.targetValue);
  const l = o.latestValue === null ? null : Number(o.latestValue);
  if (!Number.isFinite(b) || !Number.isFinite(t) || (l !== null && !Number.isFinite(l))) return null;

  const x0 = dayNumber(o.baselineOn);
  const latestDay = o.latestOn ? dayNumber(o.latestOn) : null;
  const x1 = Math.max(dayNumber(o.targetOn), latestDay ?? 0, x0 + 1);
  const values = l === null ? [b, t] : [b, t, l];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = max === min ? Math.max(1, Math.abs(max) * 0.1) : max - min;
  // More room below than above: labels sit under points that fall below the line.
  const lo = min - range * 0.35;
  const hi = max + range * 0.2;

  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const at = (day: number, value: number): Point => ({
    x: box.left + ((day - x0) / (x1 - x0)) * plotW,
    y: box.top + (1 - (value - lo) / (hi - lo)) * plotH,
    value,
  });
  return {
    baseline: at(x0, b),
    target: at(dayNumber(o.targetOn), t),
    latest: l !== null && latestDay !== null ? at(latestDay, l) : null,
  };
}

export type TrackState = 'on_track' | 'behind' | 'not_yet' | 'not_numeric';

export function trackState(o: Outcome): TrackState {
  if (o.onTrack === true) return 'on_track';
  if (o.onTrack === false) return 'behind';
  return o.latestValue === null ? 'not_yet' : 'not_numeric';
}

export const trackText: Record<TrackState, { label: string; tone: 'teal' | 'yellow' | 'gray' }> = {
  on_track: { label: 'On track', tone: 'teal' },
  behind: { label: 'Behind the line', tone: 'yellow' },
  not_yet: { label: 'No check recorded yet', tone: 'gray' },
  not_numeric: { label: 'Judged from findings', tone: 'gray' },
};
