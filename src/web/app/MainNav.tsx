import { Divider, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconBulb,
  IconChartBar,
  IconClipboardCheck,
  IconDatabaseImport,
  IconHome,
  IconPresentation,
  IconReportAnalytics,
  IconRoute,
  IconSchool,
  IconTargetArrow,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link, useLocation } from 'react-router';
import { usePermissions } from '../features/auth/permissions';

type Item = { to: string; label: string; icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }> };

const cycle: Item[] = [
  { to: '/evaluate', label: 'Evaluate', icon: IconClipboardCheck },
  { to: '/plan', label: 'Plan', icon: IconTargetArrow },
  { to: '/plan/interventions', label: 'Interventions', icon: IconUsersGroup },
  { to: '/monitor', label: 'Monitor', icon: IconRoute },
  { to: '/analyse', label: 'Analyse', icon: IconChartBar },
  { to: '/learn', label: 'Learn', icon: IconBulb },
];

const oversight: Item[] = [
  { to: '/board', label: 'Trust board', icon: IconPresentation },
  { to: '/reports', label: 'Reports', icon: IconReportAnalytics },
];

function Section({ title }: { title: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
      {title}
    </Text>
  );
}

export function MainNav() {
  const { pathname } = useLocation();
  const permissions = usePermissions();
  const isActive = (to: string) =>
    to === '/'
      ? pathname === '/' || pathname.startsWith('/schools/')
      : // Interventions sit under Plan in the address but have their own menu entry.
        pathname.startsWith(to) && !(to === '/plan' && pathname.startsWith('/plan/interventions'));

  const link = ({ to, label, icon: Icon }: Item) => {
    const active = isActive(to);
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        active={active}
        aria-current={active ? 'page' : undefined}
        leftSection={<Icon size={18} aria-hidden />}
        variant="light"
        styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontSize: 15 } }}
      />
    );
  };

  const admin: Item[] = [
    ...(permissions.canCreateSchool
      ? [{ to: '/admin/schools', label: 'Schools', icon: IconBuildingCommunity }]
      : []),
    ...(permissions.canAdminister
      ? [{ to: '/admin/people', label: 'People and roles', icon: IconUsers }]
      : []),
    ...(permissions.pupilSchools === 'all' || permissions.pupilSchools.length
      ? [{ to: '/pupils', label: 'Pupils', icon: IconSchool }]
      : []),
    ...(permissions.canManageData ? [{ to: '/data', label: 'Data', icon: IconDatabaseImport }] : []),
  ];

  return (
    <Stack gap={2}>
      {link({ to: '/', label: 'Home', icon: IconHome })}
      <Section title="Improvement cycle" />
      {cycle.map(link)}
      <Section title="Oversight" />
      {oversight.map(link)}
      {admin.length > 0 && (
        <>
          <Divider my="sm" />
          <Section title="Admin" />
          {admin.map(link)}
        </>
      )}
    </Stack>
  );
}
