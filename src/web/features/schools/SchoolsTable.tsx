import { Anchor, Box, Table } from '@mantine/core';
import { Link } from 'react-router';
import { phaseLabels, type School } from '../../../shared/contracts/org';
import { formatDate } from '../../app/format';
import { SchoolCards } from './SchoolCards';
import { SchoolStatusBadge } from './SchoolStatusBadge';

type Props = { schools: readonly School[]; caption: string };

export function SchoolsTable({ schools, caption }: Props) {
  return (
    <>
      <Box hiddenFrom="sm">
        <SchoolCards schools={schools} />
      </Box>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover captionSide="top">
            <Table.Caption ta="left" c="dimmed" mb="xs">
              {caption}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">School</Table.Th>
                <Table.Th scope="col">Phase</Table.Th>
                <Table.Th scope="col">URN</Table.Th>
                <Table.Th scope="col">Local authority</Table.Th>
                <Table.Th scope="col">Joined the trust</Table.Th>
                <Table.Th scope="col" ta="right">
                  Departments
                </Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.map((school) => (
                <Table.Tr key={school.id}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={`/schools/${school.id}`} fw={600}>
                      {school.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{phaseLabels[school.phase]}</Table.Td>
                  <Table.Td ff="monospace">{school.urn}</Table.Td>
                  <Table.Td>{school.localAuthority}</Table.Td>
                  <Table.Td>{formatDate(school.joinedTrustOn) || 'Not recorded'}</Table.Td>
                  <Table.Td ta="right">{school.departmentCount}</Table.Td>
                  <Table.Td>
                    <SchoolStatusBadge status={school.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}
