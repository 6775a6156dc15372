import { Paper, SimpleGrid, Text } from '@mantine/core';
import { phaseLabels, phases, type School } from '../../../shared/contracts/org';

type Figure = { label: string; value: number };

/** Headline counts: schools in total, then by phase (only phases the trust has). */
export function summarise(schools: readonly School[]): Figure[] {
  const open = schools.filter((s) => s.status !== 'archived');
  const byPhase = phases
    .map((phase) => ({ phase, value: open.filter((s) => s.phase === phase).length }))
    .filter((f) => f.value > 0)
    .map(({ phase, value }) => ({
      label: `${phaseLabels[phase]} ${value === 1 ? 'school' : 'schools'}`,
      value,
    }));
  const departments = open.reduce((sum, s) => sum + s.departmentCount, 0);
  return [
    { label: open.length === 1 ? 'School' : 'Schools', value: open.length },
    ...byPhase,
    { label: departments === 1 ? 'Department' : 'Departments', value: departments },
  ];
}

export function PhaseSummary({ schools }: { schools: readonly School[] }) {
  const figures = summarise(schools);
  return (
    <SimpleGrid component="ul" cols={{ base: 2, sm: Math.min(figures.length, 5) }} spacing="md" p={0} m={0}>
      {figures.map((f) => (
        <Paper component="li" key={f.label} p="md" style={{ listStyle: 'none' }}>
          <Text fz={30} fw={700} lh={1.1} c="brand.8">
            {f.value}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {f.label}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
