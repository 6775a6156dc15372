import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload } from '@tabler/icons-react';
import { messageOf } from '../../app/api';
import type { SaveState } from './autosave';

type ConflictProps = {
  /** Their version in words, e.g. "Developing, with the reason: …". */
  theirs: string;
  mine: string;
  onUseTheirs: () => void;
  onKeepMine: () => void;
};

/** Someone else saved this statement first: show what they saved and let the reader choose. */
export function ConflictNotice({ theirs, mine, onUseTheirs, onKeepMine }: ConflictProps) {
  return (
    <Alert
      color="orange"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title="Not saved: someone else changed this statement"
    >
      <Text size="sm">They saved: {theirs}</Text>
      <Text size="sm">You had: {mine}</Text>
      <Group gap="sm" mt="sm">
        <Button size="compact-sm" variant="default" onClick={onUseTheirs}>
          Use theirs
        </Button>
        <Button size="compact-sm" onClick={onKeepMine}>
          Re-apply mine
        </Button>
      </Group>
    </Alert>
  );
}

export function SaveErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not saved">
      <Text size="sm">{messageOf(error)}</Text>
      <Button size="compact-sm" variant="default" mt="xs" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

/** A quiet per-statement note of its own save state; the page shows the overall state. */
export function CardSaveState({ state }: { state: SaveState | undefined }) {
  if (state === 'saving' || state === 'pending')
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconCloudUpload size={14} aria-hidden />
        <Text size="xs" c="dimmed">
          Saving…
        </Text>
      </Group>
    );
  if (state === 'saved')
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconCheck size={14} aria-hidden />
        <Text size="xs" c="dimmed">
          Saved
        </Text>
      </Group>
    );
  return null;
}
