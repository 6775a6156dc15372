import type { WeekItem } from '../../../shared/contracts/planning';
import { plural } from '../../app/format';

/** The server names checks "Impact check: lesson visits"; the badge already says it is a check. */
export function itemTitle(item: WeekItem): string {
  if (item.kind !== 'check') return item.title;
  const method = item.title.replace(/^Impact check:\s*/, '');
  return method.charAt(0).toUpperCase() + method.slice(1);
}

/** "2 overdue. 3 due by 09/12/2026. 1 outcome behind the line." leaving out what is nil. */
export function agendaSummary(overdue: number, due: number, offTrack: number, until: string): string {
  if (overdue + due + offTrack === 0) return 'Nothing is due in the next fortnight and nothing is overdue.';
  return [
    overdue > 0 ? `${overdue} overdue.` : 'Nothing overdue.',
    due > 0 ? `${plural(due, 'item')} due by ${until}.` : `Nothing else due by ${until}.`,
    offTrack > 0 ? `${plural(offTrack, 'outcome')} behind the line.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
