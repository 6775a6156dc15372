import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { type Stage, stages } from './stages';

/** An honest placeholder for a part of the improvement cycle that is still being built. */
export function CyclePage({ stage }: { stage: Stage }) {
  const copy = stages[stage];
  return (
    <>
      <PageHeader title={copy.title} description={copy.summary} />
      <Paper p="xl" maw={720}>
        <Stack gap="md" align="flex-start">
          <Group gap="sm">
            <Title order={2} fz="lg">
              Coming soon
            </Title>
            <StatusBadge label="In development" tone="brand" />
          </Group>
          <Text>{copy.detail}</Text>
          <Text c="dimmed" size="sm">
            This part of the platform is being built. Until then, you can keep your schools, departments and
            people up to date so everything is ready when it arrives.
          </Text>
          <Button
            component={Link}
            to="/"
            variant="light"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            Back to your schools
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
