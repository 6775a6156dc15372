import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the two halves of Analyse: assessment gaps and survey results. */
export function AnalyseTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const value = pathname.startsWith('/analyse/surveys') ? 'surveys' : 'gaps';
  return (
    <Tabs
      value={value}
      onChange={(v) => navigate(v === 'surveys' ? '/analyse/surveys' : '/analyse')}
      mb="lg"
      keepMounted={false}
    >
      <Tabs.List>
        <Tabs.Tab value="gaps">Assessment gaps</Tabs.Tab>
        <Tabs.Tab value="surveys">Surveys</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
