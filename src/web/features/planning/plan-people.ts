import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../shared/contracts/people';
import type { PlanDetail } from '../../../shared/contracts/planning';
import { ApiError } from '../../app/api';
import { peopleQuery } from '../admin/people.api';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';

export type OwnerOption = { value: string; label: string };

/** The owners already named in a plan: a fallback list when the reader may not list the school's staff. */
export function ownersIn(plan: PlanDetail): OwnerOption[] {
  const named = new Map<string, string>();
  if (plan.ownerPersonId && plan.ownerName) named.set(plan.ownerPersonId, plan.ownerName);
  for (const p of plan.priorities) {
    for (const a of p.actions) if (a.ownerPersonId && a.ownerName) named.set(a.ownerPersonId, a.ownerName);
    for (const c of p.checks) if (c.ownerPersonId && c.ownerName) named.set(c.ownerPersonId, c.ownerName);
  }
  return [...named].map(([value, label]) => ({ value, label }));
}

/** People may own work in a plan when they have a role in its school or across the trust. */
const worksFor = (person: Person, schoolId: string | null) =>
  person.status !== 'archived' &&
  person.roles.some((r) => r.schoolId === null || (schoolId !== null && r.schoolId === schoolId));

const optionOf = (p: Person): OwnerOption => ({
  value: p.id,
  label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name,
});

/**
 * Who can be chosen as an owner for work in a school's plan. Trust-wide readers list everyone who
 * works there or across the trust; school leaders list their school; anyone else (or a refusal)
 * falls back to the people already named in the plan, plus the reader.
 */
export function useOwnerOptions(schoolId: string | null, known: OwnerOption[] = []) {
  const permissions = usePermissions();
  const session = useSession();
  const listAll = permissions.canListAllPeople;
  const query = useQuery({
    ...peopleQuery(listAll ? undefined : (schoolId ?? undefined)),
    enabled: listAll || schoolId !== null,
  });
  const self: OwnerOption = { value: session.person.id, label: `${session.person.name} (you)` };
  const fallback = [self, ...known.filter((k) => k.value !== self.value)];
  if (query.data) {
    const people = query.data.filter((p) => worksFor(p, schoolId)).map(optionOf);
    return { options: people, loading: false, limited: false };
  }
  const refused = query.error instanceof ApiError && query.error.status === 403;
  return {
    options: fallback,
    loading: query.isLoading,
    limited: refused || (!listAll && schoolId === null) || query.isError,
  };
}
