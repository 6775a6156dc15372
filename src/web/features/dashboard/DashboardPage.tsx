import { Button, EmptyState, Paper, Stack, Title } from '@mantine/core';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { SchoolsTable } from '../schools/SchoolsTable';
import { schoolsQuery } from '../schools/schools.api';
import { PhaseSummary } from './PhaseSummary';
import { PlansTile } from './PlansTile';

export function DashboardPage() {
  const { trust } = useSession();
  const permissions = usePermissions();
  const schools = useQuery(schoolsQuery);
  const count = schools.data?.length ?? 0;

  const title = permissions.isSchoolScoped ? (count > 1 ? 'Your schools' : 'Your school') : trust.name;
  const description = permissions.isSchoolScoped
    ? `${count > 1 ? 'Your schools' : 'Your school'} in ${trust.name}. Open ${count > 1 ? 'a school' : 'it'} to see its year groups and departments.`
    : 'Every school in the trust at a glance. Open a school to see its year groups, departments and history.';

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          permissions.canCreateSchool && (
            <Button component={Link} to="/admin/schools" leftSection={<IconPlus size={16} aria-hidden />}>
              Add a school
            </Button>
          )
        }
      />
      {schools.isPending && <PageLoader label="Loading schools…" />}
      {schools.error && <ErrorState error={schools.error} onRetry={() => schools.refetch()} />}
      {schools.data && count === 0 && (
        <Paper p="xl">
          <EmptyState
            icon={<IconBuildingCommunity size={32} aria-hidden />}
            withIndicatorBackground
            title="No schools yet"
            description={
              permissions.canCreateSchool
                ? 'Add your first school to start. You can then add its departments and invite its staff.'
                : 'You have not been given a role at a school yet. Ask your trust administrator to add you to your school.'
            }
          >
            {permissions.canCreateSchool && (
              <EmptyState.Actions>
                <Button component={Link} to="/admin/schools">
                  Add your first school
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}
      {schools.data && count > 0 && (
        <Stack gap="xl">
          {count > 1 && (
            <section aria-labelledby="summary-heading">
              <Title order={2} id="summary-heading" fz="lg" mb="sm">
                At a glance
              </Title>
              <PhaseSummary schools={schools.data} />
            </section>
          )}
          <PlansTile />
          <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="schools-heading">
            <Title order={2} id="schools-heading" fz="lg" mb="xs">
              {count === 1 ? 'School' : 'Schools'}
            </Title>
            <SchoolsTable
              schools={schools.data}
              caption={`${count} ${count === 1 ? 'school' : 'schools'}. Choose a name to open the school.`}
            />
          </Paper>
        </Stack>
      )}
    </>
  );
}
