import { Anchor, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { schoolsQuery } from '../schools/schools.api';
import { pupilSearchQuery } from './pupils.api';

/**
 * Finding one pupil: a school, then part of a name or a UPN. Kept in the address, so the back
 * button returns to the same list from a pupil's record.
 */
export function PupilsPage() {
  const permissions = usePermissions();
  const schools = useQuery(schoolsQuery);
  const [params, setParams] = useSearchParams();
  const mine = (schools.data ?? []).filter(
    (s) => permissions.pupilSchools === 'all' || permissions.pupilSchools.includes(s.id),
  );
  const schoolId = params.get('school') ?? mine[0]?.id ?? null;
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    ...pupilSearchQuery(schoolId ?? '', q),
    enabled: Boolean(schoolId) && q.length >= 2,
  });
  const update = (next: { school?: string; q?: string }) =>
    setParams(
      (p) => {
        if (next.school) p.set('school', next.school);
        if (next.q !== undefined) {
          if (next.q) p.set('q', next.q);
          else p.delete('q');
        }
        return p;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Pupils"
        description="Find a pupil to see everything held about them: characteristics and how they have changed, results, attendance and interventions."
      />
      <Paper p="lg">
        <Stack gap="md">
          <Group align="flex-end" wrap="wrap">
            <Select
              label="School"
              w={280}
              data={mine.map((s) => ({ value: s.id, label: s.name }))}
              value={schoolId}
              onChange={(v) => v && update({ school: v })}
              allowDeselect={false}
              searchable
            />
            <TextInput
              label="Name or UPN"
              placeholder="e.g. Patel, or Amira Patel"
              w={320}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                update({ q: e.currentTarget.value.trim() });
              }}
            />
          </Group>
          {q.length < 2 ? (
            <Text size="sm" c="dimmed">
              Type at least two letters of a name, or a whole UPN.
            </Text>
          ) : found.error ? (
            <ErrorState error={found.error} />
          ) : found.data && found.data.pupils.length === 0 ? (
            <Text size="sm">No pupil at this school matches “{q}”.</Text>
          ) : found.data ? (
            <>
              <Table aria-label="Pupils found" striped withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Pupil</Table.Th>
                    <Table.Th>Year</Table.Th>
                    <Table.Th>Date of birth</Table.Th>
                    <Table.Th>On roll</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.data.pupils.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/pupils/${p.id}`} fw={500} size="sm">
                          {p.familyName}, {p.givenName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.yearGroup}</Table.Td>
                      <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
                      <Table.Td>
                        {p.onRoll ? (
                          <StatusBadge size="sm" label="On roll" tone="teal" />
                        ) : (
                          <StatusBadge size="sm" label="Left" tone="gray" />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {found.data.more && (
                <Text size="sm" c="dimmed">
                  Showing the first {found.data.pupils.length}. Type more of the name to narrow the list.
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Searching…
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
