import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { phaseLabels, type School } from '../../../shared/contracts/org';
import { formatDate } from '../../app/format';
import { SchoolStatusBadge } from './SchoolStatusBadge';

/** The schools list on a narrow screen: one card per school instead of a wide table. */
export function SchoolCards({ schools }: { schools: readonly School[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0}>
      {schools.map((s) => (
        <Paper component="li" key={s.id} p="md" style={{ listStyle: 'none' }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={`/schools/${s.id}`} fw={600}>
              {s.name}
            </Anchor>
            <SchoolStatusBadge status={s.status} />
          </Group>
          <Text size="sm" mt={4}>
            {phaseLabels[s.phase]} · {s.localAuthority} · URN {s.urn}
          </Text>
          <Text size="sm" c="dimmed">
            {s.departmentCount} {s.departmentCount === 1 ? 'department' : 'departments'}
            {s.joinedTrustOn ? ` · joined ${formatDate(s.joinedTrustOn)}` : ''}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
