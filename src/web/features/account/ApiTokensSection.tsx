import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { ErrorState, PageLoader } from '../../app/states';
import { CreateTokenForm } from './CreateTokenForm';
import { tokensQuery, useRevokeToken } from './tokens.api';

type Token = { id: string; name: string };

export function ApiTokensSection() {
  const tokens = useQuery(tokensQuery);
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<Token>();
  const close = () => {
    revoke.reset();
    setRevoking(undefined);
  };

  return (
    <Paper
      component="section"
      p="lg"
      id="api-tokens"
      aria-labelledby="tokens-heading"
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 64px) + 16px)' }}
    >
      <Title order={2} id="tokens-heading" fz="lg" mb={4}>
        API tokens
      </Title>
      <Text size="sm" c="dimmed" mb="lg" maw={720}>
        A token lets another system – a reporting script or your MIS – use the platform’s API as you, with
        your access. Treat it like a password, and revoke it when it is no longer needed.
      </Text>
      <Stack gap="xl">
        <CreateTokenForm />
        <div>
          <Title order={3} fz="md" mb="xs">
            Your tokens
          </Title>
          {tokens.isPending && <PageLoader label="Loading tokens…" />}
          {tokens.error && <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />}
          {tokens.data && tokens.data.length === 0 && (
            <Text size="sm">You have no API tokens. Create one above when a system needs to connect.</Text>
          )}
          {tokens.data && tokens.data.length > 0 && (
            <Table.ScrollContainer minWidth={620}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <Table.Th scope="col">Last used</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Th scope="row" fw={500}>
                        {t.name}
                      </Table.Th>
                      <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                      <Table.Td>{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</Table.Td>
                      <Table.Td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'Not yet used'}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.8"
                          aria-label={`Revoke ${t.name}`}
                          onClick={() => setRevoking(t)}
                        >
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      </Stack>
      <ConfirmDialog
        opened={revoking !== undefined}
        onClose={close}
        title={`Revoke ${revoking?.name ?? 'this token'}?`}
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(`Token “${revoking.name}” revoked.`);
              close();
            },
          })
        }
      >
        Anything using this token will stop working straight away. This cannot be undone.
      </ConfirmDialog>
    </Paper>
  );
}
