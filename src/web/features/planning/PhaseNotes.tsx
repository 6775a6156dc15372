import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type Priority, phaseLabels } from '../../../shared/contracts/planning';
import { notifyError, notifySuccess } from '../../app/notify';
import { BehaviourPrompts } from './BehaviourPrompts';
import { useSavePhaseNotes } from './planning.api';
import print from './print.module.css';

type Props = { planId: string; priority: Priority; canWrite: boolean };

/** Working notes for the phase the priority is in now, with the behaviour prompts beside them. */
export function PhaseNotes({ planId, priority, canWrite }: Props) {
  const saved = priority.phaseNotes[priority.phase] ?? '';
  const [draft, setDraft] = useState(saved);
  const [editedFor, setEditedFor] = useState(`${priority.phase}:${saved}`);
  const save = useSavePhaseNotes(planId, priority.id);
  const label = `Notes for the ${phaseLabels[priority.phase]} phase`;

  // A new phase, or a colleague's saved notes, replace the text being shown.
  if (editedFor !== `${priority.phase}:${saved}` && !save.isPending) {
    setEditedFor(`${priority.phase}:${saved}`);
    setDraft(saved);
  }

  if (!canWrite) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {saved || 'No notes yet.'}
        </Text>
      </Stack>
    );
  }

  return (
    <>
      <Stack gap={4} className={print.printOnly}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {saved || 'No notes yet.'}
        </Text>
      </Stack>
      <Group align="flex-start" gap="lg" wrap="wrap" className={print.noPrint}>
        <Stack gap="xs" style={{ flex: '2 1 340px' }}>
          <Textarea
            label={label}
            description="What you have found out, decided or still need to settle in this phase"
            autosize
            minRows={3}
            maxLength={8000}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group gap="sm">
            <Button
              size="xs"
              variant="default"
              loading={save.isPending}
              disabled={draft.trim() === saved.trim()}
              onClick={() =>
                save.mutate(
                  { version: priority.version, phase: priority.phase, notes: draft },
                  {
                    onSuccess: () => notifySuccess('Notes saved.'),
                    onError: (err) => notifyError(err, 'The notes were not saved'),
                  },
                )
              }
            >
              Save notes
            </Button>
            {draft.trim() !== saved.trim() && (
              <Text size="sm" c="dimmed" role="status">
                Not saved yet
              </Text>
            )}
          </Group>
        </Stack>
        <div style={{ flex: '1 1 260px' }}>
          <BehaviourPrompts />
        </div>
      </Group>
    </>
  );
}
