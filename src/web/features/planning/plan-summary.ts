import { type PlanDetail, phaseLabels, phases } from '../../../shared/contracts/planning';
import { formatDate, plural } from '../../app/format';

/** One or two plain sentences on where a plan stands: its priorities by phase and its checks. */
export function planSummary(plan: PlanDetail): string {
  const active = plan.priorities.filter((p) => p.status === 'active');
  if (plan.priorities.length === 0) return 'No priorities yet.';
  const inPhase = phases
    .map((ph) => ({ ph, n: active.filter((p) => p.phase === ph).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} in ${phaseLabels[x.ph]}`);
  const parts = [
    active.length > 0
      ? `${plural(active.length, 'active priority', 'active priorities')}: ${inPhase.join(', ')}.`
      : 'No active priorities.',
  ];
  const stopped = plan.priorities.length - active.length;
  if (stopped > 0) parts.push(`${stopped} stopped or completed.`);
  const checks = active.flatMap((p) => p.checks);
  const overdue = checks.filter((c) => c.state === 'overdue').length;
  if (overdue > 0) parts.push(`${plural(overdue, 'impact check')} overdue.`);
  const next = checks
    .filter((c) => c.state === 'due' || c.state === 'planned')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (next) parts.push(`Next check due ${formatDate(next.dueOn)}.`);
  else if (active.length > 0)
    parts.push(overdue > 0 ? 'No later checks are planned.' : 'No checks are planned yet.');
  return parts.join(' ');
}
