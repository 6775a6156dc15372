import type { Progress, Round, RoundSubject, SubjectStatus } from '../../../shared/contracts/evaluation';
import type { CompletedBy } from '../../../shared/contracts/frameworks';
import { plural } from '../../app/format';

export const cycleLabels: Record<Round['cycle'], string> = {
  termly: 'Every term',
  biannual: 'Twice a year',
  annual: 'Once a year',
  one_off: 'One-off',
};

export const completedByLabels: Record<CompletedBy, string> = {
  school: 'Each school',
  department: 'Each department',
  trust: 'The trust, once',
};

type Tone = 'teal' | 'gray' | 'yellow' | 'brand';

export const subjectStatusText: Record<SubjectStatus, { label: string; tone: Tone; hint: string }> = {
  draft: { label: 'In progress', tone: 'gray', hint: 'The school is making its judgements.' },
  submitted: {
    label: 'Submitted for review',
    tone: 'yellow',
    hint: 'The school has submitted; the liaison now agrees the judgements with them.',
  },
  agreed: { label: 'Agreed', tone: 'teal', hint: 'The judgements are agreed and locked.' },
};

export const roundStatusText: Record<Round['status'], { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'brand' },
  closed: { label: 'Closed', tone: 'gray' },
};

/** "Holmebridge Academy", "Holmebridge Academy – Science" or "The trust". */
export function subjectLabel(s: Pick<RoundSubject, 'schoolName' | 'departmentName'>): string {
  if (!s.schoolName) return 'The trust';
  return s.departmentName ? `${s.schoolName} – ${s.departmentName}` : s.schoolName;
}

/** "32 of 48 judged, 5 left until next time". */
export function progressText(p: Progress): string {
  const left = p.leftForNextTime > 0 ? `, ${p.leftForNextTime} left until next time` : '';
  return `${p.judged} of ${plural(p.statements, 'statement')} judged${left}`;
}

/** Judged and left-until-next-time statements both count as done, as a share of all statements. */
export function progressPercent(p: Progress): number {
  return p.statements === 0 ? 0 : Math.round(((p.judged + p.leftForNextTime) / p.statements) * 100);
}
