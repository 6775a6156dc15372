import { Button, EmptyState, Paper, Stack, Title } from '@mantine/core';
import {
  IconFileSpreadsheet,
  IconListCheck,
  IconPlus,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { DeimplementationRegister } from './DeimplementationRegister';
import { NewPlanModal } from './NewPlanModal';
import { PlansTable } from './PlansTable';
import { usePlanScopes } from './plan-access';
import { allPlansExportUrl, overviewQuery } from './planning.api';
import { TrustPlanOverview } from './TrustPlanOverview';

export function PlansPage() {
  const overview = useQuery(overviewQuery);
  const scopes = usePlanScopes();
  const permissions = usePermissions();
  const [creating, setCreating] = useState(false);
  const plans = overview.data?.plans ?? [];

  return (
    <>
      <PageHeader
        title="Improvement plans"
        description="A few priorities for each school, taken from what the evaluation found, each with the outcomes you expect, the actions that will get you there and the checks that show whether it is working."
        actions={
          <>
            {plans.length > 0 && (
              <Button
                component="a"
                href={allPlansExportUrl}
                download
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              >
                Download all (Excel)
              </Button>
            )}
            {scopes.canPlan && (
              <Button
                component={Link}
                to="/plan/capacity"
                variant="default"
                leftSection={<IconUsers size={16} aria-hidden />}
              >
                Capacity
              </Button>
            )}
            {scopes.canPlan && (
              <Button
                component={Link}
                to="/plan/from-judgements"
                variant="default"
                leftSection={<IconListCheck size={16} aria-hidden />}
              >
                Start from judgements
              </Button>
            )}
            {scopes.canPlan && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                New plan
              </Button>
            )}
          </>
        }
      />
      {creating && <NewPlanModal onClose={() => setCreating(false)} />}
      {overview.isPending && <PageLoader label="Loading plans…" />}
      {overview.error && <ErrorState error={overview.error} onRetry={() => overview.refetch()} />}
      {overview.data && plans.length === 0 && (
        <Paper p="xl">
          <EmptyState
            icon={<IconTargetArrow size={32} aria-hidden />}
            withIndicatorBackground
            title="No improvement plans yet"
            description={
              scopes.canPlan
                ? 'The best place to start is the last evaluation: turn the judgements that fell short of secure into priorities, in one click each. Or start a plan from scratch and add priorities yourself.'
                : 'When your school or trust leaders make a plan, you will find it here, with its priorities, outcomes and checks.'
            }
          >
            {scopes.canPlan && (
              <EmptyState.Actions>
                <Button component={Link} to="/plan/from-judgements">
                  Start from judgements
                </Button>
                <Button variant="default" onClick={() => setCreating(true)}>
                  New plan
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}
      {overview.data && plans.length > 0 && (
        <Stack gap="xl">
          <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="plans-heading">
            <Title order={2} fz="lg" id="plans-heading" mb="xs">
              Plans
            </Title>
            <PlansTable plans={plans} />
          </Paper>
          {!permissions.isSchoolScoped && <TrustPlanOverview plans={plans} />}
          <DeimplementationRegister entries={overview.data.deimplemented} />
        </Stack>
      )}
    </>
  );
}
