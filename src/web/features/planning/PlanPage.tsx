import { Anchor, Breadcrumbs, Button, EmptyState, Paper, Stack, Text } from '@mantine/core';
import {
  IconFileTypeDocx,
  IconListCheck,
  IconPencil,
  IconPlus,
  IconPrinter,
  IconTargetArrow,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { AddPriorityModal } from './AddPriorityModal';
import { EditPlanModal } from './EditPlanModal';
import { placeOf } from './PlansTable';
import { PriorityCard } from './PriorityCard';
import { periodText } from './plan-dates';
import { ownersIn } from './plan-people';
import { planSummary } from './plan-summary';
import { planExportUrl, planQuery } from './planning.api';
import print from './print.module.css';

export function PlanPage() {
  const { planId = '' } = useParams();
  const plan = useQuery(planQuery(planId));
  const location = useLocation();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);

  // Links from "my week" and new priorities point at one priority: bring it into view once loaded.
  const count = plan.data?.priorities.length;
  useEffect(() => {
    if (count === undefined || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [count, location.hash]);

  if (plan.isPending) return <PageLoader label="Loading the plan…" />;
  if (plan.error) return <ErrorState error={plan.error} onRetry={() => plan.refetch()} thing="plan" />;

  const p = plan.data;
  const known = ownersIn(p);
  const details = [
    placeOf(p),
    periodText(p.periodStart, p.periodEnd),
    p.ownerName ? `Led by ${p.ownerName}` : 'No owner named',
    `Reviewed every ${p.reviewEveryWeeks === 1 ? 'week' : `${p.reviewEveryWeeks} weeks`}`,
  ];

  return (
    <div className={print.printable}>
      <PageHeader
        title={p.title}
        above={
          <Breadcrumbs mb="xs" className={print.noPrint}>
            <Anchor component={Link} to="/plan" size="sm">
              Improvement plans
            </Anchor>
            <Text size="sm">{p.title}</Text>
          </Breadcrumbs>
        }
        description={
          <>
            {details.join(' · ')}
            <Text span display="block" mt={4} c="var(--mantine-color-text)">
              {planSummary(p)}
            </Text>
          </>
        }
        actions={
          <>
            <Button
              component="a"
              href={planExportUrl(p.id)}
              download
              variant="default"
              leftSection={<IconFileTypeDocx size={16} aria-hidden />}
            >
              Download (Word)
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              Print
            </Button>
            {p.permissions.write && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit details
              </Button>
            )}
            {p.permissions.write && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                Add a priority
              </Button>
            )}
          </>
        }
      />
      {editing && <EditPlanModal plan={p} knownOwners={known} onClose={() => setEditing(false)} />}
      {p.priorities.length === 0 ? (
        <Paper p="xl">
          <EmptyState
            icon={<IconTargetArrow size={32} aria-hidden />}
            withIndicatorBackground
            title="No priorities in this plan yet"
            description="Choose two or three things that matter most, ideally from judgements your evaluation agreed were not yet secure. Each priority then gets its outcomes, actions and impact checks."
          >
            {p.permissions.write && (
              <EmptyState.Actions>
                <Button onClick={() => setAdding(true)} leftSection={<IconPlus size={16} aria-hidden />}>
                  Add a priority
                </Button>
                <Button
                  component={Link}
                  to="/plan/from-judgements"
                  variant="default"
                  leftSection={<IconListCheck size={16} aria-hidden />}
                >
                  Start from judgements
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="xl">
          {p.priorities.map((priority) => (
            <PriorityCard
              key={priority.id}
              planId={p.id}
              planEnd={p.periodEnd}
              schoolId={p.schoolId}
              priority={priority}
              canWrite={p.permissions.write}
              knownOwners={known}
            />
          ))}
        </Stack>
      )}
      {adding && (
        <AddPriorityModal
          planId={p.id}
          schoolId={p.schoolId}
          knownOwners={known}
          onClose={() => setAdding(false)}
          onAdded={(priorityId) => {
            setAdding(false);
            navigate({ hash: `priority-${priorityId}` }, { replace: true });
          }}
        />
      )}
    </div>
  );
}
