import { List, Paper, Stack, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import type { meeting } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';

type Meeting = z.infer<typeof meeting>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function MeetingRecord({ m }: { m: Meeting }) {
  const decisions = m.items.filter((i) => i.decision || i.note);
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Text fw={600}>
          Meeting on {formatDate(m.heldOn)}
          {m.createdByName ? (
            <Text span c="dimmed" size="sm" fw={400}>
              {' '}
              · recorded by {m.createdByName}
            </Text>
          ) : null}
        </Text>
        {m.notes && <Field label="Notes">{m.notes}</Field>}
        {decisions.length > 0 && (
          <div>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Decisions
            </Text>
            <List size="sm" spacing={2}>
              {decisions.map((d) => (
                <List.Item key={`${d.kind}-${d.itemId ?? d.title}`}>
                  <Text span fw={600} size="sm">
                    {d.title}:
                  </Text>{' '}
                  {[d.decision, d.note].filter(Boolean).join(' – ')}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {m.actionsAgreed && <Field label="Actions agreed">{m.actionsAgreed}</Field>}
        <Field label="Next meeting">{m.nextOn ? formatDate(m.nextOn) : 'Not set'}</Field>
      </Stack>
    </Paper>
  );
}

/** The meetings already held, newest first. */
export function PastMeetings({ meetings }: { meetings: Meeting[] }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        Past meetings
      </Title>
      {meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          No meetings recorded yet. Record this one below the agenda and it will be listed here.
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {meetings.map((m) => (
            <MeetingRecord key={m.id} m={m} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
