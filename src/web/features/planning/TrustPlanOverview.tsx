import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PlanOverview } from '../../../shared/contracts/planning';
import { StatusBadge } from '../../app/StatusBadge';
import { PhaseBar, PhaseKey } from './PhaseBar';

type SchoolLine = { school: string; byPhase: Record<string, number>; overdueChecks: number; plans: number };

/** Plans added up by school: one line per school, trust-wide plans on a line of their own. */
export function bySchool(plans: PlanOverview['plans']): SchoolLine[] {
  const lines = new Map<string, SchoolLine>();
  for (const p of plans) {
    const school = p.schoolName ?? 'Whole trust';
    const line = lines.get(school) ?? { school, byPhase: {}, overdueChecks: 0, plans: 0 };
    for (const [phase, n] of Object.entries(p.byPhase)) line.byPhase[phase] = (line.byPhase[phase] ?? 0) + n;
    line.overdueChecks += p.overdueChecks;
    line.plans += 1;
    lines.set(school, line);
  }
  return [...lines.values()].sort((a, b) => a.school.localeCompare(b.school));
}

/** Across the trust: where each school's priorities are in the EEF phases, and which checks are late. */
export function TrustPlanOverview({ plans }: { plans: PlanOverview['plans'] }) {
  const lines = bySchool(plans);
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="trust-plans-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="trust-plans-heading">
          Across the trust
        </Title>
        <Text size="sm" c="dimmed">
          Active priorities in each school by EEF phase, and impact checks whose date has passed without
          findings. A school with many late checks may need support rather than more priorities.
        </Text>
        <PhaseKey />
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">School</Table.Th>
                <Table.Th scope="col" w="45%">
                  Active priorities by phase
                </Table.Th>
                <Table.Th scope="col">Overdue checks</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.school}>
                  <Table.Th scope="row" fw={600}>
                    {l.school}
                  </Table.Th>
                  <Table.Td>
                    <PhaseBar byPhase={l.byPhase} />
                  </Table.Td>
                  <Table.Td>
                    {l.overdueChecks > 0 ? (
                      <StatusBadge label={`${l.overdueChecks} overdue`} tone="yellow" size="sm" />
                    ) : (
                      'None'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
