import { Box, Center, Paper, Stack, Text } from '@mantine/core';
import { Outlet } from 'react-router';
import classes from './AuthLayout.module.css';
import { useMe } from './session';

/** Pages for people who are not signed in: a calm, centred card. */
export function AuthLayout() {
  // If this browser is still signed in, learn the session's CSRF token: the server asks for it on
  // every write made with the session cookie, including these public forms.
  useMe();
  return (
    <Box component="main" className={classes.page}>
      <Center mih="100dvh" p="md">
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={2} align="center">
            <Text fw={700} c="brand.8" size="lg">
              School Improvement Platform
            </Text>
            <Text c="dimmed" size="sm" ta="center">
              Evaluate, plan, monitor, analyse and learn – across every school in your trust.
            </Text>
          </Stack>
          <Paper p={{ base: 'lg', sm: 'xl' }} shadow="sm">
            <Outlet />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
