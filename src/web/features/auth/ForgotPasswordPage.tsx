import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, messageOf } from '../../app/api';

export function ForgotPasswordPage() {
  useDocumentTitle('Reset your password – School Improvement Platform');
  const request = useMutation({
    mutationFn: (email: string) =>
      api<{ ok: true }>('/auth/password-reset/request', { method: 'POST', body: { email } }),
  });
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={26}>
          Reset your password
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          We will email you a link to choose a new password.
        </Text>
      </div>
      {request.isSuccess ? (
        <Alert color="teal" icon={<IconMailCheck aria-hidden />} role="status" title="Check your email">
          If an account uses {form.getValues().email.trim()}, a reset link is on its way. The link works once
          and expires after a short time. It may take a few minutes to arrive; check your junk folder too.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(({ email }) => request.mutate(email.trim()))} noValidate>
          <Stack gap="md">
            {request.error && (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                {messageOf(request.error)}
              </Alert>
            )}
            <TextInput
              label="Email address"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Back to sign in
      </Anchor>
    </Stack>
  );
}
