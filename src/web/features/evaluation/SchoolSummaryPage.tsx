import { Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { EvaluationSummary } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { Crumbs } from '../../app/Crumbs';
import { formatDate, plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { schoolQuery } from '../schools/schools.api';
import { DistributionBar } from './DistributionBar';
import { summaryQuery } from './evaluation.api';
import { progressText, subjectStatusText } from './evaluation-text';
import classes from './SchoolSummaryPage.module.css';
import { useRoundScales } from './use-round-scales';

type ToolSummary = EvaluationSummary['tools'][number];

function changeText(a: { up: number; down: number; same: number }): string {
  if (a.up + a.down + a.same === 0) return 'Nothing to compare yet';
  return `${a.up} up, ${a.down} down, ${a.same} the same`;
}

function ToolSection({
  tool,
  scale,
  hasPrevious,
}: {
  tool: ToolSummary;
  scale: Scale | undefined;
  hasPrevious: boolean;
}) {
  const headingId = `summary-${tool.subjectId}`;
  const left = tool.aspects.flatMap((a) => a.leftForNextTime);
  return (
    <Paper p="lg" component="section" aria-labelledby={headingId} className={classes.section}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} fz="lg" id={headingId}>
            {tool.toolName}
            {tool.departmentName ? ` – ${tool.departmentName}` : ''}
          </Title>
          <Text size="sm">{progressText(tool.progress)}</Text>
        </div>
        <StatusBadge {...subjectStatusText[tool.status]} size="sm" />
      </Group>
      <Table verticalSpacing="xs" captionSide="top" className={classes.table} layout="fixed">
        <Table.Caption ta="left" c="dimmed">
          Judgements by aspect
          {tool.status === 'agreed' ? ' (agreed)' : ' (agreed where agreed, otherwise the school’s own)'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="30%">
              Aspect
            </Table.Th>
            <Table.Th scope="col" w="45%">
              Judgements
            </Table.Th>
            {hasPrevious && (
              <Table.Th scope="col" w="25%">
                Change since last round
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tool.aspects.map((a) => (
            <Table.Tr key={a.title}>
              <Table.Th scope="row" fw={500}>
                {a.title}
              </Table.Th>
              <Table.Td>
                <DistributionBar distribution={a.distribution} scale={scale} />
              </Table.Td>
              {hasPrevious && <Table.Td>{changeText(a)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} fz="md" mt="md" mb={4}>
        Left until next time
      </Title>
      {left.length === 0 ? (
        <Text size="sm">Nothing: every statement was judged.</Text>
      ) : (
        <List size="sm" spacing={4}>
          {left.map((l) => (
            <List.Item key={l.code}>
              <Text span ff="monospace" size="xs" mr={6}>
                {l.code}
              </Text>
              {l.text}
              {l.note && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  – {l.note}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** A school's self-evaluation on one page, made to print on A4. */
export function SchoolSummaryPage() {
  const { roundId = '', schoolId = '' } = useParams();
  const summary = useQuery(summaryQuery(roundId, schoolId));
  const school = useQuery(schoolQuery(schoolId));
  const { bySubject } = useRoundScales(roundId);
  const schoolName = school.data?.name ?? 'School';
  const title = summary.data ? `${schoolName}: ${summary.data.round.name}` : 'Self-evaluation summary';

  return (
    <div className={classes.page}>
      <PageHeader
        above={
          <Crumbs
            className={classes.noPrint}
            items={[
              { label: 'Self-evaluation', to: '/evaluate' },
              { label: summary.data?.round.name ?? 'Round', to: `/evaluate/rounds/${roundId}` },
              { label: schoolName },
            ]}
          />
        }
        title={title}
        description={
          summary.data
            ? `Self-evaluation summary for the round open from ${formatDate(summary.data.round.opensOn)} to ${formatDate(summary.data.round.closesOn)}.`
            : undefined
        }
        actions={
          <Button
            className={classes.noPrint}
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            Print
          </Button>
        }
      />
      {summary.isPending && <PageLoader label="Loading the summary…" />}
      {summary.error && <ErrorState error={summary.error} onRetry={() => summary.refetch()} />}
      {summary.data && summary.data.tools.length === 0 && (
        <Paper p="lg">
          <Text>There is nothing for this school in this round that you can see yet.</Text>
        </Paper>
      )}
      {summary.data && summary.data.tools.length > 0 && (
        <Stack gap="lg">
          <Text size="sm">
            {plural(summary.data.tools.length, 'evaluation')}.{' '}
            {summary.data.previousRoundId
              ? 'Change compares agreed judgements with the previous round’s.'
              : 'This is the first round, so there is no change to show yet.'}
          </Text>
          {summary.data.tools.map((t) => (
            <ToolSection
              key={t.subjectId}
              tool={t}
              scale={bySubject.get(t.subjectId)}
              hasPrevious={summary.data.previousRoundId !== null}
            />
          ))}
        </Stack>
      )}
    </div>
  );
}
