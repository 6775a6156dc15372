import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
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

type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** What was being opened, e.g. "school", for a plain "not found" message. */
  thing?: string;
};

/** A malformed id in the address is refused as invalid input; to the reader it is simply not there. */
export const isMissing = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.code === 'validation');

/** A failed load explained in plain words, with a way forward rather than a dead end. */
export function ErrorState({ error, onRetry, title, thing = 'page' }: ErrorStateProps) {
  const forbidden = error instanceof ApiError && error.status === 403;
  const missing = isMissing(error);
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
            : missing
              ? `We could not find that ${thing}. It may have been removed, or the link may be incomplete.`
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

/** A short error beside the form or panel it belongs to, announced to screen readers. */
export function InlineError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Text c="red.8" size="sm" role="alert">
      {children}
    </Text>
  );
}
