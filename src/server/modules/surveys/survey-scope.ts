import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { orgRepository } from '../org/org.repository';

export type ScopeSchool = { id: string; name: string; canReadText: boolean };

/**
 * The schools of a survey the actor may read: the survey's own school, or for a trust-wide survey
 * every school the actor's roles reach (a head sees their school's part of a trust survey). Each
 * school says whether the actor may read its free-text answers (staff only).
 */
export async function surveyScope(
  db: Db,
  actor: Actor,
  surveySchoolId: string | null,
  /** The trust's schools, when the caller already has them (a list of surveys reads them once). */
  preloaded?: readonly { id: string; name: string }[],
): Promise<{ schools: ScopeSchool[] }> {
  const all = preloaded ?? (await orgRepository.listSchools(db, actor.trustId));
  const schools = all
    .filter((s) => surveySchoolId === null || s.id === surveySchoolId)
    .filter((s) => can(actor, 'survey.read', { trustId: actor.trustId, schoolId: s.id }))
    .map((s) => ({
      id: s.id,
      name: s.name,
      canReadText: can(actor, 'survey.text.read', { trustId: actor.trustId, schoolId: s.id }),
    }));
  return { schools };
}
