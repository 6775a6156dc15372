import type { ImpactCheck, Phase, Priority } from '../../../shared/contracts/planning';

type Tone = 'teal' | 'gray' | 'yellow' | 'brand';

/** What each EEF phase is for, in a few words. */
export const phasePurpose: Record<Phase, string> = {
  explore: 'Define the problem and find an approach that fits',
  prepare: 'Plan, check readiness, get staff and resources ready',
  deliver: 'Support staff, monitor, solve problems and adapt',
  sustain: 'Embed it, scale it up, or stop it',
};

export const priorityStatusText: Record<Priority['status'], { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'brand' },
  stopped: { label: 'Stopped (de-implemented)', tone: 'gray' },
  completed: { label: 'Completed', tone: 'teal' },
};

export const actionStatusLabels = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
} as const;

export const actionStatusOptions = Object.entries(actionStatusLabels).map(([value, label]) => ({
  value,
  label,
}));

export const checkStateText: Record<ImpactCheck['state'], { label: string; tone: Tone }> = {
  planned: { label: 'Planned', tone: 'gray' },
  due: { label: 'Due soon', tone: 'brand' },
  overdue: { label: 'Overdue', tone: 'yellow' },
  recorded: { label: 'Recorded', tone: 'teal' },
};

type Rag = NonNullable<ImpactCheck['rag']>;
type Response = NonNullable<ImpactCheck['response']>;

/** Red, amber and green always come with their word and a plain meaning, never colour alone. */
export const ragText: Record<Rag, { label: string; meaning: string; colour: string }> = {
  red: { label: 'Red', meaning: 'Not having the effect we hoped for', colour: '#c92a2a' },
  amber: { label: 'Amber', meaning: 'Partly working, with concerns', colour: '#e67700' },
  green: { label: 'Green', meaning: 'Working as intended', colour: '#2b8a3e' },
};

export const responseText: Record<Response, { label: string; meaning: string }> = {
  continue: { label: 'Continue', meaning: 'Keep going as planned' },
  adapt: { label: 'Adapt', meaning: 'Change how it is done' },
  stop: { label: 'Stop', meaning: 'Stop it and free the time and money for something better' },
  scale: { label: 'Scale up', meaning: 'Extend it to more classes, subjects or schools' },
};

/** "62%" or "4.1 points": a value with its unit, when it has one. */
export function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}
