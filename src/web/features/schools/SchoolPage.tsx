import { Alert, Button, Grid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconHistory, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { phaseLabels } from '../../../shared/contracts/org';
import { Crumbs } from '../../app/Crumbs';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, isMissing, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { DepartmentsSection } from './DepartmentsSection';
import { EditSchoolModal } from './EditSchoolModal';
import { HistoryDrawer } from './HistoryDrawer';
import { PublishedOutcomesSection } from './PublishedOutcomesSection';
import { SchoolDetails } from './SchoolDetails';
import { SchoolEvaluationSection } from './SchoolEvaluationSection';
import { schoolQuery } from './schools.api';

export function SchoolPage() {
  const schoolId = useParams().schoolId ?? '';
  const permissions = usePermissions();
  const school = useQuery(schoolQuery(schoolId));
  const [editing, edit] = useDisclosure(false);
  const [historyOpen, history] = useDisclosure(false);

  if (school.isPending) return <PageLoader label="Loading the school…" />;
  if (school.error) {
    return (
      <>
        <PageHeader title={isMissing(school.error) ? 'School not found' : 'School'} />
        <ErrorState error={school.error} onRetry={() => school.refetch()} thing="school" />
      </>
    );
  }

  const s = school.data;
  const canEdit = permissions.canEditSchool(s.id) && s.status !== 'archived';
  return (
    <>
      <PageHeader
        above={<Crumbs items={[{ label: 'Home', to: '/' }, { label: s.name }]} />}
        title={s.name}
        description={`${phaseLabels[s.phase]} school in ${s.localAuthority} · URN ${s.urn}`}
        actions={
          <>
            {permissions.canSeeHistory(s.id) && (
              <Button
                variant="default"
                leftSection={<IconHistory size={16} aria-hidden />}
                onClick={history.open}
              >
                History
              </Button>
            )}
            {canEdit && (
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                Edit details
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {s.status === 'archived' && (
          <Alert color="gray" icon={<IconArchive aria-hidden />} title="This school is archived">
            Its records and history are kept for reference, but it no longer appears in everyday work.
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <SchoolDetails school={s} />
              <SchoolEvaluationSection schoolId={s.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <PublishedOutcomesSection school={s} />
              <DepartmentsSection school={s} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      {canEdit && editing && <EditSchoolModal school={s} onClose={edit.close} />}
      {permissions.canSeeHistory(s.id) && (
        <HistoryDrawer
          opened={historyOpen}
          onClose={history.close}
          entityType="school"
          entityId={s.id}
          title={`History of ${s.name}`}
        />
      )}
    </>
  );
}
