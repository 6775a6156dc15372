import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { coverage } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { Crumbs } from '../../app/Crumbs';
import { plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { componentsQuery } from '../frameworks/frameworks.api';
import { DistributionBar } from './DistributionBar';
import { coverageQuery } from './evaluation.api';
import { useRoundScales } from './use-round-scales';

type Component = z.infer<typeof coverage>['components'][number];

function FrameworkTable({
  name,
  components,
  scale,
}: {
  name: string;
  components: Component[];
  scale: Scale | undefined;
}) {
  const uncovered = components.filter((c) => c.statements === 0).length;
  const hasStrands = components.some((c) => c.strand);
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={name}>
      <Title order={2} fz="lg" mb={4}>
        {name}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {plural(components.length, 'component')}
        {uncovered > 0
          ? `, ${uncovered} not covered by any statement in this round’s tools`
          : ', every one covered'}
        .
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" captionSide="top">
          <Table.Caption ta="left" c="dimmed" mb="xs">
            Statements tagged with each component, and their agreed judgements this round
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Component</Table.Th>
              {hasStrands && <Table.Th scope="col">Strand</Table.Th>}
              <Table.Th scope="col" ta="right">
                Statements
              </Table.Th>
              <Table.Th scope="col" w="38%">
                Agreed judgements
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {components.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Th scope="row" fw={500}>
                  {c.label}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.code}
                  </Text>
                </Table.Th>
                {hasStrands && <Table.Td>{c.strand ?? ''}</Table.Td>}
                <Table.Td ta="right">{c.statements}</Table.Td>
                <Table.Td>
                  {c.statements === 0 ? (
                    <Group gap={4} wrap="nowrap" c="#8a3b00">
                      <IconAlertTriangle size={16} aria-hidden />
                      <Text size="sm" fw={600} c="#8a3b00">
                        Not covered
                      </Text>
                    </Group>
                  ) : (
                    <DistributionBar distribution={c.distribution} scale={scale} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function CoveragePage() {
  const roundId = useParams().roundId ?? '';
  const report = useQuery(coverageQuery(roundId));
  const { round, common } = useRoundScales(roundId);
  const frameworks = new Map<string, Component[]>();
  for (const c of report.data?.components ?? []) {
    frameworks.set(c.framework, [...(frameworks.get(c.framework) ?? []), c]);
  }
  // Coverage names each framework by its key; the component list carries the full names.
  const components = useQuery(componentsQuery);
  const nameOf = new Map((components.data ?? []).map((c) => [c.framework, c.frameworkName]));

  return (
    <>
      <PageHeader
        above={
          <Crumbs
            items={[
              { label: 'Self-evaluation', to: '/evaluate' },
              { label: round.data?.name ?? 'Round', to: `/evaluate/rounds/${roundId}` },
              { label: 'Coverage' },
            ]}
          />
        }
        title={round.data ? `Coverage: ${round.data.name}` : 'Coverage'}
        description="How well this round’s tools cover the CST model of trust-led improvement and Ofsted’s evaluation areas, and how the statements on each were judged."
      />
      {report.isPending && <PageLoader label="Loading coverage…" />}
      {report.error && <ErrorState error={report.error} onRetry={() => report.refetch()} />}
      {report.data && report.data.components.length === 0 && (
        <Paper p="lg">
          <Text>
            No framework components are set up yet. Adding the starter library in the tool library adds them.
          </Text>
        </Paper>
      )}
      <Stack gap="lg">
        {[...frameworks].map(([framework, list]) => (
          <FrameworkTable
            key={framework}
            name={nameOf.get(framework) ?? framework}
            components={list}
            scale={common}
          />
        ))}
      </Stack>
    </>
  );
}
