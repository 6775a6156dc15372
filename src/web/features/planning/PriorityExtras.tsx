import { Divider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, PageLoader } from '../../app/states';
import { BarriersSection } from './BarriersSection';
import { FidelitySection } from './FidelitySection';
import type { OwnerOption } from './plan-people';
import { SupportSection } from './SupportSection';
import { prioritySupportQuery } from './support.api';

type Props = { priorityId: string; schoolId: string | null; canWrite: boolean; knownOwners: OwnerOption[] };

/** Barriers, support and fidelity around a priority, loaded beside it. */
export function PriorityExtras({ priorityId, schoolId, canWrite, knownOwners }: Props) {
  const extras = useQuery(prioritySupportQuery(priorityId));
  if (extras.isPending) return <PageLoader label="Loading barriers, support and fidelity…" />;
  if (extras.error)
    return <ErrorState error={extras.error} onRetry={() => extras.refetch()} thing="section" />;
  const ctx = { priorityId, schoolId, knownOwners };
  const ownerName = (id: string | null) =>
    id ? (knownOwners.find((o) => o.value === id)?.label ?? 'Someone in the trust') : '–';
  return (
    <>
      <BarriersSection {...ctx} barriers={extras.data.barriers} canWrite={canWrite} ownerName={ownerName} />
      <Divider />
      <SupportSection {...ctx} support={extras.data.support} canWrite={canWrite} />
      <Divider />
      <FidelitySection priorityId={priorityId} measures={extras.data.fidelity} canWrite={canWrite} />
    </>
  );
}
