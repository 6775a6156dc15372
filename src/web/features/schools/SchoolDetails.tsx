import { Group, Paper, Pill, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { phaseLabels, type SchoolDetail } from '../../../shared/contracts/org';
import { formatDate } from '../../app/format';
import { SchoolStatusBadge } from './SchoolStatusBadge';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

export function SchoolDetails({ school }: { school: SchoolDetail }) {
  return (
    <Stack gap="lg">
      <Paper component="section" p="lg" aria-labelledby="about-heading">
        <Title order={2} id="about-heading" fz="lg" mb="md">
          About this school
        </Title>
        <SimpleGrid component="dl" cols={2} spacing="md" verticalSpacing="md" m={0}>
          <Fact term="URN">{school.urn}</Fact>
          <Fact term="Phase">{phaseLabels[school.phase]}</Fact>
          <Fact term="Local authority">{school.localAuthority}</Fact>
          <Fact term="Joined the trust">{formatDate(school.joinedTrustOn) || 'Not recorded'}</Fact>
          <Fact term="Status">
            <SchoolStatusBadge status={school.status} />
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper component="section" p="lg" aria-labelledby="year-groups-heading">
        <Title order={2} id="year-groups-heading" fz="lg" mb={4}>
          Year groups
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Set from the school's phase when it joined the platform.
        </Text>
        {school.yearGroups.length === 0 ? (
          <Text size="sm">No year groups are recorded for this school yet.</Text>
        ) : (
          <Group gap={8} component="ul" p={0} m={0} aria-label="Year groups">
            {school.yearGroups.map((y) => (
              <li key={y.id} style={{ listStyle: 'none' }}>
                <Pill size="md" bg="brand.0" c="brand.9">
                  {y.name}
                </Pill>
              </li>
            ))}
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
