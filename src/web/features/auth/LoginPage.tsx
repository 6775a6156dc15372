import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../../app/api';
import { PageLoader } from '../../app/states';
import { safeNext } from './safe-next';
import { useMe, useSignIn } from './session';

type Notice = { signedOut?: boolean; passwordSet?: boolean } | null;

export function LoginPage() {
  useDocumentTitle('Sign in – School Improvement Platform');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = useLocation().state as Notice;
  const navigate = useNavigate();
  const session = useMe();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  if (session.isPending) return <PageLoader />;
  if (session.data && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) =>
    signIn.mutate(values, { onSuccess: () => navigate(next, { replace: true }) }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} fz={26}>
            Sign in
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            Use the email address your trust invited you with.
          </Text>
        </div>
        {notice?.signedOut && !signIn.error && (
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
            You have signed out.
          </Alert>
        )}
        {notice?.passwordSet && !signIn.error && (
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
            Your password is set. Sign in with it now.
          </Alert>
        )}
        {signIn.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Sign-in failed">
            {messageOf(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="Email address"
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps('password')}
        />
        <Group justify="space-between" align="center">
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
