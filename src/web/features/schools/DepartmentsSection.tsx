import { Box, Button, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArchive, IconHistory, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Department, SchoolDetail } from '../../../shared/contracts/org';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { AddDepartmentForm } from './AddDepartmentForm';
import { ArchiveDepartmentDialog } from './ArchiveDepartmentDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { RenameDepartmentModal } from './RenameDepartmentModal';
import { departmentsQuery } from './schools.api';

type Dialog = { kind: 'rename' | 'archive' | 'history'; department: Department } | undefined;

export function DepartmentsSection({ school }: { school: SchoolDetail }) {
  const permissions = usePermissions();
  const departments = useQuery(departmentsQuery(school.id));
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);
  const canManage = permissions.canManageDepartments(school.id) && school.status !== 'archived';
  const list = departments.data ?? [];
  const active = list.filter((d) => d.status === 'active');
  const archived = list.filter((d) => d.status === 'archived');

  const row = (d: Department) => {
    const canRename = d.status === 'active' && permissions.canRenameDepartment(school.id, d.id);
    return (
      <Table.Tr key={d.id}>
        <Table.Th scope="row" fw={500}>
          {d.name}
          {d.status === 'archived' && (
            <Box component="span" ml="sm">
              <StatusBadge label="Archived" tone="gray" size="sm" />
            </Box>
          )}
        </Table.Th>
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {canRename && (
              <Button
                size="compact-sm"
                variant="subtle"
                c="brand.8"
                leftSection={<IconPencil size={14} aria-hidden />}
                aria-label={`Rename ${d.name}`}
                onClick={() => setDialog({ kind: 'rename', department: d })}
              >
                Rename
              </Button>
            )}
            {permissions.canSeeHistory(school.id) && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                c="gray.8"
                leftSection={<IconHistory size={14} aria-hidden />}
                aria-label={`History of ${d.name}`}
                onClick={() => setDialog({ kind: 'history', department: d })}
              >
                History
              </Button>
            )}
            {canManage && d.status === 'active' && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.8"
                leftSection={<IconArchive size={14} aria-hidden />}
                aria-label={`Archive ${d.name}`}
                onClick={() => setDialog({ kind: 'archive', department: d })}
              >
                Archive
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <Paper component="section" p="lg" aria-labelledby="departments-heading">
      <Title order={2} id="departments-heading" fz="lg" mb={4}>
        Departments
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Departments let middle leaders and teachers be given responsibility for their own area.
      </Text>
      <Stack gap="md">
        {departments.isPending && <PageLoader label="Loading departments…" />}
        {departments.error && <ErrorState error={departments.error} onRetry={() => departments.refetch()} />}
        {departments.data && active.length === 0 && (
          <Text size="sm" p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            {canManage
              ? 'No departments yet. Add the areas your staff lead – such as English, Maths or SEND – so you can give middle leaders their own department.'
              : 'This school has no departments yet. A school leader or trust administrator can add them.'}
          </Text>
        )}
        {list.length > 0 && (
          <Table verticalSpacing="xs" aria-labelledby="departments-heading">
            <Table.Tbody>{[...active, ...archived].map(row)}</Table.Tbody>
          </Table>
        )}
        {canManage && (
          <>
            <Divider />
            <AddDepartmentForm schoolId={school.id} />
          </>
        )}
      </Stack>
      {dialog?.kind === 'rename' && <RenameDepartmentModal department={dialog.department} onClose={close} />}
      {dialog?.kind === 'archive' && (
        <ArchiveDepartmentDialog department={dialog.department} onClose={close} />
      )}
      <HistoryDrawer
        opened={dialog?.kind === 'history'}
        onClose={close}
        entityType="department"
        entityId={dialog?.department.id ?? ''}
        title={`History of ${dialog?.department.name ?? 'the department'}`}
      />
    </Paper>
  );
}
