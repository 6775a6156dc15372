import { Button, Group, Stack, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconCheck, IconClock, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { checkMethodLabels, type ImpactCheck, type Priority } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { PlanCheckModal } from './PlanCheckModal';
import type { OwnerOption } from './plan-people';
import { checkStateText, ragText, responseText, withUnit } from './planning-text';
import { RecordCheckModal } from './RecordCheckModal';

export function RagLabel({ rag }: { rag: NonNullable<ImpactCheck['rag']> }) {
  const r = ragText[rag];
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <svg width="12" height="12" aria-hidden="true">
        <circle cx="6" cy="6" r="6" fill={r.colour} />
      </svg>
      <Text span size="sm" fw={600}>
        {r.label}
      </Text>
      <Text span size="sm" c="dimmed">
        – {r.meaning.toLowerCase()}
      </Text>
    </Group>
  );
}

const bullet = (state: ImpactCheck['state']) =>
  state === 'recorded' ? (
    <IconCheck size={14} aria-hidden />
  ) : state === 'overdue' ? (
    <IconAlertTriangle size={14} aria-hidden />
  ) : (
    <IconClock size={14} aria-hidden />
  );

function CheckEntry({
  check,
  priority,
  canRecord,
  onRecord,
  onEdit,
}: {
  check: ImpactCheck;
  priority: Priority;
  canRecord: boolean;
  onRecord: () => void;
  onEdit: () => void;
}) {
  const state = checkStateText[check.state];
  const outcomes = priority.outcomes.filter((o) => check.outcomeIds.includes(o.id));
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>
          {checkMethodLabels[check.method]}
          {check.recordedOn
            ? `, recorded ${formatDate(check.recordedOn)}`
            : `, due ${formatDate(check.dueOn)}`}
        </Text>
        <StatusBadge label={state.label} tone={state.tone} size="sm" />
      </Group>
      <Text size="sm" c="dimmed">
        {check.ownerName ? `Led by ${check.ownerName}` : 'No one named to lead it'}
        {outcomes.length > 0 && ` · Looks at: ${outcomes.map((o) => o.measure).join('; ')}`}
      </Text>
      {check.recordedOn && (
        <Stack gap={4}>
          {check.rag && <RagLabel rag={check.rag} />}
          {check.response && (
            <Text size="sm">
              <Text span fw={600}>
                Decision: {responseText[check.response].label}
              </Text>
              {check.responseDetail ? ` – ${check.responseDetail}` : ''}
            </Text>
          )}
          {check.findings && <Text size="sm">Findings: {check.findings}</Text>}
          {check.values.length > 0 && (
            <Text size="sm">
              {check.values
                .map((v) => {
                  const o = priority.outcomes.find((x) => x.id === v.outcomeId);
                  return o ? `${o.measure}: ${withUnit(v.value, o.unit)}` : v.value;
                })
                .join('; ')}
            </Text>
          )}
        </Stack>
      )}
      {!check.recordedOn && canRecord && (
        <Group gap="xs">
          <Button
            size="xs"
            variant={check.state === 'planned' ? 'default' : 'filled'}
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onRecord}
          >
            Record findings
            <VisuallyHidden>
              {' '}
              of the {checkMethodLabels[check.method].toLowerCase()} due {formatDate(check.dueOn)}
            </VisuallyHidden>
          </Button>
          <Button
            size="xs"
            variant="subtle"
            onClick={onEdit}
            aria-label={`Change the ${checkMethodLabels[check.method].toLowerCase()} due ${formatDate(check.dueOn)}`}
          >
            Change
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type Props = {
  planId: string;
  priority: Priority;
  schoolId: string | null;
  canWrite: boolean;
  knownOwners: OwnerOption[];
};

/** Impact checks in date order: what was found, the RAG rating in words, and what was decided. */
export function ChecksTimeline({ planId, priority, schoolId, canWrite, knownOwners }: Props) {
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState<ImpactCheck>();
  const [editing, setEditing] = useState<ImpactCheck>();
  const checks = [...priority.checks].sort((a, b) =>
    (a.recordedOn ?? a.dueOn).localeCompare(b.recordedOn ?? b.dueOn),
  );
  const active = canWrite && priority.status === 'active';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Impact checks
        </Title>
        {active && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCalendarPlus size={14} aria-hidden />}
            onClick={() => setPlanning(true)}
          >
            Plan a check
          </Button>
        )}
      </Group>
      {checks.length === 0 ? (
        <Text size="sm">
          {active
            ? 'No checks planned. Decide now when and how you will see whether this is working – a data drop, lesson visits, pupil voice – so it is in the diary before you start.'
            : 'No impact checks were planned.'}
        </Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} active={checks.filter((c) => c.recordedOn).length - 1}>
          {checks.map((c) => (
            <Timeline.Item key={c.id} bullet={bullet(c.state)}>
              <CheckEntry
                check={c}
                priority={priority}
                canRecord={active}
                onRecord={() => setRecording(c)}
                onEdit={() => setEditing(c)}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {planning && (
        <PlanCheckModal
          planId={planId}
          priority={priority}
          schoolId={schoolId}
          knownOwners={knownOwners}
          onClose={() => setPlanning(false)}
        />
      )}
      {editing && (
        <PlanCheckModal
          planId={planId}
          priority={priority}
          schoolId={schoolId}
          knownOwners={knownOwners}
          check={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {recording && (
        <RecordCheckModal
          planId={planId}
          priority={priority}
          check={recording}
          onClose={() => setRecording(undefined)}
        />
      )}
    </Stack>
  );
}
