import { Button, Group, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Crumbs } from '../../app/Crumbs';
import { formatDate, parseUkDate, plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { addDays, dateFieldError, todayIso } from './plan-dates';
import { capacityQuery } from './support.api';

/** Who carries how much in a period: actions, open actions, priorities owned and checks led. */
export function CapacityPage() {
  const today = todayIso();
  const [period, setPeriod] = useState({ from: today, to: addDays(today, 90) });
  const capacity = useQuery(capacityQuery(period.from, period.to));
  const form = useForm({
    initialValues: { from: formatDate(period.from), to: formatDate(period.to) },
    validate: (v) => {
      const from = parseUkDate(v.from);
      const to = parseUkDate(v.to);
      return {
        from: dateFieldError(v.from, from),
        to: dateFieldError(v.to, to) ?? (from && to && to < from ? 'The end must be after the start' : null),
      };
    },
  });
  const people = [...(capacity.data?.people ?? [])].sort(
    (a, b) => b.openActions + b.checks - (a.openActions + a.checks) || a.name.localeCompare(b.name),
  );
  const most = Math.max(1, ...people.map((p) => p.openActions + p.checks));

  return (
    <>
      <PageHeader
        title="Capacity"
        above={<Crumbs items={[{ label: 'Improvement plans', to: '/plan' }, { label: 'Capacity' }]} />}
        description="For each person, the actions, impact checks and priorities they carry in a period, so new initiatives go to people with room for them."
      />
      <Stack gap="md">
        <Paper p="md">
          <form
            onSubmit={form.onSubmit((v) => setPeriod({ from: parseUkDate(v.from)!, to: parseUkDate(v.to)! }))}
            noValidate
            aria-label="Period"
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label="From"
                description="Day/month/year"
                w={160}
                maxLength={10}
                {...form.getInputProps('from')}
              />
              <TextInput
                label="To"
                description="Day/month/year"
                w={160}
                maxLength={10}
                {...form.getInputProps('to')}
              />
              <Button type="submit" variant="default">
                Show
              </Button>
            </Group>
          </form>
        </Paper>
        {capacity.isPending && <PageLoader label="Loading who carries what…" />}
        {capacity.error && <ErrorState error={capacity.error} onRetry={() => capacity.refetch()} />}
        {capacity.data && people.length === 0 && (
          <Text>Nobody has actions, checks or priorities due between these dates.</Text>
        )}
        {people.length > 0 && (
          <Paper p="md">
            <Table.ScrollContainer minWidth={640}>
              <Table
                striped
                aria-label={`Capacity from ${formatDate(period.from)} to ${formatDate(period.to)}`}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th ta="right">Actions</Table.Th>
                    <Table.Th ta="right">Still open</Table.Th>
                    <Table.Th ta="right">Impact checks</Table.Th>
                    <Table.Th ta="right">Priorities owned</Table.Th>
                    <Table.Th w={180}>Open load</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((p) => (
                    <Table.Tr key={p.personId}>
                      <Table.Td fw={500}>{p.name}</Table.Td>
                      <Table.Td ta="right">{p.actions}</Table.Td>
                      <Table.Td ta="right">{p.openActions}</Table.Td>
                      <Table.Td ta="right">{p.checks}</Table.Td>
                      <Table.Td ta="right">{p.prioritiesOwned}</Table.Td>
                      <Table.Td>
                        <Progress
                          value={((p.openActions + p.checks) / most) * 100}
                          aria-label={`${p.name}: ${plural(p.openActions + p.checks, 'open item')}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </>
  );
}
