import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { password } from '../../../shared/contracts/auth';
import { api } from '../../app/api';
import { applyServerErrors } from '../../app/forms';

const copy = {
  reset: {
    title: 'Choose a new password',
    intro: 'Choose a password you do not use anywhere else.',
    endpoint: '/auth/password-reset/complete',
    action: 'Save new password',
  },
  invitation: {
    title: 'Set up your account',
    intro: 'Welcome. Choose a password to finish setting up your account.',
    endpoint: '/auth/invitations/accept',
    action: 'Create my account',
  },
} as const;

/** Completes a password reset or accepts an invitation: both set a password with an emailed token. */
export function SetPasswordPage({ purpose }: { purpose: keyof typeof copy }) {
  const text = copy[purpose];
  useDocumentTitle(`${text.title} – School Improvement Platform`);
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => password.safeParse(v).error?.issues[0]?.message ?? null,
      confirm: (v, values) => (v === values.password ? null : 'The two passwords do not match'),
    },
  });
  const save = useMutation({
    mutationFn: (newPassword: string) =>
      api<{ ok: true }>(text.endpoint, { method: 'POST', body: { token, password: newPassword } }),
    onSuccess: () => navigate('/login', { replace: true, state: { passwordSet: true } }),
    onError: (err) => setFormError(applyServerErrors(err, ['password'], form.setErrors)),
  });

  if (!token) {
    return (
      <Stack gap="md">
        <Title order={1} fz={26}>
          {text.title}
        </Title>
        <Alert
          color="blue"
          icon={<IconAlertCircle aria-hidden />}
          role="alert"
          title="This link is incomplete"
        >
          Open the link from your email again, or copy the whole address into your browser.
        </Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">
          Ask for a new link
        </Anchor>
      </Stack>
    );
  }

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v.password))} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} fz={26}>
            {text.title}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {text.intro}
          </Text>
        </div>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}{' '}
            <Anchor component={Link} to="/forgot-password" size="sm">
              Get a new link
            </Anchor>
          </Alert>
        )}
        <PasswordInput
          label="New password"
          description="At least 12 characters. A short sentence is easy to remember and hard to guess."
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Type it again"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" loading={save.isPending}>
          {text.action}
        </Button>
      </Stack>
    </form>
  );
}
