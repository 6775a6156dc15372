import { ActionIcon, Avatar, Burger, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession, useSignOut } from '../features/auth/session';
import classes from './HeaderBar.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

type Props = { navOpen: boolean; onToggleNav: () => void };

export function HeaderBar({ navOpen, onToggleNav }: Props) {
  const { person, trust } = useSession();
  const signOut = useSignOut();

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
        />
        <Link to="/" className={classes.brand}>
          <Text span fw={700} c="brand.7" className={classes.product} visibleFrom="xs">
            School Improvement
          </Text>
          <Text span fw={600} className={classes.trust} truncate>
            {trust.name}
          </Text>
        </Link>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Menu position="bottom-end" width={240} withinPortal>
          <Menu.Target>
            <UnstyledButton className={classes.account} aria-label={`Your account: ${person.name}`}>
              <Group gap={8} wrap="nowrap">
                <Avatar size={32} radius="xl" color="brand" aria-hidden>
                  {initials(person.name)}
                </Avatar>
                <Text size="sm" fw={500} visibleFrom="sm">
                  {person.name}
                </Text>
                <IconChevronDown size={14} aria-hidden />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{person.email}</Menu.Label>
            <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
              Your account
            </Menu.Item>
            <Menu.Item
              component={Link}
              to="/account#api-tokens"
              leftSection={<IconKey size={16} aria-hidden />}
            >
              API tokens
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          variant="default"
          size="sm"
          visibleFrom="xs"
          leftSection={<IconLogout size={16} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          Sign out
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          hiddenFrom="xs"
          aria-label="Sign out"
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          <IconLogout size={18} aria-hidden />
        </ActionIcon>
      </Group>
    </Group>
  );
}
