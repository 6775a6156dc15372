import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { phaseLabels, phases } from '../../../shared/contracts/planning';
import type { BoardDashboard } from '../../../shared/contracts/reports';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { boardDashboardQuery } from './reports.api';

type Gap = BoardDashboard['gaps'][number];
const TREND: Record<Gap['trend'], { label: string; color: string }> = {
  narrower: { label: 'Narrower', color: 'teal' },
  wider: { label: 'Wider', color: 'red' },
  similar: { label: 'No clear change', color: 'gray' },
  no_earlier_data: { label: 'First assessment', color: 'gray' },
  hidden: { label: 'Hidden: small group', color: 'gray' },
};

function Tile({
  title,
  link,
  linkLabel,
  children,
}: {
  title: string;
  link: string;
  linkLabel: string;
  children: ReactNode;
}) {
  const id = `tile-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm" h="100%">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        <div style={{ flex: 1 }}>{children}</div>
        <Anchor component={Link} to={link} size="sm" fw={600}>
          {linkLabel} →
        </Anchor>
      </Stack>
    </Paper>
  );
}

const num = (v: number | null, dp = 1) => (v === null ? 'hidden' : v.toFixed(dp));

function Trajectories({ d }: { d: BoardDashboard }) {
  return (
    <Table fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">School</Table.Th>
          <Table.Th scope="col">Joined</Table.Th>
          <Table.Th scope="col">Outcomes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.trajectories.map((t) => (
          <Table.Tr key={t.schoolId}>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={`/schools/${t.schoolId}`}>
                {t.schoolName}
              </Anchor>
            </Table.Th>
            <Table.Td>{formatDate(t.joinedOn)}</Table.Td>
            <Table.Td>
              <Text size="sm">{t.measure}</Text>
              <Text size="sm" c="dimmed">
                {t.points.length
                  ? t.points.map((p) => `${p.label}: ${num(p.value)}`).join('; ')
                  : 'No results yet'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Gaps({ d }: { d: BoardDashboard }) {
  if (!d.gaps.length) return <Text c="dimmed">No assessment results have been imported yet.</Text>;
  return (
    <Stack gap="sm">
      {d.gaps.map((g) => (
        <div key={g.assessmentId}>
          <Group justify="space-between" gap="xs">
            <Text fw={600} size="sm">
              {g.assessmentName}
            </Text>
            {/* Filled in a dark shade: the light variant's text falls short of 4.5:1 contrast. */}
            <Badge variant="filled" color={`${TREND[g.trend].color}.9`}>
              {TREND[g.trend].label}
            </Badge>
          </Group>
          <Text size="sm">
            Gap: {num(g.gap)}
            {g.previousGap !== null ? ` (was ${num(g.previousGap)})` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {g.reading}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function Heatmap({ d }: { d: BoardDashboard }) {
  const h = d.heatmap;
  if (!h) return <Text c="dimmed">No evaluation round yet.</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">Agreed judgements, {h.roundName} round.</Text>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">School</Table.Th>
            <Table.Th scope="col">Secure or better</Table.Th>
            <Table.Th scope="col">Average</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {h.schools.map((s) => (
            <Table.Tr key={s.schoolId ?? 'trust'}>
              <Table.Th scope="row" fw={500}>
                {s.label}
              </Table.Th>
              <Table.Td>
                {s.secureOrBetter} of {s.judged}
              </Table.Td>
              <Table.Td>{num(s.mean)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {h.commonWeaknesses.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Weaknesses shared by several schools
          </Text>
          <List size="sm" spacing={2}>
            {h.commonWeaknesses.map((w) => (
              <List.Item key={w.code}>
                {w.code}: {w.text}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

export function BoardDashboardPage() {
  const q = useQuery(boardDashboardQuery);
  const d = q.data;
  return (
    <>
      <PageHeader
        title="Trust board"
        description="The trust at a glance for governors and trustees: outcomes since each school joined, gaps between groups of pupils, self-evaluation and the progress of improvement plans. Small groups are hidden, as in every board report."
        actions={
          <Button
            component={Link}
            to="/reports?report=board"
            leftSection={<IconFileText size={16} aria-hidden />}
          >
            Board report
          </Button>
        }
      />
      {q.isPending && <PageLoader label="Loading the board dashboard…" />}
      {q.error && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Tile title="Schools since joining" link="/" linkLabel="All schools">
            <Trajectories d={d} />
          </Tile>
          <Tile title="Headline gaps" link="/analyse" linkLabel="Analyse the gaps">
            <Gaps d={d} />
          </Tile>
          <Tile
            title="Self-evaluation"
            link={d.heatmap ? `/evaluate/rounds/${d.heatmap.roundId}/heatmap` : '/evaluate'}
            linkLabel="Open the heatmap"
          >
            <Heatmap d={d} />
          </Tile>
          <Tile title="Plans by EEF phase" link="/plan" linkLabel="Open the plans">
            {d.plans === 0 ? (
              <Text c="dimmed">No improvement plans yet.</Text>
            ) : (
              <SimpleGrid cols={4}>
                {phases.map((p) => (
                  <div key={p}>
                    <Text size="xl" fw={700}>
                      {d.plansByPhase[p] ?? 0}
                    </Text>
                    <Text size="sm">{phaseLabels[p]}</Text>
                  </div>
                ))}
              </SimpleGrid>
            )}
          </Tile>
          <Tile title="Overdue checks" link="/monitor" linkLabel="Open monitoring">
            {d.overdueChecks.length === 0 ? (
              <Text c="dimmed">No impact checks are overdue.</Text>
            ) : (
              <List spacing={4} size="sm">
                {d.overdueChecks.map((o) => (
                  <List.Item key={o.planId}>
                    <Anchor component={Link} to={`/plan/${o.planId}`}>
                      {o.planTitle}
                    </Anchor>
                    {o.schoolName ? ` (${o.schoolName})` : ''}: {o.overdue} overdue
                  </List.Item>
                ))}
              </List>
            )}
          </Tile>
          <Tile title="Stopped to make room" link="/plan" linkLabel="The de-implementation register">
            {d.deimplemented.length === 0 ? (
              <Text c="dimmed">Nothing has been stopped yet.</Text>
            ) : (
              <List spacing={4} size="sm">
                {d.deimplemented.map((x) => (
                  <List.Item key={x.priorityId}>
                    <Anchor component={Link} to={`/plan/${x.planId}`}>
                      {x.title}
                    </Anchor>
                    {x.schoolName ? ` (${x.schoolName})` : ''}, {formatDate(x.stoppedOn)}: {x.reason}
                  </List.Item>
                ))}
              </List>
            )}
          </Tile>
        </SimpleGrid>
      )}
    </>
  );
}
