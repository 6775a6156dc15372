import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { InterventionDetail } from '../../../shared/contracts/interventions';
import { formatDate, parseUkDate } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { todayIso } from '../planning/plan-dates';
import { useRecordSession } from './interventions.api';
import { percent } from './interventions-text';
import { MembershipDatesModal, RemovePupilDialog } from './MembershipDialogs';

type Pupil = NonNullable<InterventionDetail['pupils']>[number];
const inGroupOn = (p: Pupil, day: string) => p.joinedOn <= day && (p.leftOn === null || day <= p.leftOn);

/**
 * Pupils down the side, sessions across: tick who came. A new session starts with everyone present,
 * since most pupils come to most sessions, so only absences need a click.
 */
export function AttendanceGrid({ iv }: { iv: InterventionDetail }) {
  const record = useRecordSession(iv.id);
  const [editing, setEditing] = useState<{ pupil: Pupil; action: 'dates' | 'remove' }>();
  const [day, setDay] = useState(formatDate(todayIso()));
  const pupils = iv.pupils ?? [];
  const sessions = iv.sessions ?? [];
  const save = (heldOn: string, attendedPupilIds: string[], message?: string) =>
    record.mutate(
      { version: iv.version, heldOn, attendedPupilIds },
      { onSuccess: () => message && notifySuccess(message), onError: (e) => notifyError(e) },
    );
  const toggle = (s: (typeof sessions)[number], pupilId: string) => {
    const present = new Set(s.attendedPupilIds);
    if (present.has(pupilId)) present.delete(pupilId);
    else present.add(pupilId);
    save(s.heldOn, [...present]);
  };
  const newDay = parseUkDate(day);
  const addSession = () => {
    if (!newDay) return;
    save(
      newDay,
      pupils.filter((p) => inGroupOn(p, newDay)).map((p) => p.pupilId),
      `Session on ${formatDate(newDay)} recorded with everyone present; untick anyone who was absent.`,
    );
  };
  return (
    <Stack gap="sm">
      {iv.canEdit && pupils.length > 0 && (
        <Group gap="sm" align="flex-end">
          <TextInput
            label="Session date"
            description="Day/month/year"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={day && !newDay ? 'Enter the date as day/month/year' : undefined}
            maxLength={10}
          />
          <Button onClick={addSession} disabled={!newDay} loading={record.isPending} variant="default">
            Record a session
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Pupil</Table.Th>
              <Table.Th scope="col">Year</Table.Th>
              <Table.Th scope="col">Disadvantaged</Table.Th>
              <Table.Th scope="col">Attendance</Table.Th>
              <Table.Th scope="col">Dosage</Table.Th>
              {sessions.map((s) => (
                <Table.Th key={s.id} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(s.heldOn).slice(0, 5)}
                </Table.Th>
              ))}
              {iv.canEdit && <Table.Th scope="col">Change</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pupils.map((p) => (
              <Table.Tr key={p.pupilId}>
                <Table.Th scope="row">
                  {p.name}
                  {p.leftOn && (
                    <Text size="xs" c="dimmed">
                      Left {formatDate(p.leftOn)}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{p.yearGroup}</Table.Td>
                <Table.Td>{p.disadvantaged ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  {percent(p.attendanceRate)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({p.attended}/{p.possible})
                  </Text>
                </Table.Td>
                <Table.Td>{percent(p.dosage)}</Table.Td>
                {sessions.map((s) => (
                  <Table.Td key={s.id} ta="center">
                    {inGroupOn(p, s.heldOn) ? (
                      <Checkbox
                        aria-label={`${p.name} at the session on ${formatDate(s.heldOn)}`}
                        checked={s.attendedPupilIds.includes(p.pupilId)}
                        disabled={!iv.canEdit || record.isPending}
                        onChange={() => toggle(s, p.pupilId)}
                        style={{ display: 'inline-block' }}
                      />
                    ) : (
                      <Text span c="dimmed" aria-label="Not in the group on that day">
                        –
                      </Text>
                    )}
                  </Table.Td>
                ))}
                {iv.canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label="Joined and left dates">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Dates in the group for ${p.name}`}
                          onClick={() => setEditing({ pupil: p, action: 'dates' })}
                        >
                          <IconCalendarEvent size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Remove (added by mistake)">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${p.name}`}
                          onClick={() => setEditing({ pupil: p, action: 'remove' })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing?.action === 'dates' && (
        <MembershipDatesModal iv={iv} pupil={editing.pupil} onClose={() => setEditing(undefined)} />
      )}
      {editing?.action === 'remove' && (
        <RemovePupilDialog iv={iv} pupil={editing.pupil} onClose={() => setEditing(undefined)} />
      )}
    </Stack>
  );
}
