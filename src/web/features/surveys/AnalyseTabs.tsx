import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the parts of Analyse: assessment gaps, attendance and survey results. */
export function AnalyseTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const value = pathname.startsWith('/analyse/surveys')
    ? 'surveys'
    : pathname.startsWith('/analyse/attendance')
      ? 'attendance'
      : 'gaps';
  return (
    <Tabs
      value={value}
      onChange={(v) => navigate(v === 'gaps' || !v ? '/analyse' : `/analyse/${v}`)}
      mb="lg"
      keepMounted={false}
    >
      <Tabs.List>
        <Tabs.Tab value="gaps">Assessment gaps</Tabs.Tab>
        <Tabs.Tab value="attendance">Attendance and staff</Tabs.Tab>
        <Tabs.Tab value="surveys">Surveys</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
