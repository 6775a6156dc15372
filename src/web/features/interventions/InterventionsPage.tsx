import { Anchor, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type InterventionListQuery,
  interventionStatusText,
  interventionTypeText,
} from '../../../shared/contracts/interventions';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { schoolsQuery } from '../schools/schools.api';
import { InterventionFormModal } from './InterventionFormModal';
import { interventionsQuery } from './interventions.api';
import { sessionsText } from './interventions-text';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The interventions register: every programme in the schools the reader can see, filterable. */
export function InterventionsPage() {
  const [filters, setFilters] = useState<InterventionListQuery>({});
  const [creating, setCreating] = useState(false);
  const list = useQuery(interventionsQuery(filters));
  const schools = useQuery(schoolsQuery);
  const permissions = usePermissions();
  const set = (key: keyof InterventionListQuery) => (value: string | null) =>
    setFilters((f) => ({ ...f, [key]: value ?? undefined }));
  return (
    <>
      <PageHeader
        title="Interventions"
        description="Tutoring, catch-up and mentoring programmes: who is in each, how many sessions they attended, and whether their results moved more than those of similar pupils."
        actions={
          !permissions.isOverseer && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New intervention
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <Select
            label="School"
            placeholder="All schools"
            clearable
            data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={filters.schoolId ?? null}
            onChange={set('schoolId')}
          />
          <Select
            label="Type"
            placeholder="All types"
            clearable
            data={options(interventionTypeText)}
            value={filters.type ?? null}
            onChange={set('type')}
          />
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={options(interventionStatusText)}
            value={filters.status ?? null}
            onChange={set('status')}
          />
        </Group>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.length === 0 ? (
          <Paper p="xl" withBorder>
            <Text fw={600}>
              No interventions {Object.values(filters).some(Boolean) ? 'match these filters' : 'yet'}
            </Text>
            <Text c="dimmed" mt={4}>
              Record a programme here, add its pupils and mark attendance, and the platform will compare their
              results with similar pupils so you can see whether it worked.
            </Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Intervention</Table.Th>
                  <Table.Th scope="col">School</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Dates</Table.Th>
                  <Table.Th scope="col">Pupils</Table.Th>
                  <Table.Th scope="col">Sessions</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/plan/interventions/${i.id}`} fw={600}>
                        {i.name}
                      </Anchor>
                      {i.priorityTitle && (
                        <Text size="xs" c="dimmed">
                          For: {i.priorityTitle}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{i.schoolName}</Table.Td>
                    <Table.Td>{interventionTypeText[i.type]}</Table.Td>
                    <Table.Td>
                      {formatDate(i.startsOn)}
                      {i.endsOn ? ` to ${formatDate(i.endsOn)}` : ''}
                    </Table.Td>
                    <Table.Td>{i.pupilCount ?? 'c'}</Table.Td>
                    <Table.Td>{sessionsText(i.sessionsHeld, i.plannedSessions)}</Table.Td>
                    <Table.Td>
                      <StatusBadge
                        label={interventionStatusText[i.status]}
                        tone={i.status === 'running' ? 'brand' : 'gray'}
                        size="sm"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data?.some((i) => i.pupilCount === null) && (
          <Text size="sm" c="dimmed">
            c: fewer pupils than can be shown without pupil-level access.
          </Text>
        )}
      </Stack>
      {creating && <InterventionFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
