import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PlanOverview } from '../../../shared/contracts/planning';
import { plural } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { PhaseBar } from './PhaseBar';
import { periodText } from './plan-dates';

type PlanRow = PlanOverview['plans'][number];

export const placeOf = (p: Pick<PlanRow, 'schoolName' | 'departmentName'>) =>
  p.departmentName ? `${p.schoolName} – ${p.departmentName}` : (p.schoolName ?? 'Whole trust');

export function PlansTable({ plans }: { plans: PlanRow[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" horizontalSpacing="md" captionSide="top">
        <Table.Caption ta="left" c="dimmed" mb="xs">
          {plural(plans.length, 'plan')}. Choose a title to open the plan.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Plan</Table.Th>
            <Table.Th scope="col">For</Table.Th>
            <Table.Th scope="col">Period</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col" w={220}>
              Active priorities by phase
            </Table.Th>
            <Table.Th scope="col">Overdue checks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={600}>
                <Anchor component={Link} to={`/plan/${p.id}`} fw={600}>
                  {p.title}
                </Anchor>
                {p.stopped > 0 && (
                  <Text size="sm" c="dimmed" fw={400}>
                    {plural(p.stopped, 'priority', 'priorities')} stopped
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{placeOf(p)}</Table.Td>
              <Table.Td>{periodText(p.periodStart, p.periodEnd)}</Table.Td>
              <Table.Td>{p.ownerName ?? 'Not named'}</Table.Td>
              <Table.Td>
                <PhaseBar byPhase={p.byPhase} />
              </Table.Td>
              <Table.Td>
                {p.overdueChecks > 0 ? (
                  <StatusBadge label={`${p.overdueChecks} overdue`} tone="yellow" size="sm" />
                ) : (
                  'None'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
