import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Agenda, WeekItem } from '../../../shared/contracts/planning';
import { formatDate, plural } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { StatusBadge } from '../../app/StatusBadge';
import { addDays } from '../planning/plan-dates';
import print from '../planning/print.module.css';
import classes from './AgendaView.module.css';
import { agendaSummary, itemTitle } from './agenda-text';
import { useMarkActionDone } from './monitor.api';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function dueText(item: WeekItem, on: string): string {
  const days = daysBetween(on, item.dueOn);
  if (days < 0) return `Was due ${formatDate(item.dueOn)} (${plural(-days, 'day')} ago)`;
  if (days === 0) return 'Due today';
  return `Due ${formatDate(item.dueOn)} (in ${plural(days, 'day')})`;
}

function AgendaItem({ item, on, canTick }: { item: WeekItem; on: string; canTick: boolean }) {
  const markDone = useMarkActionDone();
  return (
    <li className={classes.item}>
      <span className={classes.box} aria-hidden="true" />
      <Stack gap={2} style={{ flex: 1 }}>
        <Group gap="xs" wrap="wrap">
          <StatusBadge label={item.kind === 'action' ? 'Action' : 'Impact check'} tone="gray" size="sm" />
          {item.overdue && <StatusBadge label="Overdue" tone="yellow" size="sm" />}
          <Text fw={600}>{itemTitle(item)}</Text>
        </Group>
        <Text size="sm">{dueText(item, on)}</Text>
        <Text size="sm" c="dimmed">
          <Anchor
            component={Link}
            to={`/plan/${item.planId}#priority-${item.priorityId}`}
            size="sm"
            underline="always"
          >
            {item.priorityTitle}
          </Anchor>
          {' · '}
          {item.planTitle}
        </Text>
      </Stack>
      {item.kind === 'action' && canTick && (
        <Button
          size="xs"
          variant="default"
          className={print.noPrint}
          leftSection={<IconCheck size={14} aria-hidden />}
          loading={markDone.isPending}
          aria-label={`Mark done: ${item.title}`}
          onClick={() =>
            markDone.mutate(
              { priorityId: item.priorityId, actionId: item.id },
              {
                onSuccess: () => notifySuccess(`Marked as done: ${item.title}`),
                onError: (err) => notifyError(err, 'The action was not updated'),
              },
            )
          }
        >
          Mark done
        </Button>
      )}
      {item.kind === 'check' && (
        <Button
          size="xs"
          variant="default"
          component={Link}
          to={`/plan/${item.planId}#priority-${item.priorityId}`}
          className={print.noPrint}
          aria-label={`Record findings: ${item.title} for ${item.priorityTitle}`}
        >
          Record findings
        </Button>
      )}
    </li>
  );
}

function ItemList({
  title,
  items,
  on,
  canTick,
}: {
  title: string;
  items: WeekItem[];
  on: string;
  canTick: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {title}
      </Title>
      <ul className={classes.list}>
        {items.map((i) => (
          <AgendaItem key={`${i.kind}-${i.id}`} item={i} on={on} canTick={canTick} />
        ))}
      </ul>
    </Stack>
  );
}

type Props = {
  agenda: Agenda;
  /** The heading, e.g. "My week" or "Agenda for Grace Adeyemi". */
  title: string;
  /** Whether to offer "Mark done" (the reader's own list, or as someone who may change the plan). */
  canTick: boolean;
  /** What an empty agenda says instead of the personal one's explanation. */
  emptyText?: string;
  children?: React.ReactNode;
};

/** A printable checklist: overdue first, then due in the next fortnight, then outcomes off track. */
export function AgendaView({ agenda, title, canTick, emptyText, children }: Props) {
  const overdue = agenda.items.filter((i) => i.overdue);
  const due = agenda.items.filter((i) => !i.overdue);
  const until = formatDate(addDays(agenda.on, 14));
  const empty = agenda.items.length === 0 && agenda.offTrackOutcomes.length === 0;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} className={print.section}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text size="sm">
            {formatDate(agenda.on)} to {until}.{' '}
            {agendaSummary(overdue.length, due.length, agenda.offTrackOutcomes.length, until)}
          </Text>
        </div>
        {empty && (
          <Text size="sm" c="dimmed">
            {emptyText ??
              'Actions someone owns, impact checks they lead, and the checks in plans they own appear here when they fall due.'}
          </Text>
        )}
        <ItemList title="Overdue" items={overdue} on={agenda.on} canTick={canTick} />
        <ItemList title={`Due by ${until}`} items={due} on={agenda.on} canTick={canTick} />
        {agenda.offTrackOutcomes.length > 0 && (
          <Stack gap="xs">
            <Title order={3} fz="md">
              Outcomes behind the line
            </Title>
            <Text size="sm" c="dimmed">
              The latest check put these below the straight line from baseline to target.
            </Text>
            <List size="sm" spacing={4}>
              {agenda.offTrackOutcomes.map((o) => (
                <List.Item key={o.outcomeId}>
                  <Text span fw={600} size="sm">
                    {o.description}
                  </Text>{' '}
                  – latest {o.latestValue} against a target of {o.targetValue} ({o.priorityTitle})
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
