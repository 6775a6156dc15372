import { Alert, Badge, Button, Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { type Phase, type Priority, phaseLabels } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { ToolkitCitations, WriteCaseStudyButton } from '../library/PriorityLibrary';
import { ActionsSection } from './ActionsSection';
import { ChecksTimeline } from './ChecksTimeline';
import { EditPriorityModal } from './EditPriorityModal';
import { MovePhaseModal } from './MovePhaseModal';
import { OutcomesSection } from './OutcomesSection';
import { PhaseHistory } from './PhaseHistory';
import { PhaseNotes } from './PhaseNotes';
import { PhaseStepper } from './PhaseStepper';
import { PriorityExtras } from './PriorityExtras';
import { PriorityInterventions } from './PriorityInterventions';
import type { OwnerOption } from './plan-people';
import { priorityStatusText } from './planning-text';
import print from './print.module.css';

type Props = {
  planId: string;
  planEnd: string;
  schoolId: string | null;
  priority: Priority;
  canWrite: boolean;
  knownOwners: OwnerOption[];
};

/** Why a stopped priority was stopped: the check that decided it. */
function StoppedNote({ priority }: { priority: Priority }) {
  const check = priority.checks.find((c) => c.response === 'stop');
  return (
    <Alert color="gray" title="This priority has been stopped">
      {check
        ? `Stopped after the check recorded on ${formatDate(check.recordedOn)}: ${check.responseDetail}`
        : 'It is kept here for the record. Nothing more is due for it.'}
    </Alert>
  );
}

export function PriorityCard({ planId, planEnd, schoolId, priority: p, canWrite, knownOwners }: Props) {
  const [moveTo, setMoveTo] = useState<Phase>();
  const [editing, setEditing] = useState(false);
  const headingId = `priority-${p.id}-heading`;
  const status = priorityStatusText[p.status];
  const writable = canWrite && p.status === 'active';
  return (
    <Paper
      component="article"
      id={`priority-${p.id}`}
      aria-labelledby={headingId}
      p={{ base: 'md', sm: 'lg' }}
      className={print.section}
      tabIndex={-1}
      style={{ scrollMarginTop: 80 }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} fz="xl" id={headingId} style={{ flex: '1 1 400px' }}>
            {p.title}
          </Title>
          <Group gap="xs">
            {canWrite && <WriteCaseStudyButton priorityId={p.id} />}
            <StatusBadge label={`${phaseLabels[p.phase]} phase`} tone="brand" size="sm" />
            {p.status !== 'active' && <StatusBadge label={status.label} tone={status.tone} size="sm" />}
            {canWrite && p.status !== 'stopped' && (
              <Button
                size="compact-sm"
                variant="subtle"
                className={print.noPrint}
                leftSection={<IconPencil size={14} aria-hidden />}
                aria-label={`Edit priority: ${p.title}`}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            )}
          </Group>
        </Group>
        {p.status === 'stopped' && <StoppedNote priority={p} />}
        {p.rationale && <Text style={{ whiteSpace: 'pre-wrap' }}>{p.rationale}</Text>}
        {p.statements.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              From the evaluation
            </Text>
            <List size="sm" spacing={4}>
              {p.statements.map((s) => (
                <List.Item key={s.id}>
                  <Text span ff="monospace" size="sm">
                    {s.code}
                  </Text>{' '}
                  {s.text}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {p.tags.length > 0 && (
          <Group gap={6} aria-label="Tags">
            {p.tags.map((t) => (
              <Badge key={t} variant="outline" color="gray.8" tt="none" radius="sm">
                {t}
              </Badge>
            ))}
          </Group>
        )}
        <Divider />
        <Stack gap="sm" className={print.keepTogether}>
          <Title order={3} fz="md">
            Phase
          </Title>
          <PhaseStepper
            currentId={`priority-${p.id}-phase`}
            title={p.title}
            current={p.phase}
            onChoose={writable ? setMoveTo : undefined}
          />
          <PhaseHistory moves={p.phaseMoves} />
          <ToolkitCitations priorityId={p.id} canWrite={writable && p.phase === 'explore'} />
          <PhaseNotes planId={planId} priority={p} canWrite={writable} />
        </Stack>
        <Divider />
        <OutcomesSection
          planId={planId}
          priorityId={p.id}
          outcomes={p.outcomes}
          canWrite={writable}
          planEnd={planEnd}
        />
        <Divider />
        <ActionsSection
          planId={planId}
          priority={p}
          schoolId={schoolId}
          canWrite={writable}
          knownOwners={knownOwners}
        />
        <Divider />
        <ChecksTimeline
          planId={planId}
          priority={p}
          schoolId={schoolId}
          canWrite={canWrite}
          knownOwners={knownOwners}
        />
        <Divider />
        <PriorityExtras priorityId={p.id} schoolId={schoolId} canWrite={writable} knownOwners={knownOwners} />
        <PriorityInterventions priorityId={p.id} schoolId={schoolId} canWrite={writable} />
      </Stack>
      {editing && (
        <EditPriorityModal
          planId={planId}
          priority={p}
          schoolId={schoolId}
          knownOwners={knownOwners}
          onClose={() => setEditing(false)}
        />
      )}
      {moveTo && (
        <MovePhaseModal
          planId={planId}
          priority={p}
          to={moveTo}
          onClose={() => setMoveTo(undefined)}
          // The step chosen is now the current one, no longer a button: put focus on it once the dialog has gone.
          onMoved={() => setTimeout(() => document.getElementById(`priority-${p.id}-phase`)?.focus(), 50)}
        />
      )}
    </Paper>
  );
}
