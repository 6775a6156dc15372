import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader';
import { RoleBadge } from '../admin/RoleBadge';
import { useSession } from '../auth/session';
import { ApiTokensSection } from './ApiTokensSection';
import { DigestSection } from './DigestSection';

export function AccountPage() {
  const { person, roles, trust } = useSession();
  return (
    <>
      <PageHeader title="Your account" description={`Your details and access in ${trust.name}.`} />
      <Stack gap="xl">
        <Paper component="section" p="lg" aria-labelledby="details-heading">
          <Title order={2} id="details-heading" fz="lg" mb="md">
            Your details
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
            {[
              ['Name', person.name],
              ['Email address', person.email],
              ['Job title', person.jobTitle || 'Not given'],
            ].map(([term, value]) => (
              <div key={term}>
                <Text component="dt" size="sm" c="dimmed">
                  {term}
                </Text>
                <Text component="dd" m={0} fw={500}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Title order={3} fz="md" mt="lg" mb="xs">
            Your roles
          </Title>
          {roles.length === 0 ? (
            <Text size="sm">
              You have no roles yet. Ask your trust administrator for the access you need.
            </Text>
          ) : (
            <Stack gap={6} align="flex-start">
              {roles.map((r) => (
                <RoleBadge key={r.id} assignment={r} personName={person.name} />
              ))}
            </Stack>
          )}
          <Text size="sm" c="dimmed" mt="md">
            To change your name, job title or roles, ask your trust administrator.
          </Text>
        </Paper>
        <DigestSection />
        <ApiTokensSection />
      </Stack>
    </>
  );
}
