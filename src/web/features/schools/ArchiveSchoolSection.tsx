import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SchoolDetail } from '../../../shared/contracts/org';
import { messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { useArchiveSchool } from './schools.api';

type Props = { school: SchoolDetail; onArchived: () => void };

export function ArchiveSchoolSection({ school, onArchived }: Props) {
  const archive = useArchiveSchool(school.id);
  const [confirming, setConfirming] = useState(false);

  const run = () =>
    archive.mutate(school.version, {
      onSuccess: () => {
        notifySuccess(`${school.name} archived.`);
        onArchived();
      },
    });

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Archive this school
      </Text>
      <Text size="sm" c="dimmed">
        For a school that has left the trust. Its records and history are kept, but it leaves everyday lists.
      </Text>
      {archive.error && (
        <Alert color="red" role="alert">
          {messageOf(archive.error)}
        </Alert>
      )}
      {confirming ? (
        <Group gap="sm">
          <Text size="sm" fw={500}>
            Archive {school.name}?
          </Text>
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button size="xs" color="red" loading={archive.isPending} onClick={run}>
            Yes, archive
          </Button>
        </Group>
      ) : (
        <Group>
          <Button size="xs" variant="outline" color="red.8" onClick={() => setConfirming(true)}>
            Archive school…
          </Button>
        </Group>
      )}
    </Stack>
  );
}
