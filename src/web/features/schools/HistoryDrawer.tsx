import { Drawer, List, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../app/format';
import { ErrorState, PageLoader } from '../../app/states';
import { actionLabel, describeChanges } from './history-format';
import { historyQuery } from './schools.api';

type Props = {
  opened: boolean;
  onClose: () => void;
  entityType: 'school' | 'department' | 'person';
  entityId: string;
  title: string;
};

/** Who changed what, and when: the audit trail of one record, newest first. */
export function HistoryDrawer({ opened, onClose, entityType, entityId, title }: Props) {
  const history = useQuery({ ...historyQuery(entityType, entityId), enabled: opened && entityId !== '' });
  const events = history.data ?? [];

  return (
    <Drawer opened={opened} onClose={onClose} title={title} position="right" size="md">
      {history.isPending && <PageLoader label="Loading history…" />}
      {history.error && <ErrorState error={history.error} onRetry={() => history.refetch()} />}
      {history.data && events.length === 0 && (
        <Text size="sm">
          No changes have been recorded yet. Every change made on the platform will be listed here with who
          made it and when.
        </Text>
      )}
      {events.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={events.length}>
          {events.map((event) => {
            const lines = describeChanges(event);
            return (
              <Timeline.Item key={event.id} title={actionLabel(event.action)}>
                <Text size="sm" c="dimmed">
                  {formatDateTime(event.at)} by {event.actorName ?? 'the system'}
                </Text>
                {lines.length === 0 && event.action === 'update' && (
                  <Text size="sm">Saved without changing any details.</Text>
                )}
                {lines.length > 0 && (
                  <List size="sm" mt={4} spacing={2}>
                    {lines.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Drawer>
  );
}
