import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError, messageOf } from './api';

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

type ErrorStateProps = { error: unknown; onRetry?: () => void; title?: string };

/** A failed load explained in plain words, with a way forward rather than a dead end. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const forbidden = error instanceof ApiError && error.status === 403;
  const missing = error instanceof ApiError && error.status === 404;
  const heading =
    title ??
    (forbidden ? 'You do not have access to this' : missing ? 'Not found' : 'This could not be loaded');
  return (
    <Alert
      color={forbidden ? 'blue' : 'red'}
      title={heading}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">
          {forbidden
            ? 'Your roles do not include this. If you need it, ask your trust administrator.'
            : messageOf(error)}
        </Text>
        <Group gap="sm">
          {onRetry && !forbidden && !missing && (
            <Button size="xs" variant="default" onClick={onRetry}>
              Try again
            </Button>
          )}
          <Anchor component={Link} to="/" size="sm">
            Go to the home page
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
