import type { EvaluationResponse, Progress } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';

/** "Secure", or "3" when the value is not on the scale (a tool whose scale has since changed). */
export function pointLabel(scale: Scale, value: number | null): string {
  if (value === null) return 'No judgement';
  return scale.points.find((p) => p.value === value)?.label ?? String(value);
}

export const pointDescriptor = (scale: Scale, value: number | null) =>
  scale.points.find((p) => p.value === value)?.descriptor ?? '';

/** Counts for the progress bar, from the responses as the server last saved them. */
export function progressOf(responses: readonly EvaluationResponse[]): Progress {
  let judged = 0;
  let left = 0;
  let agreed = 0;
  for (const r of responses) {
    if (r.notJudged) left++;
    else if (r.selfValue !== null) judged++;
    if (!r.notJudged && r.agreedValue !== null) agreed++;
  }
  return { statements: responses.length, judged, leftForNextTime: left, agreed };
}

export type Direction = 'up' | 'down' | 'same';

/** The judgement shown now against last round's agreed one; none when either is missing. */
export function directionSince(current: number | null, previous: number | null): Direction | undefined {
  if (current === null || previous === null) return undefined;
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

/** Statements the liaison must still agree before the evaluation can be agreed: every one not left. */
export const needsAgreement = (r: EvaluationResponse) => !r.notJudged && r.agreedValue === null;
