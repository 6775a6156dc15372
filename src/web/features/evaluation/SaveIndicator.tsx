import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { type OverallSaveState, useOverallSaveState } from './autosave';

const text: Record<OverallSaveState, string> = {
  untouched: 'Changes save automatically',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'All changes saved',
  blocked: 'Some changes need a rationale before they can be saved',
  conflict: 'Not saved: someone else changed a statement (see below)',
  error: 'Some changes could not be saved (see below)',
};

/** The page's one autosave message, announced politely to screen readers as it changes. */
export function SaveIndicator() {
  const state = useOverallSaveState();
  const problem = state === 'blocked' || state === 'conflict' || state === 'error';
  const busy = state === 'pending' || state === 'saving';
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-save-state={state}>
      {busy ? (
        <Loader size={14} aria-hidden />
      ) : problem ? (
        <IconAlertTriangle size={16} color="#8a3b00" aria-hidden />
      ) : state === 'saved' ? (
        <IconCloudCheck size={16} color="var(--mantine-color-teal-9)" aria-hidden />
      ) : (
        <IconDeviceFloppy size={16} aria-hidden />
      )}
      <Text size="sm" fw={problem ? 600 : 500} c={problem ? '#8a3b00' : undefined}>
        {text[state]}
      </Text>
    </Group>
  );
}
