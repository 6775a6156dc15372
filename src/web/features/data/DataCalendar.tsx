import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../app/api';
import { academicYearOf, parseUkDate } from '../../app/format';
import { InlineError } from '../../app/states';
import { CollectionPoints } from './CollectionPoints';
import { addCollectionPoint, calendarYearQuery, calendarYearsQuery, createYear } from './calendar.api';
import { useCalendarChange } from './calendar-change';
import { PlannedAssessments } from './PlannedAssessments';
import { TermDates } from './TermDates';
import { YEAR_GROUPS, yearGroupName } from './year-groups';

/** Adds one collection point: a name, the day data is due, and the year groups it covers. */
function AddPoint({ yearId }: { yearId: string }) {
  const [name, setName] = useState('');
  const [day, setDay] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const { busy, error, run } = useCalendarChange(yearId);
  const collectOn = parseUkDate(day);
  const save = async () => {
    if (!collectOn) return;
    if (await run(() => addCollectionPoint(yearId, { name: name.trim(), collectOn, yearGroups: groups }))) {
      setName('');
      setDay('');
      setGroups([]);
    }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="New collection point"
          placeholder="Y7-Y11 Spring 2 data drop"
          w={260}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Data due"
          placeholder="dd/mm/yyyy"
          w={140}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={day && !collectOn ? 'Use dd/mm/yyyy' : undefined}
        />
        <MultiSelect
          label="Year groups"
          w={300}
          data={YEAR_GROUPS.map((y) => ({ value: y, label: yearGroupName(y) }))}
          value={groups}
          onChange={setGroups}
          placeholder={groups.length ? undefined : 'Choose year groups'}
        />
        <Button onClick={save} loading={busy} disabled={!name.trim() || !collectOn || groups.length === 0}>
          Add point
        </Button>
      </Group>
      <InlineError>{error ? messageOf(error) : null}</InlineError>
    </Stack>
  );
}

/** One year's collection points, with what feeds each and the workload warnings. */
function YearCalendar({ yearId }: { yearId: string }) {
  const year = useQuery(calendarYearQuery(yearId));
  if (year.isPending) return <Text size="sm">Loading the calendar…</Text>;
  if (year.error) return <InlineError>{messageOf(year.error)}</InlineError>;
  const { warnings } = year.data;
  return (
    <Stack gap="sm">
      {warnings.map((w) => (
        <Alert
          key={w.yearGroup}
          color="yellow"
          title={`${yearGroupName(w.yearGroup)}: ${w.count} collection points`}
          styles={{ title: { color: '#7a4800' } }}
        >
          <Text size="sm">{w.message}</Text>
        </Alert>
      ))}
      <TermDates year={year.data.year} />
      <CollectionPoints year={year.data} />
      <AddPoint yearId={yearId} />
      <PlannedAssessments year={year.data} />
    </Stack>
  );
}

/**
 * The data collection calendar: each academic year's collection points (data drops), the year
 * groups each covers and the planned assessments that feed it, with a warning where a year group
 * has more than three in a year.
 */
export function DataCalendar() {
  const queryClient = useQueryClient();
  const years = useQuery(calendarYearsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = years.data ?? [];
  const current = academicYearOf(new Date());
  const yearId = chosen ?? list.find((y) => y.label === current)?.id ?? list.at(-1)?.id ?? null;
  const hasCurrent = list.some((y) => y.label === current);
  const setUp = async () => {
    setError(null);
    try {
      const made = await createYear(current);
      await queryClient.invalidateQueries({ queryKey: ['calendar', 'years'] });
      setChosen(made.year.id);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Paper component="section" p="lg" aria-labelledby="calendar-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} fz="lg" id="calendar-heading">
              Data collection calendar
            </Title>
            <Text size="sm" c="dimmed">
              When each data drop is due and which year groups it covers, for the whole trust.
            </Text>
          </div>
          <Group>
            {list.length > 0 && (
              <Select
                aria-label="Academic year"
                w={140}
                data={list.map((y) => ({ value: y.id, label: y.label }))}
                value={yearId}
                onChange={(v) => v && setChosen(v)}
                allowDeselect={false}
              />
            )}
            {years.isSuccess && !hasCurrent && (
              <Button variant="light" onClick={setUp}>
                Set up {current}
              </Button>
            )}
          </Group>
        </Group>
        <InlineError>{error}</InlineError>
        {years.isSuccess && !list.length && (
          <Badge variant="light" color="gray">
            No academic years yet
          </Badge>
        )}
        {yearId && <YearCalendar key={yearId} yearId={yearId} />}
      </Stack>
    </Paper>
  );
}
