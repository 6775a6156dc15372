import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Breakdown, breakdowns, type SurveyDetail } from '../../../shared/contracts/surveys';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { notifyError, notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { QuestionCard } from './QuestionCard';
import { QuestionLinks } from './QuestionLinks';
import { SurveyImportDialog } from './SurveyImportDialog';
import { deleteSurveyImport, surveyQuery, surveyResultsQuery } from './surveys.api';

const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  none: 'Everyone together',
  school: 'By school',
  yearGroup: 'By year group',
  disadvantaged: 'Disadvantaged and others',
  sen: 'SEN and others',
  eal: 'EAL and others',
  sex: 'Girls and boys',
};
const isBreakdown = (v: string | null): v is Breakdown => (breakdowns as readonly string[]).includes(v ?? '');

function Results({ detail, breakdown }: { detail: SurveyDetail; breakdown: Breakdown }) {
  const results = useQuery(surveyResultsQuery(detail.survey.id, breakdown));
  if (results.error) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  if (!results.data) return <PageLoader label="Working out the results…" />;
  const { questions, suppressionThreshold: n, respondents } = results.data;
  if (questions.length === 0)
    return (
      <Paper p="lg">
        <Text>
          No responses yet. Import the export file from Microsoft Forms or Google Forms to see the results.
        </Text>
      </Paper>
    );
  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        {respondents === null ? `Fewer than ${n} people` : `${respondents} people`} responded in the schools
        you can see. Any group of fewer than {n} respondents is hidden from everyone, and so is the
        next-smallest group when only one would be hidden, so that it cannot be worked out from the total.
        Written answers are never split by group.
      </Alert>
      {questions.map((q, i) => (
        <QuestionCard key={q.questionId} q={q} threshold={n} number={i + 1} />
      ))}
    </Stack>
  );
}

function Imports({ detail }: { detail: SurveyDetail }) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<string | null>(null);
  const committed = detail.imports.filter((i) => i.status === 'committed');
  if (committed.length === 0) return null;
  const remove = async () => {
    if (!deleting) return;
    try {
      await deleteSurveyImport(deleting);
      notifySuccess('The import and its responses were removed.');
      await queryClient.invalidateQueries({ queryKey: ['surveys'] });
    } catch (err) {
      notifyError(err);
    } finally {
      setDeleting(null);
    }
  };
  return (
    <Paper p="lg" component="section" aria-labelledby="imports-heading">
      <Title order={2} fz="md" id="imports-heading" mb="sm">
        Imported files
      </Title>
      <Table aria-label="Imported files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Imported</Table.Th>
            <Table.Th ta="right">Responses</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {committed.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.filename}</Table.Td>
              <Table.Td>{new Date(i.createdAt).toLocaleDateString('en-GB')}</Table.Td>
              <Table.Td ta="right">{i.rowsAccepted}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(i.id)}>
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmDialog
        opened={deleting !== null}
        title="Remove this import?"
        confirmLabel="Remove import"
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      >
        Its responses are removed from the results. Other imports are not affected.
      </ConfirmDialog>
    </Paper>
  );
}

/** A survey's results: each question's answers as stacked bars, by the chosen breakdown. */
export function SurveyPage() {
  const { surveyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useQuery(surveyQuery(surveyId));
  const [importing, setImporting] = useState(false);
  const chosen = params.get('by');
  const breakdown: Breakdown = isBreakdown(chosen) ? chosen : 'none';
  const data = detail.data;
  const options = breakdowns
    .filter((b) => data?.survey.audience === 'pupil' || b === 'none' || b === 'school')
    .filter((b) => b !== 'school' || data?.survey.schoolId === null)
    .map((b) => ({ value: b, label: BREAKDOWN_LABELS[b] }));
  return (
    <>
      <PageHeader
        title={data?.survey.title ?? 'Survey'}
        above={
          <Anchor component={Link} to="/analyse/surveys" size="sm">
            ← All surveys
          </Anchor>
        }
        description={
          data &&
          `${data.survey.audience === 'pupil' ? 'Pupil' : data.survey.audience === 'staff' ? 'Staff' : 'Parent'} survey, ${data.survey.schoolName ?? 'whole trust'}, ${data.survey.academicYear}.`
        }
        actions={
          data?.survey.canImport && (
            <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setImporting(true)}>
              Import responses
            </Button>
          )
        }
      />
      {detail.error ? (
        <ErrorState error={detail.error} thing="survey" />
      ) : !data ? (
        <PageLoader label="Loading the survey…" />
      ) : (
        <Stack gap="lg">
          <Group>
            <Select
              label="Show"
              data={options}
              value={breakdown}
              allowDeselect={false}
              w={280}
              onChange={(v) => {
                const next = new URLSearchParams(params);
                next.set('by', v ?? 'none');
                setParams(next, { replace: true });
              }}
            />
          </Group>
          <Results detail={data} breakdown={breakdown} />
          <Imports detail={data} />
          {data.survey.canEdit && <QuestionLinks detail={data} />}
          {importing && (
            <SurveyImportDialog survey={data.survey} opened onClose={() => setImporting(false)} />
          )}
        </Stack>
      )}
    </>
  );
}
