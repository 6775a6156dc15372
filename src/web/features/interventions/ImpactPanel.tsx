import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ImpactFigures } from '../../../shared/contracts/analysis';
import type { InterventionImpactView } from '../../../shared/contracts/interventions';
import { ErrorState, PageLoader } from '../../app/states';
import { type EffectRow, EffectSizeChart } from './EffectSizeChart';
import { impactQuery } from './interventions.api';

const two = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));
const one = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));

function FiguresTable({ groups }: { groups: [string, ImpactFigures][] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Group</Table.Th>
            <Table.Th scope="col">Pupils (intervention / comparison)</Table.Th>
            <Table.Th scope="col">Baseline mean</Table.Th>
            <Table.Th scope="col">Outcome mean</Table.Th>
            <Table.Th scope="col">Effect size (95% CI)</Table.Th>
            <Table.Th scope="col">Months of progress</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map(([label, f]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>
                {f.n.intervention} / {f.n.comparison ?? '–'}
              </Table.Td>
              <Table.Td>
                {one(f.groups.intervention.preMean)} / {one(f.groups.comparison?.preMean)}
              </Table.Td>
              <Table.Td>
                {one(f.groups.intervention.postMean)} / {one(f.groups.comparison?.postMean)}
              </Table.Td>
              <Table.Td>
                {f.effect ? `${two(f.effect.d)} (${two(f.effect.ci[0])} to ${two(f.effect.ci[1])})` : '–'}
              </Table.Td>
              <Table.Td>{f.months ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The figures, chart and caveats of one evaluation; used on the intervention page and the priority page. */
export function ImpactFiguresView({
  impact,
  compact = false,
}: {
  impact: InterventionImpactView;
  compact?: boolean;
}) {
  if (impact.unavailable) return <Text c="dimmed">{impact.unavailable}</Text>;
  if (impact.suppressed || !impact.overall)
    return (
      <Text c="dimmed">
        Fewer than {impact.suppressionThreshold} pupils in a group, so the figures are not shown to protect
        their privacy.
      </Text>
    );
  const groups: [string, ImpactFigures][] = [['All pupils', impact.overall]];
  if (impact.disadvantaged) groups.push(['Disadvantaged pupils', impact.disadvantaged]);
  const rows: EffectRow[] = groups.flatMap(([label, f]) =>
    f.effect ? [{ label, d: f.effect.d, ci: [f.effect.ci[0], f.effect.ci[1]] as [number, number] }] : [],
  );
  const caveats = [...impact.overall.caveats, ...impact.notes];
  return (
    <Stack gap="sm">
      <Text fw={500}>{impact.overall.reading}</Text>
      {impact.disadvantaged && !compact && (
        <Text size="sm">Disadvantaged pupils: {impact.disadvantaged.reading}</Text>
      )}
      {rows.length > 0 && <EffectSizeChart rows={rows} />}
      {!compact && <FiguresTable groups={groups} />}
      {caveats.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title="Read with care"
          styles={{ title: { color: '#7a4800' }, icon: { color: '#7a4800' } }}
        >
          <List size="sm" spacing={4}>
            {caveats.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

export function ImpactPanel({ interventionId }: { interventionId: string }) {
  const impact = useQuery(impactQuery(interventionId));
  return (
    <Paper p="lg" withBorder component="section" aria-labelledby="impact-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="impact-heading">
            Did it work?
          </Title>
          {impact.data && (
            <Badge variant="outline" color="gray.8" tt="none" radius="sm">
              {impact.data.comparison === 'matched'
                ? 'Compared with matched pupils (same baseline and disadvantage)'
                : 'Compared with the rest of the year group'}
            </Badge>
          )}
        </Group>
        {impact.data?.outcomeAssessment && (
          <Text size="sm" c="dimmed">
            {impact.data.baselineAssessment ? `Baseline: ${impact.data.baselineAssessment.name}. ` : ''}
            Outcome: {impact.data.outcomeAssessment.name}.
          </Text>
        )}
        {impact.isPending ? (
          <PageLoader label="Working out the impact…" />
        ) : impact.isError ? (
          <ErrorState error={impact.error} onRetry={() => impact.refetch()} thing="evaluation" />
        ) : (
          <ImpactFiguresView impact={impact.data} />
        )}
      </Stack>
    </Paper>
  );
}
