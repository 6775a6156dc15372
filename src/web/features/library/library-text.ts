import type { CaseStudyStatus } from '../../../shared/contracts/library';

export const statusTone: Record<CaseStudyStatus, 'gray' | 'yellow' | 'teal'> = {
  draft: 'gray',
  in_review: 'yellow',
  published: 'teal',
};

const phaseNames: Record<string, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  all_through: 'All-through',
  special: 'Special',
  alternative_provision: 'Alternative provision',
};
export const schoolPhaseLabel = (phase: string) => phaseNames[phase] ?? phase;

/** "+7 months", "-2 months", "0 months". */
export function monthsText(months: number): string {
  const sign = months > 0 ? '+' : months < 0 ? '−' : '';
  return `${sign}${Math.abs(months)} ${Math.abs(months) === 1 ? 'month' : 'months'}`;
}
