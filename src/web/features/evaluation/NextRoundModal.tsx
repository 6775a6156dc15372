import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Round } from '../../../shared/contracts/evaluation';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useOpenNextRound } from './evaluation.api';
import { suggestNextRound } from './round-dates';

const dateError = (v: string) =>
  parseUkDate(v) ? null : 'Enter the date as day/month/year, for example 14/03/2027';

/** Opens the next round with the same tools, schools and liaisons, carrying agreed judgements forward. */
export function NextRoundModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const navigate = useNavigate();
  const next = useOpenNextRound(round.id);
  const [formError, setFormError] = useState<string>();
  const suggested = suggestNextRound(round);
  const form = useForm({
    initialValues: {
      name: suggested.name,
      opensOn: formatDate(suggested.opensOn),
      closesOn: formatDate(suggested.closesOn),
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the round a name'),
      opensOn: dateError,
      closesOn: (v, values) => {
        const opens = parseUkDate(values.opensOn);
        const closes = parseUkDate(v);
        if (!closes) return dateError(v);
        return opens && closes < opens ? 'The round must close on or after the day it opens' : null;
      },
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    next.mutate(
      { name: v.name.trim(), opensOn: parseUkDate(v.opensOn) ?? '', closesOn: parseUkDate(v.closesOn) ?? '' },
      {
        onSuccess: (created) => {
          notifySuccess(
            `${created.name} is open. Last round’s agreed judgements are each school’s starting point.`,
          );
          onClose();
          navigate(`/evaluate/rounds/${created.id}`);
        },
        onError: (err) =>
          setFormError(applyServerErrors(err, ['name', 'opensOn', 'closesOn'], form.setErrors)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title="Open the next round" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            The next round uses the same tools (their latest versions), schools and liaisons as {round.name}.
            Each agreed judgement is carried forward as the school’s starting point, so schools only change
            what has moved on.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <TextInput
              label="Opens on"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('opensOn')}
            />
            <TextInput
              label="Closes on"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              maxLength={10}
              {...form.getInputProps('closesOn')}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={next.isPending}>
              Open the next round
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
