import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { SchoolsTable } from '../schools/SchoolsTable';
import { schoolsQuery } from '../schools/schools.api';
import { AddSchoolForm } from './AddSchoolForm';

export function AdminSchoolsPage() {
  const permissions = usePermissions();
  const schools = useQuery(schoolsQuery);

  return (
    <>
      <PageHeader
        title="Schools"
        description="Add schools as they join the trust. Each school starts with the year groups for its phase; you can then add its departments and invite its staff."
      />
      <Stack gap="xl">
        {permissions.canCreateSchool ? (
          <Paper component="section" p="lg" aria-labelledby="add-school-heading">
            <Title order={2} id="add-school-heading" fz="lg" mb="md">
              Add a school
            </Title>
            <AddSchoolForm />
          </Paper>
        ) : (
          <Text>Only trust administrators can add schools. Ask yours if a school is missing.</Text>
        )}
        <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="all-schools-heading">
          <Title order={2} id="all-schools-heading" fz="lg" mb="xs">
            Schools in the trust
          </Title>
          {schools.isPending && <PageLoader label="Loading schools…" />}
          {schools.error && <ErrorState error={schools.error} onRetry={() => schools.refetch()} />}
          {schools.data && schools.data.length === 0 && (
            <Text size="sm">No schools yet. Use the form above to add the first.</Text>
          )}
          {schools.data && schools.data.length > 0 && (
            <SchoolsTable
              schools={schools.data}
              caption="Open a school to edit its details or departments."
            />
          )}
        </Paper>
      </Stack>
    </>
  );
}
