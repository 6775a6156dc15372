import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { createApiTokenBody } from '../../../shared/contracts/auth';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useCreateToken } from './tokens.api';

const expiryOptions = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: 'never', label: 'Never (revoke it yourself)' },
];

export function CreateTokenForm() {
  const create = useCreateToken();
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const form = useForm({
    initialValues: { name: '', expiry: '90' },
    validate: {
      name: (v) =>
        v.trim()
          ? (createApiTokenBody.shape.name.safeParse(v).error?.issues[0]?.message ?? null)
          : 'Say what the token is for, so you recognise it later',
    },
  });

  const submit = form.onSubmit(({ name, expiry }) => {
    setFormError(undefined);
    const expiresInDays = expiry === 'never' ? undefined : Number(expiry);
    create.mutate(
      { name: name.trim(), expiresInDays },
      {
        onSuccess: (t) => {
          setCreated({ name: t.name, token: t.token });
          notifySuccess(`Token “${t.name}” created.`);
          form.reset();
        },
        onError: (err) => setFormError(applyServerErrors(err, ['name', 'expiresInDays'], form.setErrors)),
      },
    );
  });

  return (
    <Stack gap="md">
      {created && (
        <Alert
          color="teal"
          icon={<IconKey aria-hidden />}
          title={`Your new token: ${created.name}`}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">
              Copy it now and keep it somewhere safe. For your security it will not be shown again.
            </Text>
            <Group gap="sm" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="New API token">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'default'}
                    leftSection={
                      copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                    }
                    onClick={copy}
                  >
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setCreated(undefined)} w="fit-content">
              I have saved it – hide the token
            </Button>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Create an API token">
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label="What is the token for?"
              description="For example: Nightly export from our MIS"
              maxLength={100}
              w={{ base: '100%', sm: 340 }}
              {...form.getInputProps('name')}
            />
            <Select
              label="Expires after"
              description="Shorter is safer"
              data={expiryOptions}
              allowDeselect={false}
              w={{ base: '100%', sm: 220 }}
              {...form.getInputProps('expiry')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} aria-hidden />}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
