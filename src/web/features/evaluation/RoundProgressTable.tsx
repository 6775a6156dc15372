import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RoundSubject } from '../../../shared/contracts/evaluation';
import { plural } from '../../app/format';
import { StatusBadge } from '../../app/StatusBadge';
import { subjectLabel, subjectStatusText } from './evaluation-text';
import { ProgressSummary } from './ProgressSummary';

const order = (a: RoundSubject, b: RoundSubject) =>
  subjectLabel(a).localeCompare(subjectLabel(b)) || a.toolName.localeCompare(b.toolName);

/** Every evaluation in the round: who is evaluating, with which tool, how far they have got. */
export function RoundProgressTable({ subjects }: { subjects: RoundSubject[] }) {
  const sorted = [...subjects].sort(order);
  const agreed = subjects.filter((s) => s.status === 'agreed').length;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover captionSide="top">
        <Table.Caption ta="left" c="dimmed" mb="xs">
          {plural(subjects.length, 'evaluation')}, {agreed} agreed. Choose a name to open the evaluation.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Evaluation</Table.Th>
            <Table.Th scope="col">Tool</Table.Th>
            <Table.Th scope="col">Progress</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Liaison</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((s) => {
            const label = subjectLabel(s);
            return (
              <Table.Tr key={s.id}>
                <Table.Th scope="row">
                  <Anchor
                    component={Link}
                    to={`/evaluate/evaluations/${s.id}`}
                    fw={600}
                    aria-label={`${label}: ${s.toolName}`}
                  >
                    {label}
                  </Anchor>
                </Table.Th>
                <Table.Td>{s.toolName}</Table.Td>
                <Table.Td>
                  <ProgressSummary progress={s.progress} size="sm" showAgreed={s.status !== 'draft'} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge {...subjectStatusText[s.status]} size="sm" />
                </Table.Td>
                <Table.Td>
                  {s.liaisonName ?? (
                    <Text span c="dimmed" size="sm">
                      Not yet chosen
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
