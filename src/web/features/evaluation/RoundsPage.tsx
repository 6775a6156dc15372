import { Anchor, Button, EmptyState, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconBooks, IconClipboardCheck, IconGridDots, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Round } from '../../../shared/contracts/evaluation';
import { formatDate, plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { roundsQuery } from './evaluation.api';
import { cycleLabels, roundStatusText } from './evaluation-text';

/** Open rounds first, then the most recent. */
export const byCurrentFirst = (a: Round, b: Round) =>
  (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || b.opensOn.localeCompare(a.opensOn);

function CurrentRound({ round }: { round: Round }) {
  return (
    <Paper p="lg" component="section" aria-labelledby="current-round">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <Text size="sm" c="dimmed" fw={600}>
            Current round
          </Text>
          <Title order={2} fz="h3" id="current-round">
            {round.name}
          </Title>
          <Text size="sm" mt={4}>
            Open from {formatDate(round.opensOn)} to {formatDate(round.closesOn)} ·{' '}
            {plural(round.subjectCount, 'evaluation')}
          </Text>
        </div>
        <Group gap="sm">
          <Button component={Link} to={`/evaluate/rounds/${round.id}`}>
            Open the round
          </Button>
          <Button
            component={Link}
            to={`/evaluate/rounds/${round.id}/heatmap`}
            variant="default"
            leftSection={<IconGridDots size={16} aria-hidden />}
          >
            Heatmap
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function RoundsTable({ rounds }: { rounds: Round[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover captionSide="top">
        <Table.Caption ta="left" c="dimmed" mb="xs">
          {plural(rounds.length, 'round')}, current first. Choose a name to see each school’s progress.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Round</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Opens</Table.Th>
            <Table.Th scope="col">Closes</Table.Th>
            <Table.Th scope="col">Cycle</Table.Th>
            <Table.Th scope="col" ta="right">
              Evaluations
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/evaluate/rounds/${r.id}`} fw={600}>
                  {r.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <StatusBadge {...roundStatusText[r.status]} size="sm" />
              </Table.Td>
              <Table.Td>{formatDate(r.opensOn)}</Table.Td>
              <Table.Td>{formatDate(r.closesOn)}</Table.Td>
              <Table.Td>{cycleLabels[r.cycle]}</Table.Td>
              <Table.Td ta="right">{r.subjectCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RoundsPage() {
  const permissions = usePermissions();
  const rounds = useQuery(roundsQuery);
  const sorted = [...(rounds.data ?? [])].sort(byCurrentFirst);
  const current = sorted[0]?.status === 'open' ? sorted[0] : undefined;

  return (
    <>
      <PageHeader
        title="Self-evaluation"
        description="Each round, schools judge themselves against the trust’s evaluation tools, then agree the judgements with their liaison."
        actions={
          <>
            <Button
              component={Link}
              to="/evaluate/tools"
              variant="default"
              leftSection={<IconBooks size={16} aria-hidden />}
            >
              Tool library
            </Button>
            {permissions.canManageRounds && (
              <Button
                component={Link}
                to="/evaluate/rounds/new"
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                Start a round
              </Button>
            )}
          </>
        }
      />
      {rounds.isPending && <PageLoader label="Loading rounds…" />}
      {rounds.error && <ErrorState error={rounds.error} onRetry={() => rounds.refetch()} />}
      {rounds.data && sorted.length === 0 && (
        <Paper p="xl">
          <EmptyState
            icon={<IconClipboardCheck size={32} aria-hidden />}
            withIndicatorBackground
            title="No rounds yet"
            description={
              permissions.canManageRounds
                ? 'Start your first evaluation round: choose the tools, the schools taking part and each school’s liaison. Schools can then begin their self-evaluation.'
                : 'When the trust starts an evaluation round, your school’s self-evaluation will appear here.'
            }
          >
            {permissions.canManageRounds && (
              <EmptyState.Actions>
                <Button component={Link} to="/evaluate/rounds/new">
                  Start your first evaluation round
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}
      {sorted.length > 0 && (
        <Stack gap="xl">
          {current && <CurrentRound round={current} />}
          <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="all-rounds">
            <Title order={2} fz="lg" mb="xs" id="all-rounds">
              All rounds
            </Title>
            <RoundsTable rounds={sorted} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
