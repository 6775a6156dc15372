import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { plural } from '../../app/format';
import { byPhaseText } from '../planning/PhaseBar';
import { overviewQuery } from '../planning/planning.api';
import { bySchool } from '../planning/TrustPlanOverview';

/** Improvement plans in one line: how many, where their priorities are, and what is overdue. */
export function PlansTile() {
  const overview = useQuery(overviewQuery);
  if (!overview.data) return null;
  const plans = overview.data.plans;
  const totals: Record<string, number> = {};
  for (const line of bySchool(plans))
    for (const [phase, n] of Object.entries(line.byPhase)) totals[phase] = (totals[phase] ?? 0) + n;
  const active = Object.values(totals).reduce((a, b) => a + b, 0);
  const overdue = plans.reduce((n, p) => n + p.overdueChecks, 0);
  return (
    <Paper component="section" p="lg" aria-labelledby="plans-tile-heading">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <Title order={2} fz="lg" id="plans-tile-heading">
            Improvement plans
          </Title>
          <Text size="sm" mt={4}>
            {plans.length === 0
              ? 'No plans yet. Start from the judgements your last evaluation agreed were not yet secure.'
              : `${plural(plans.length, 'plan')}, ${plural(active, 'active priority', 'active priorities')}${active > 0 ? ` (${byPhaseText(totals)})` : ''}. ${overdue > 0 ? `${plural(overdue, 'impact check')} overdue.` : 'No impact checks overdue.'}`}
          </Text>
        </div>
        <Anchor component={Link} to="/plan" fw={600}>
          Open plans
        </Anchor>
      </Group>
    </Paper>
  );
}
