import { Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type AssessmentType,
  assessmentTypeLabels,
  assessmentTypes,
  type CalendarYear,
  type PlannedAssessment,
  type PlannedStatus,
} from '../../../shared/contracts/calendar';
import { messageOf } from '../../app/api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate, parseUkDate, plural } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { InlineError } from '../../app/states';
import { addPlannedAssessment, deletePlannedAssessment } from './calendar.api';
import { RemoveButton, useCalendarChange, useCalendarRemoval } from './calendar-change';
import { gradeSetsQuery } from './mapping.api';
import { YEAR_GROUPS } from './year-groups';

const STATUS: Record<PlannedStatus, { label: string; tone: 'teal' | 'yellow' | 'gray' }> = {
  received: { label: 'Results in', tone: 'teal' },
  awaited: { label: 'Awaited', tone: 'yellow' },
  upcoming: { label: 'Upcoming', tone: 'gray' },
};

function ResultsCell({ a }: { a: PlannedAssessment }) {
  const s = STATUS[a.status];
  return (
    <Group gap="xs" wrap="nowrap">
      <StatusBadge size="sm" label={s.label} tone={s.tone} />
      {a.received && (
        <Text size="xs" c="dimmed">
          {a.received.results.toLocaleString('en-GB')} {a.received.results === 1 ? 'result' : 'results'},{' '}
          {plural(a.received.schools, 'school')}
        </Text>
      )}
    </Group>
  );
}

/** Adds a planned assessment: what, for whom, when, and the collection point it feeds. */
function AddPlanned({ year }: { year: CalendarYear }) {
  const gradeSets = useQuery(gradeSetsQuery);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [yearGroup, setYearGroup] = useState<string | null>(null);
  const [type, setType] = useState<AssessmentType>('test');
  const [day, setDay] = useState('');
  const [pointId, setPointId] = useState<string | null>(null);
  const [gradeSet, setGradeSet] = useState<string | null>(null);
  const { busy, error, run } = useCalendarChange(year.year.id);
  const plannedOn = parseUkDate(day);
  const ready = name.trim() && subject.trim() && yearGroup && plannedOn;
  const save = async () => {
    if (!ready) return;
    const body = {
      name: name.trim(),
      subject: subject.trim(),
      yearGroup,
      type,
      plannedOn,
      collectionPointId: pointId,
      gradeSetKey: gradeSet,
    };
    if (await run(() => addPlannedAssessment(year.year.id, body))) {
      setName('');
      setDay('');
    }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label="New planned assessment"
          placeholder="Year 11 maths mock"
          w={220}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Subject"
          placeholder="Maths"
          w={130}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Select label="Year group" w={100} data={YEAR_GROUPS} value={yearGroup} onChange={setYearGroup} />
        <Select
          label="Type"
          w={170}
          data={assessmentTypes.map((t) => ({ value: t, label: assessmentTypeLabels[t] }))}
          value={type}
          onChange={(v) => v && setType(v as AssessmentType)}
          allowDeselect={false}
        />
        <TextInput
          label="Date"
          placeholder="dd/mm/yyyy"
          w={120}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={day && !plannedOn ? 'Use dd/mm/yyyy' : undefined}
        />
        <Select
          label="Feeds"
          placeholder="No collection point"
          w={190}
          data={year.collectionPoints.map((p) => ({ value: p.id, label: p.name }))}
          value={pointId}
          onChange={setPointId}
          clearable
        />
        <Select
          label="Grade set"
          placeholder="Any"
          w={170}
          data={(gradeSets.data ?? []).map((g) => ({ value: g.key, label: g.name }))}
          value={gradeSet}
          onChange={setGradeSet}
          clearable
        />
        <Button onClick={save} loading={busy} disabled={!ready}>
          Add assessment
        </Button>
      </Group>
      <InlineError>{error ? messageOf(error) : null}</InlineError>
    </Stack>
  );
}

/**
 * A year's planned assessments by date, each with whether its results are in: results imported
 * for the same subject and year group under the same name, or at the same collection point.
 */
export function PlannedAssessments({ year }: { year: CalendarYear }) {
  const { removing, ask, dialog } = useCalendarRemoval(year.year.id, (a: PlannedAssessment) =>
    deletePlannedAssessment(a.id, a.version),
  );
  const awaited = year.assessments.filter((a) => a.status === 'awaited').length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline" mt="md">
        <Text fw={600}>Planned assessments</Text>
        {awaited > 0 && (
          <Text size="sm" c="#7a4800">
            {plural(awaited, 'assessment')} past {awaited === 1 ? 'its' : 'their'} date with no results yet
          </Text>
        )}
      </Group>
      {year.assessments.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Planned assessments" striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Assessment</Table.Th>
                <Table.Th>Year</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Feeds</Table.Th>
                <Table.Th>Results</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {year.assessments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {a.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.yearGroup}</Table.Td>
                  <Table.Td>{assessmentTypeLabels[a.type]}</Table.Td>
                  <Table.Td>{formatDate(a.plannedOn)}</Table.Td>
                  <Table.Td>{a.collectionPointName ?? '–'}</Table.Td>
                  <Table.Td>
                    <ResultsCell a={a} />
                  </Table.Td>
                  <Table.Td>
                    <RemoveButton label={`Remove ${a.name} (${a.yearGroup})`} onClick={() => ask(a)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          No planned assessments yet. Add them to see, at each data drop, which results are in.
        </Text>
      )}
      <AddPlanned year={year} />
      <ConfirmDialog title="Remove planned assessment" confirmLabel="Remove" {...dialog}>
        {removing &&
          `${removing.name} (${removing.yearGroup}) comes off the calendar. Results already imported for it are kept.`}
      </ConfirmDialog>
    </Stack>
  );
}
