import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WeekItem } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { ErrorState, PageLoader } from '../../app/states';
import { addDays, dateFieldError, todayIso } from '../planning/plan-dates';
import print from '../planning/print.module.css';
import { itemTitle } from './agenda-text';
import { meetingsQuery, useRecordMeeting } from './meetings.api';
import { PastMeetings } from './PastMeetings';

type Props = {
  /** Whose meeting log: the colleague met, or the liaison themselves for a school meeting. */
  personId: string;
  kind: 'line_management' | 'liaison';
  schoolId?: string;
  /** The agenda items a decision can be recorded against. */
  items: WeekItem[];
  /** "Grace Adeyemi" or "Hillside Primary", for the labels. */
  with: string;
};

const fields = ['heldOn', 'notes', 'actionsAgreed', 'nextOn'] as const;

/** Records a meeting against its agenda (notes, a decision per item, actions agreed, the next date). */
function RecordMeetingForm({ personId, kind, schoolId, items, with: who }: Props) {
  const record = useRecordMeeting(personId);
  const [formError, setFormError] = useState<string>();
  const today = todayIso();
  const form = useForm({
    initialValues: {
      heldOn: formatDate(today),
      notes: '',
      decisions: Object.fromEntries(items.map((i) => [i.id, ''])) as Record<string, string>,
      actionsAgreed: '',
      nextOn: formatDate(addDays(today, 14)),
    },
    validate: (v) => {
      const held = parseUkDate(v.heldOn);
      const next = parseUkDate(v.nextOn);
      return {
        heldOn: dateFieldError(v.heldOn, held),
        nextOn: !v.nextOn.trim()
          ? null
          : (dateFieldError(v.nextOn, next) ??
            (held && next && next <= held ? 'The next meeting must be after this one' : null)),
      };
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    record.mutate(
      {
        kind,
        schoolId: schoolId ?? null,
        heldOn: parseUkDate(v.heldOn) ?? '',
        notes: v.notes.trim(),
        actionsAgreed: v.actionsAgreed.trim(),
        nextOn: v.nextOn.trim() ? (parseUkDate(v.nextOn) ?? null) : null,
        items: items
          .filter((i) => v.decisions[i.id]?.trim())
          .map((i) => ({
            kind: i.kind,
            itemId: i.id,
            title: itemTitle(i),
            note: '',
            decision: v.decisions[i.id]!.trim(),
          })),
      },
      {
        onSuccess: () => {
          notifySuccess(`Meeting with ${who} recorded.`);
          form.reset();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    );
  });

  return (
    <Paper withBorder p="md" className={print.noPrint}>
      <form onSubmit={submit} noValidate aria-label="Record this meeting">
        <Stack gap="sm">
          <Title order={3} fz="md">
            Record this meeting
          </Title>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Held on"
            description="Day/month/year"
            required
            maw={200}
            inputMode="numeric"
            maxLength={10}
            {...form.getInputProps('heldOn')}
          />
          <Textarea label="Notes" autosize minRows={3} maxLength={8000} {...form.getInputProps('notes')} />
          {items.length > 0 && (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Decisions on the agenda items
              </Text>
              {items.map((i) => (
                <TextInput
                  key={`${i.kind}-${i.id}`}
                  label={itemTitle(i)}
                  description={i.priorityTitle}
                  placeholder="Decision, if any"
                  maxLength={2000}
                  {...form.getInputProps(`decisions.${i.id}`)}
                />
              ))}
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label="Actions agreed"
              description="Who will do what before the next meeting"
              autosize
              minRows={2}
              maxLength={4000}
              {...form.getInputProps('actionsAgreed')}
            />
            <TextInput
              label="Next meeting"
              description="Day/month/year; leave blank if not set"
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('nextOn')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending}>
              Save meeting
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The meeting log for one relationship: record today's meeting, and read the ones before it. */
export function MeetingLog(props: Props) {
  const meetings = useQuery(meetingsQuery(props.personId));
  const mine = (meetings.data ?? []).filter(
    (m) => m.kind === props.kind && (props.kind !== 'liaison' || m.schoolId === props.schoolId),
  );
  return (
    <Stack gap="md">
      <RecordMeetingForm {...props} />
      {meetings.isPending && <PageLoader label="Loading past meetings…" />}
      {meetings.error && <ErrorState error={meetings.error} onRetry={() => meetings.refetch()} />}
      {meetings.data && <PastMeetings meetings={mine} />}
    </Stack>
  );
}
