import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { code: string; text: string; guidance: string; headingId: string; aside?: ReactNode };

export function StatementHeader({ code, text, guidance, headingId, aside }: Props) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Stack gap={4}>
        <Title order={3} fz="md" fw={600} id={headingId} lh={1.45}>
          <Text span ff="monospace" fz="sm" c="dimmed" mr={4}>
            {code}
          </Text>{' '}
          {text}
        </Title>
        {guidance && (
          <Text size="sm" c="dimmed">
            Evidence that would show this: {guidance}
          </Text>
        )}
      </Stack>
      {aside}
    </Group>
  );
}
