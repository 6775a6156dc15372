import { Button, EmptyState, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconMail, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Person, RoleAssignment } from '../../../shared/contracts/people';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { schoolsQuery } from '../schools/schools.api';
import { AssignRoleModal } from './AssignRoleModal';
import { type PeopleDialog, PeopleDialogs } from './PeopleDialogs';
import { PeopleTable } from './PeopleTable';
import { peopleQuery } from './people.api';

const ALL = 'all';

const matches = (p: Person, search: string) => {
  const q = search.trim().toLowerCase();
  return !q || p.name.toLowerCase().includes(q) || p.email.toLowerCase().includes(q);
};

export function PeoplePage() {
  const permissions = usePermissions();
  if (!permissions.canAdminister && !permissions.canListAllPeople) return <NoPeopleAccess />;
  return <PeopleDirectory />;
}

function NoPeopleAccess() {
  return (
    <>
      <PageHeader title="People and roles" />
      <Paper p="xl" maw={720}>
        <Stack align="flex-start">
          <Text>
            Trust administrators and school leaders look after people and their roles. If someone needs
            access, or your own role should change, ask your school leader or trust administrator.
          </Text>
          <Button component={Link} to="/account" variant="light">
            See your own roles
          </Button>
        </Stack>
      </Paper>
    </>
  );
}

function PeopleDirectory() {
  const permissions = usePermissions();
  const schools = useQuery(schoolsQuery);
  const own = permissions.peopleSchools === 'all' ? [] : permissions.peopleSchools;
  const [filter, setFilter] = useState<string>(permissions.canListAllPeople ? ALL : (own[0] ?? ALL));
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<PeopleDialog>();
  const schoolId = filter === ALL ? undefined : filter;
  const people = useQuery(peopleQuery(schoolId));

  const schoolOptions = (schools.data ?? [])
    .filter((s) => permissions.canListAllPeople || own.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const filterOptions = permissions.canListAllPeople
    ? [{ value: ALL, label: 'All schools' }, ...schoolOptions]
    : schoolOptions;
  const shown = (people.data ?? []).filter((p) => matches(p, search));

  return (
    <>
      <PageHeader
        title="People and roles"
        description="Invite staff, governors and trustees, and give each the roles they need. A role decides what someone can see and change."
        actions={
          permissions.canAdminister && (
            <Button
              leftSection={<IconMail size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'invite' })}
            >
              Invite person
            </Button>
          )
        }
      />
      <Paper p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label="Show people at"
              data={filterOptions}
              value={filter}
              onChange={(v) => setFilter(v ?? ALL)}
              allowDeselect={false}
              w={{ base: '100%', sm: 300 }}
            />
            <TextInput
              label="Search by name or email"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 300 }}
            />
          </Group>
          {people.isPending && <PageLoader label="Loading people…" />}
          {people.error && <ErrorState error={people.error} onRetry={() => people.refetch()} />}
          {people.data && (
            <Text size="sm" c="dimmed" role="status">
              {shown.length === people.data.length
                ? `${people.data.length} ${people.data.length === 1 ? 'person' : 'people'}`
                : `${shown.length} of ${people.data.length} people match “${search.trim()}”`}
            </Text>
          )}
          {people.data && shown.length === 0 && (
            <EmptyState
              icon={<IconUsers size={32} aria-hidden />}
              withIndicatorBackground
              title={people.data.length === 0 ? 'Nobody here yet' : 'Nobody matches your search'}
              description={
                people.data.length === 0
                  ? 'Invite the first person. They will get an email to set their password, and you can then give them a role.'
                  : 'Check the spelling, or search by part of their email address.'
              }
            />
          )}
          {shown.length > 0 && (
            <PeopleTable
              people={shown}
              onAssign={(person) => setDialog({ kind: 'assign', person, schoolId })}
              onRemoveRole={(person: Person, assignment: RoleAssignment) =>
                setDialog({ kind: 'remove-role', person, assignment })
              }
              onArchive={(person) => setDialog({ kind: 'archive', person })}
            />
          )}
        </Stack>
      </Paper>
      {dialog?.kind === 'assign' && (
        <AssignRoleModal
          person={dialog.person}
          initialSchoolId={dialog.schoolId}
          justInvited={dialog.justInvited}
          onClose={() => setDialog(undefined)}
        />
      )}
      <PeopleDialogs dialog={dialog} onChange={setDialog} />
    </>
  );
}
