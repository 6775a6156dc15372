import type {
  CandidatesQuery,
  CreateInterventionBody,
  EditInterventionBody,
  InterventionDetail,
  InterventionListQuery,
  InterventionSummary,
} from '../../../shared/contracts/interventions';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden, notFound, staleVersion } from '../../platform/errors';
import { analysisRepository } from '../analysis/analysis.repository';
import { auditService, diff } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import { planningRepository } from '../planning/planning.repository';
import { meanOf, pupilAttendance } from './attendance';
import { interventionGuards } from './intervention-guards';
import { type InterventionValues, interventionsRepository as repo } from './interventions.repository';
import { createMembershipService } from './membership.service';

type Fields = Omit<CreateInterventionBody, 'schoolId'>;

/** The interventions register: the programmes, who is in them, and their session attendance. */
export function createInterventionsService(db: Db, suppressionThreshold: number) {
  const guards = interventionGuards(db, suppressionThreshold);
  const { allowed, load, toSummary } = guards;

  /** The linked records must be this trust's, and the priority one a school's plan may serve. */
  async function checkLinks(actor: Actor, schoolId: string, v: Fields) {
    if (v.priorityId) {
      const pr = await planningRepository.findPriority(db, actor.trustId, v.priorityId);
      if (!pr) throw notFound('Priority');
      if (pr.school_id && pr.school_id !== schoolId)
        throw badRequest("Choose a priority from this school's plans or a trust-wide plan.", {
          field: 'priorityId',
        });
    }
    if (v.leadPersonId && !(await peopleRepository.findPerson(db, actor.trustId, v.leadPersonId)))
      throw notFound('Person');
    for (const [field, id] of [
      ['baselineAssessmentId', v.baselineAssessmentId],
      ['outcomeAssessmentId', v.outcomeAssessmentId],
    ] as const)
      if (id && !(await analysisRepository.findAssessment(db, actor.trustId, id)))
        throw badRequest('That assessment was not found.', { field });
  }

  const values = (v: Fields): InterventionValues => ({
    priorityId: v.priorityId,
    name: v.name,
    type: v.type,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    leadPersonId: v.leadPersonId,
    plannedSessions: v.plannedSessions,
    notes: v.notes,
    status: v.status,
    baselineAssessmentId: v.baselineAssessmentId,
    outcomeAssessmentId: v.outcomeAssessmentId,
    matchedComparison: v.matchedComparison,
  });

  async function detail(actor: Actor, id: string): Promise<InterventionDetail> {
    const row = await load(actor, id, 'intervention.read');
    const pupilLevel = allowed(actor, 'pupil.read', row.school_id);
    const [members, sessions] = await Promise.all([
      repo.members(db, actor.trustId, id),
      repo.sessions(db, actor.trustId, id),
    ]);
    const attendance = pupilAttendance(
      members.map((m) => ({ pupilId: m.id, joinedOn: m.joined_on, leftOn: m.left_on })),
      sessions,
      row.planned_sessions,
    );
    // Averages over a small group would describe too few pupils for readers without pupil access.
    const aggregatesShown = pupilLevel || members.length >= suppressionThreshold;
    return {
      ...toSummary(actor, row),
      notes: row.notes,
      baselineAssessmentId: row.baseline_assessment_id,
      outcomeAssessmentId: row.outcome_assessment_id,
      matchedComparison: row.matched_comparison,
      pupilLevel,
      canEdit: allowed(actor, 'intervention.write', row.school_id),
      pupils: pupilLevel
        ? members.map((m, i) => ({
            ...attendance[i]!,
            name: `${m.given_name} ${m.family_name}`,
            yearGroup: m.year_group,
            disadvantaged: m.disadvantaged,
            joinedOn: m.joined_on,
            leftOn: m.left_on,
          }))
        : null,
      sessions: pupilLevel
        ? sessions.map((s) => ({ id: s.id, heldOn: s.heldOn, attendedPupilIds: [...s.attended] }))
        : null,
      meanAttendanceRate: aggregatesShown ? meanOf(attendance.map((a) => a.attendanceRate)) : null,
      meanDosage: aggregatesShown ? meanOf(attendance.map((a) => a.dosage)) : null,
      suppressionThreshold,
    };
  }

  /** Runs a change to an intervention with its audit; the version moves on, so a stale editor gets 409. */
  async function change(
    actor: Actor,
    id: string,
    version: number,
    audit: { action: string; changes: object },
    fn: (tx: Db, row: Awaited<ReturnType<typeof load>>) => Promise<void>,
  ): Promise<InterventionDetail> {
    const row = await load(actor, id, 'intervention.write');
    if (row.version !== version) throw staleVersion();
    await db.transaction().execute(async (tx) => {
      await fn(tx, row);
      if (!(await repo.update(tx, actor.trustId, id, version, null))) throw staleVersion();
      await auditService.record(tx, actor, {
        action: audit.action,
        entityType: 'intervention',
        entityId: id,
        schoolId: row.school_id,
        changes: audit.changes,
      });
    });
    return detail(actor, id);
  }

  const membership = createMembershipService(db, { load, change });

  return {
    detail,
    ...membership,

    async list(
      actor: Actor,
      q: InterventionListQuery & { priorityId?: string },
    ): Promise<InterventionSummary[]> {
      const schools = (await orgRepository.listSchools(db, actor.trustId))
        .map((s) => s.id)
        .filter((s) => allowed(actor, 'intervention.read', s) && (!q.schoolId || s === q.schoolId));
      const rows = await repo.list(db, actor.trustId, { ...q, schoolIds: schools });
      return rows.map((r) => toSummary(actor, r));
    },

    async create(actor: Actor, body: CreateInterventionBody): Promise<InterventionDetail> {
      const school = await orgRepository.findSchool(db, actor.trustId, body.schoolId);
      if (!school) throw notFound('School');
      if (!allowed(actor, 'intervention.write', school.id)) throw forbidden();
      const { schoolId, ...fields } = body;
      await checkLinks(actor, schoolId, fields);
      const id = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insert(tx, actor.trustId, schoolId, values(fields));
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'intervention',
          entityId: id,
          schoolId,
          changes: body,
        });
        return id;
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, body: EditInterventionBody): Promise<InterventionDetail> {
      const row = await load(actor, id, 'intervention.write');
      const { version, ...fields } = body;
      await checkLinks(actor, row.school_id, fields);
      await db.transaction().execute(async (tx) => {
        if (!(await repo.update(tx, actor.trustId, id, version, values(fields)))) throw staleVersion();
        const before = values({
          priorityId: row.priority_id,
          name: row.name,
          type: row.type as Fields['type'],
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          leadPersonId: row.lead_person_id,
          plannedSessions: row.planned_sessions,
          notes: row.notes,
          status: row.status as Fields['status'],
          baselineAssessmentId: row.baseline_assessment_id,
          outcomeAssessmentId: row.outcome_assessment_id,
          matchedComparison: row.matched_comparison,
        });
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'intervention',
          entityId: id,
          schoolId: row.school_id,
          changes: diff(before, values(fields)),
        });
      });
      return detail(actor, id);
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      const row = await load(actor, id, 'intervention.write');
      await db.transaction().execute(async (tx) => {
        if (!(await repo.remove(tx, actor.trustId, id, version))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'delete',
          entityType: 'intervention',
          entityId: id,
          schoolId: row.school_id,
          changes: { name: row.name },
        });
      });
    },

    async candidates(actor: Actor, id: string, q: CandidatesQuery) {
      const row = await load(actor, id, 'intervention.write');
      if (!allowed(actor, 'pupil.read', row.school_id)) throw forbidden();
      const filters = {
        ...(q.search ? { search: q.search } : {}),
        ...(q.yearGroup ? { yearGroup: q.yearGroup } : {}),
        ...(q.disadvantaged ? { disadvantaged: q.disadvantaged === 'true' } : {}),
      };
      const [found, yearGroups] = await Promise.all([
        repo.candidates(db, actor.trustId, row.school_id, id, filters),
        repo.yearGroups(db, actor.trustId, row.school_id),
      ]);
      return {
        pupils: found.rows.map((p) => ({
          id: p.id,
          name: `${p.given_name} ${p.family_name}`,
          yearGroup: p.year_group,
          disadvantaged: p.disadvantaged,
        })),
        total: found.total,
        yearGroups: yearGroups.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      };
    },
  };
}
