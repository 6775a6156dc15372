import { Alert, Anchor, Box, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a page fails to render: say so plainly and offer a way back. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined;
  return (
    <Center p="xl">
      <Box maw={560}>
        <Stack>
          <Title order={1}>Something went wrong</Title>
          <Alert color="red" role="alert" title="This page could not be shown">
            <Text size="sm">
              Reload the page to try again. If it keeps happening, tell your trust administrator.
            </Text>
            {detail && (
              <Text size="xs" c="dimmed" mt="xs">
                Technical detail: {detail}
              </Text>
            )}
          </Alert>
          {/* A full page load, so a broken client state is discarded. */}
          <Anchor href="/">Go to the home page</Anchor>
        </Stack>
      </Box>
    </Center>
  );
}
