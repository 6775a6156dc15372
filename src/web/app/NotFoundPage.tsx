import { Button, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Paper p="xl">
        <Stack align="flex-start">
          <Text>There is no page at this address. It may have moved, or the link may be mistyped.</Text>
          <Button component={Link} to="/">
            Go to the home page
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
