import type { Agenda } from '../../../shared/contracts/planning';

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The daily email: what is overdue, what is due in the next fortnight, and outcomes behind the line.
 * Pure, so its content is tested directly. Returns null when there is nothing to say.
 */
export function composeDigest(
  name: string,
  agenda: Agenda,
  appUrl: string,
): { subject: string; text: string } | null {
  const overdue = agenda.items.filter((i) => i.overdue);
  const due = agenda.items.filter((i) => !i.overdue);
  if (!overdue.length && !due.length && !agenda.offTrackOutcomes.length) return null;
  const line = (i: Agenda['items'][number]) =>
    `- ${i.title} (${i.priorityTitle}${i.schoolName ? `, ${i.schoolName}` : ''}) - due ${ukDate(i.dueOn)}`;
  const parts = [
    `Good morning ${name},`,
    '',
    'Here is what needs attention in your improvement plans today.',
  ];
  if (overdue.length) parts.push('', `Overdue (${overdue.length}):`, ...overdue.map(line));
  if (due.length) parts.push('', `Due in the next 14 days (${due.length}):`, ...due.map(line));
  if (agenda.offTrackOutcomes.length) {
    parts.push(
      '',
      'Outcomes behind the line from baseline to target:',
      ...agenda.offTrackOutcomes.map(
        (o) => `- ${o.description} (${o.priorityTitle}): latest ${o.latestValue}, target ${o.targetValue}`,
      ),
    );
  }
  parts.push(
    '',
    `Open your week: ${appUrl}/monitor`,
    '',
    'You can turn this daily email off on your account page.',
  );
  const subject = overdue.length
    ? `${overdue.length} overdue and ${due.length} due in your improvement plans`
    : `${due.length} item(s) due in your improvement plans`;
  return { subject, text: parts.join('\n') };
}
