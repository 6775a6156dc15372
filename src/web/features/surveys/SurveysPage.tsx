import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { useSession } from '../auth/session';
import { AnalyseTabs } from './AnalyseTabs';
import { NewSurveyDialog } from './NewSurveyDialog';
import { surveysQuery } from './surveys.api';

const AUDIENCE = { pupil: 'Pupils', staff: 'Staff', parent: 'Parents' } as const;
const MANAGERS = ['trust_admin', 'improvement_lead', 'school_leader', 'data_manager'];

/** Every survey the reader may see, newest first, with how many responses each holds. */
export function SurveysPage() {
  const surveys = useQuery(surveysQuery);
  const { roles } = useSession();
  const [creating, setCreating] = useState(false);
  const canCreate = roles.some((r) => MANAGERS.includes(r.role));
  const trustWide = roles.some(
    (r) => (r.role === 'trust_admin' || r.role === 'improvement_lead') && !r.schoolId,
  );
  return (
    <>
      <PageHeader
        title="Analyse"
        description="What pupils, staff and parents told you in surveys, by school and by group, with small groups kept hidden."
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New survey
            </Button>
          )
        }
      />
      <AnalyseTabs />
      {surveys.error ? (
        <ErrorState error={surveys.error} onRetry={() => surveys.refetch()} />
      ) : !surveys.data ? (
        <PageLoader label="Loading surveys…" />
      ) : surveys.data.length === 0 ? (
        <Paper p="xl" maw={720}>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              No surveys yet
            </Title>
            <Text>
              Run your survey in Microsoft Forms or Google Forms as usual. Then create the survey here and
              import the export file: the results appear as charts, by school and by pupil group.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper p="md">
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label="Surveys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Survey</Table.Th>
                  <Table.Th>Who answered</Table.Th>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>Year</Table.Th>
                  <Table.Th ta="right">Responses</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {surveys.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/analyse/surveys/${s.id}`} fw={600}>
                        {s.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{AUDIENCE[s.audience]}</Badge>
                    </Table.Td>
                    <Table.Td>{s.schoolName ?? 'Whole trust'}</Table.Td>
                    <Table.Td>{s.academicYear}</Table.Td>
                    <Table.Td ta="right">{s.responses}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && <NewSurveyDialog opened onClose={() => setCreating(false)} trustWide={trustWide} />}
    </>
  );
}
