import { Anchor, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { interventionStatusText, interventionTypeText } from '../../../shared/contracts/interventions';
import { ImpactFiguresView } from '../interventions/ImpactPanel';
import { InterventionFormModal } from '../interventions/InterventionFormModal';
import { priorityInterventionsQuery } from '../interventions/interventions.api';

/** The interventions serving a priority, each with whether it worked, and a way to add one. */
export function PriorityInterventions({
  priorityId,
  schoolId,
  canWrite,
}: {
  priorityId: string;
  schoolId: string | null;
  canWrite: boolean;
}) {
  const query = useQuery(priorityInterventionsQuery(priorityId));
  const [adding, setAdding] = useState(false);
  const items = query.data?.interventions ?? [];
  return (
    <>
      <Divider />
      <Stack gap="sm" component="section" aria-labelledby={`interventions-${priorityId}`}>
        <Group justify="space-between">
          <Title order={3} fz="md" id={`interventions-${priorityId}`}>
            Interventions
          </Title>
          {canWrite && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              Add an intervention
            </Button>
          )}
        </Group>
        {query.isError ? (
          <Text size="sm" c="dimmed">
            The interventions could not be loaded.
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {query.isPending
              ? 'Loading…'
              : 'No pupil interventions serve this priority yet. Record one to see whether its pupils did better than similar pupils.'}
          </Text>
        ) : (
          items.map(({ intervention: i, impact }) => (
            <Paper key={i.id} p="md" withBorder>
              <Stack gap="xs">
                <Group gap="xs">
                  <Anchor component={Link} to={`/plan/interventions/${i.id}`} fw={600}>
                    {i.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {interventionTypeText[i.type]} · {interventionStatusText[i.status]} ·{' '}
                    {i.pupilCount === null ? 'a small group' : `${i.pupilCount} pupils`}
                  </Text>
                </Group>
                <ImpactFiguresView impact={impact} compact />
              </Stack>
            </Paper>
          ))
        )}
        {adding && (
          <InterventionFormModal onClose={() => setAdding(false)} priority={{ id: priorityId, schoolId }} />
        )}
      </Stack>
    </>
  );
}
