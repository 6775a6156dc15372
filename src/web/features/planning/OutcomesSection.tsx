import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Outcome } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { AddOutcomeModal } from './AddOutcomeModal';
import { OutcomeChart } from './OutcomeChart';
import { trackState, trackText } from './outcome-chart';
import { withUnit } from './planning-text';
import print from './print.module.css';

function Figure({ label, value, on }: { label: string; value: string; on: string }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={600} fz="lg" lh={1.2}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {on}
      </Text>
    </div>
  );
}

function OutcomeRow({ outcome: o, onEdit }: { outcome: Outcome; onEdit?: () => void }) {
  const track = trackText[trackState(o)];
  return (
    <Paper p="md" withBorder component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={8} style={{ flex: '1 1 320px' }}>
          <Group gap="sm" justify="space-between" wrap="wrap" align="flex-start">
            <Text fw={600}>{o.description}</Text>
            <Group gap="xs">
              <StatusBadge label={track.label} tone={track.tone} size="sm" />
              {onEdit && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  className={print.noPrint}
                  leftSection={<IconPencil size={12} aria-hidden />}
                  aria-label={`Edit outcome: ${o.description}`}
                  onClick={onEdit}
                >
                  Edit
                </Button>
              )}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {o.measure} · {o.groupLabel} · {o.direction === 'up' ? 'higher is better' : 'lower is better'}
          </Text>
          <Group gap="sm" wrap="wrap" align="center">
            <Figure
              label="Baseline"
              value={withUnit(o.baselineValue, o.unit)}
              on={formatDate(o.baselineOn)}
            />
            <IconArrowRight size={16} aria-hidden />
            <Figure
              label="Latest"
              value={o.latestValue === null ? 'None yet' : withUnit(o.latestValue, o.unit)}
              on={o.latestOn ? formatDate(o.latestOn) : 'From impact checks'}
            />
            <IconArrowRight size={16} aria-hidden />
            <Figure
              label="Target"
              value={withUnit(o.targetValue, o.unit)}
              on={`by ${formatDate(o.targetOn)}`}
            />
          </Group>
        </Stack>
        <Box>
          <OutcomeChart outcome={o} />
        </Box>
      </Group>
    </Paper>
  );
}

type Props = { planId: string; priorityId: string; outcomes: Outcome[]; canWrite: boolean; planEnd: string };

export function OutcomesSection({ planId, priorityId, outcomes, canWrite, planEnd }: Props) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Outcome>();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Outcomes
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add outcome
          </Button>
        )}
      </Group>
      {outcomes.length === 0 ? (
        <Text size="sm">
          {canWrite
            ? 'No outcomes yet. Say what will be different for pupils, measured from a baseline to a target, so each impact check can show whether you are on track.'
            : 'No outcomes were set.'}
        </Text>
      ) : (
        <SimpleGrid component="ul" cols={1} spacing="sm" p={0} m={0}>
          {outcomes.map((o) => (
            <OutcomeRow key={o.id} outcome={o} onEdit={canWrite ? () => setEditing(o) : undefined} />
          ))}
        </SimpleGrid>
      )}
      {editing && (
        <AddOutcomeModal
          planId={planId}
          priorityId={priorityId}
          planEnd={planEnd}
          outcome={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {adding && (
        <AddOutcomeModal
          planId={planId}
          priorityId={priorityId}
          planEnd={planEnd}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}
