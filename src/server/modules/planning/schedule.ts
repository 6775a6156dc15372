/**
 * Pure rules for what is due, overdue or off track. The clock is always passed in, so tests can set
 * any day without waiting.
 */
export const DUE_WINDOW_DAYS = 14;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

export type CheckState = 'planned' | 'due' | 'overdue' | 'recorded';

/** A check is overdue once its date has passed unrecorded; due within the next fortnight. */
export function checkState(check: { due_on: string; recorded_on: string | null }, today: string): CheckState {
  if (check.recorded_on) return 'recorded';
  if (check.due_on < today) return 'overdue';
  if (check.due_on <= addDays(today, DUE_WINDOW_DAYS)) return 'due';
  return 'planned';
}

export function actionOverdue(action: { due_on: string; status: string }, today: string): boolean {
  return (action.status === 'not_started' || action.status === 'in_progress') && action.due_on < today;
}

export function actionDueSoon(action: { due_on: string; status: string }, today: string): boolean {
  return (
    (action.status === 'not_started' || action.status === 'in_progress') &&
    action.due_on <= addDays(today, DUE_WINDOW_DAYS)
  );
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Whether the latest value is on the straight line from baseline to target, or better. Null when the
 * measure is not numeric or nothing has been recorded yet.
 */
export function onTrack(
  o: {
    numeric: boolean;
    direction: string;
    baseline_value: string;
    baseline_on: string;
    target_value: string;
    target_on: string;
  },
  latest: { value: string; on: string } | null,
): boolean | null {
  if (!o.numeric || !latest) return null;
  const [b, t, v] = [Number(o.baseline_value), Number(o.target_value), Number(latest.value)];
  if (![b, t, v].every(Number.isFinite)) return null;
  const span = dayNumber(o.target_on) - dayNumber(o.baseline_on);
  const progress =
    span <= 0 ? 1 : Math.min(1, Math.max(0, (dayNumber(latest.on) - dayNumber(o.baseline_on)) / span));
  const expected = b + (t - b) * progress;
  return o.direction === 'down' ? v <= expected : v >= expected;
}
