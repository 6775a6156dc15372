import type { InterventionSummary } from '../../../shared/contracts/interventions';
import type { Actor } from '../../platform/auth/actor';
import { type Action, can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { type InterventionRow, interventionsRepository as repo } from './interventions.repository';

/** Loading an intervention for a reader or editor: another trust's is not found, another school's refused. */
export function interventionGuards(db: Db, suppressionThreshold: number) {
  const allowed = (actor: Actor, action: Action, schoolId: string) =>
    can(actor, action, { trustId: actor.trustId, schoolId });

  async function load(actor: Actor, id: string, action: 'intervention.read' | 'intervention.write') {
    const row = await repo.find(db, actor.trustId, id);
    if (!row) throw notFound('Intervention');
    if (!allowed(actor, action, row.school_id)) throw forbidden();
    return row;
  }

  /** The register's line for a reader: a small group's size is hidden from those without pupil access. */
  function toSummary(actor: Actor, r: InterventionRow): InterventionSummary {
    const pupils = Number(r.pupil_count);
    const pupilLevel = allowed(actor, 'pupil.read', r.school_id);
    return {
      id: r.id,
      schoolId: r.school_id,
      schoolName: r.school_name,
      priorityId: r.priority_id,
      priorityTitle: r.priority_title,
      name: r.name,
      type: r.type as InterventionSummary['type'],
      status: r.status as InterventionSummary['status'],
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      leadPersonId: r.lead_person_id,
      leadName: r.lead_name,
      plannedSessions: r.planned_sessions,
      sessionsHeld: Number(r.sessions_held),
      pupilCount: pupilLevel || pupils >= suppressionThreshold ? pupils : null,
      version: r.version,
    };
  }

  return { allowed, load, toSummary };
}
