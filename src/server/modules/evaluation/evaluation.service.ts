import type {
  AgreeBody,
  CreateRoundBody,
  EvaluationResponse,
  RespondBody,
  Round,
  RoundDetail,
  RoundSubject,
  SubjectDetail,
} from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import type { Actor } from '../../platform/auth/actor';
import { type Action, can, canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { frameworksRepository } from '../frameworks/frameworks.repository';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import { type NewSubject, evaluationRepository as repo, type SubjectRow } from './evaluation.repository';
import { changeSince } from './judgements';

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;
type ResponseRow = Awaited<ReturnType<typeof repo.listResponses>>[number];

export const presentRound = (r: RoundRow): Round => ({
  id: r.id,
  name: r.name,
  cycle: r.cycle as Round['cycle'],
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  status: r.status as Round['status'],
  previousRoundId: r.previous_round_id,
  version: r.version,
  subjectCount: r.subject_count ?? 0,
});

export const presentSubject = (s: SubjectRow): RoundSubject => ({
  id: s.id,
  toolVersionId: s.tool_version_id,
  toolName: s.tool_name,
  completedBy: s.completed_by as RoundSubject['completedBy'],
  schoolId: s.school_id,
  schoolName: s.school_name,
  departmentId: s.department_id,
  departmentName: s.department_name,
  liaisonPersonId: s.liaison_person_id,
  liaisonName: s.liaison_name,
  status: s.status as RoundSubject['status'],
  version: s.version,
  progress: {
    statements: s.statements ?? 0,
    judged: s.judged ?? 0,
    leftForNextTime: s.left_for_next_time ?? 0,
    agreed: s.agreed ?? 0,
  },
});

/** The policy resource for an evaluation of a school, a department or the trust itself. */
export const subjectResource = (
  actor: Actor,
  s: { school_id: string | null; department_id: string | null; liaison_person_id: string | null },
) => ({
  trustId: actor.trustId,
  schoolId: s.school_id,
  departmentId: s.department_id,
  liaisonPersonId: s.liaison_person_id,
});

export function canReadSubject(actor: Actor, s: Parameters<typeof subjectResource>[1] & { status: string }) {
  const r = subjectResource(actor, s);
  return (
    can(actor, 'evaluation.read', r) ||
    can(actor, 'evaluation.agree', r) ||
    (s.status === 'agreed' && can(actor, 'evaluation.read_agreed', r))
  );
}

function presentResponse(r: ResponseRow, agreedOnly: boolean): EvaluationResponse {
  return {
    id: r.id,
    statementId: r.statement_id,
    selfValue: agreedOnly ? null : r.self_value,
    selfReason: agreedOnly ? '' : r.self_reason,
    evidence: agreedOnly ? [] : r.evidence,
    notJudged: r.not_judged,
    notJudgedNote: agreedOnly ? '' : r.not_judged_note,
    agreedValue: r.agreed_value,
    agreedRationale: r.agreed_rationale,
    carriedForward: r.carried_forward,
    previousAgreedValue: r.previous_agreed_value,
    leftLastTime: r.left_last_time,
    change: changeSince(r.agreed_value, r.previous_agreed_value),
    commentCount: agreedOnly ? 0 : (r.comment_count ?? 0),
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function createEvaluationService(db: Db) {
  async function loadRound(actor: Actor, roundId: string): Promise<RoundRow> {
    const r = await repo.findRound(db, actor.trustId, roundId);
    if (!r) throw notFound('Round');
    return r;
  }

  async function loadSubject(actor: Actor, subjectId: string): Promise<SubjectRow> {
    const s = await repo.findSubject(db, actor.trustId, subjectId);
    if (!s) throw notFound('Evaluation');
    return s;
  }

  async function requireOnSubject(
    actor: Actor,
    action: Action,
    s: SubjectRow | NonNullable<Awaited<ReturnType<typeof repo.findResponse>>>,
  ) {
    if (!can(actor, action, subjectResource(actor, s))) throw forbidden();
  }

  /** Builds the subjects for each tool: once per school, per active department, or once for the trust. */
  async function planSubjects(actor: Actor, body: CreateRoundBody): Promise<NewSubject[]> {
    const subjects: NewSubject[] = [];
    for (const versionId of body.toolVersionIds) {
      const v = await frameworksRepository.findVersion(db, actor.trustId, versionId);
      if (!v) throw badRequest('Choose evaluation tools of this trust.', { field: 'toolVersionIds' });
      if (v.completed_by === 'trust') {
        subjects.push({
          toolVersionId: versionId,
          schoolId: null,
          departmentId: null,
          liaisonPersonId: body.trustLiaisonPersonId ?? null,
        });
        continue;
      }
      for (const s of body.schools) {
        const liaisonPersonId = s.liaisonPersonId ?? null;
        if (v.completed_by === 'school') {
          subjects.push({
            toolVersionId: versionId,
            schoolId: s.schoolId,
            departmentId: null,
            liaisonPersonId,
          });
        } else {
          const depts = await orgRepository.listDepartments(db, actor.trustId, s.schoolId);
          for (const d of depts.filter((d) => d.status === 'active')) {
            subjects.push({
              toolVersionId: versionId,
              schoolId: s.schoolId,
              departmentId: d.id,
              liaisonPersonId,
            });
          }
        }
      }
    }
    return subjects;
  }

  async function validateRoundBody(actor: Actor, body: CreateRoundBody): Promise<void> {
    for (const s of body.schools) {
      if (!(await orgRepository.findSchool(db, actor.trustId, s.schoolId)))
        throw badRequest('Choose schools of this trust.', { field: 'schools' });
    }
    const liaisons = [...body.schools.map((s) => s.liaisonPersonId), body.trustLiaisonPersonId].filter(
      (x): x is string => !!x,
    );
    for (const id of new Set(liaisons)) {
      if (!(await peopleRepository.findPerson(db, actor.trustId, id)))
        throw badRequest('Choose a liaison from this trust.', { field: 'liaisonPersonId' });
    }
  }

  return {
    async listRounds(actor: Actor): Promise<Round[]> {
      if (!canAnywhere(actor, 'evaluation.read_agreed')) throw forbidden();
      const rows = await repo.listRounds(db, actor.trustId);
      return rows.map(presentRound);
    },

    async getRound(actor: Actor, roundId: string): Promise<RoundDetail> {
      const r = await loadRound(actor, roundId);
      const subjects = (await repo.listSubjects(db, actor.trustId, roundId)).filter((s) =>
        canReadSubject(actor, s),
      );
      if (subjects.length === 0 && !can(actor, 'round.manage', { trustId: actor.trustId }))
        throw notFound('Round');
      return { ...presentRound(r), subjects: subjects.map(presentSubject) };
    },

    /** Opens a round; with a previous round, its agreed judgements are carried forward as the starting point. */
    async createRound(
      actor: Actor,
      body: CreateRoundBody,
      previousRoundId: string | null = null,
    ): Promise<RoundDetail> {
      if (!can(actor, 'round.manage', { trustId: actor.trustId })) throw forbidden();
      await validateRoundBody(actor, body);
      const planned = await planSubjects(actor, body);
      if (planned.length === 0)
        throw badRequest('The round covers no schools or departments yet.', { field: 'schools' });
      const previous = previousRoundId ? await repo.previousAgreed(db, actor.trustId, previousRoundId) : [];
      const prevKey = (tool: string, school: string | null, dept: string | null, code: string) =>
        `${tool}|${school}|${dept}|${code}`;
      const prevMap = new Map(
        previous.map((p) => [prevKey(p.tool_key, p.school_id, p.department_id, p.code), p]),
      );

      const roundId = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertRound(tx, {
          trustId: actor.trustId,
          name: body.name,
          cycle: body.cycle,
          opensOn: body.opensOn,
          closesOn: body.closesOn,
          previousRoundId,
        });
        const subjects = await repo.insertSubjects(tx, actor.trustId, id, planned);
        const versionIds = [...new Set(subjects.map((s) => s.tool_version_id))];
        const statements = await frameworksRepository.listStatements(tx, actor.trustId, versionIds);
        const keys = new Map<string, string>();
        for (const vId of versionIds)
          keys.set(vId, (await frameworksRepository.findVersion(tx, actor.trustId, vId))!.key);
        for (const s of subjects) {
          const toolKey = keys.get(s.tool_version_id)!;
          await repo.insertResponses(
            tx,
            actor.trustId,
            s.id,
            statements
              .filter((st) => st.tool_version_id === s.tool_version_id)
              .map((st) => {
                const p = prevMap.get(prevKey(toolKey, s.school_id, s.department_id, st.code));
                const agreed = p?.agreed_value ?? null;
                return {
                  statementId: st.id,
                  selfValue: agreed,
                  carriedForward: agreed !== null,
                  previousAgreedValue: agreed,
                  leftLastTime: p?.not_judged ?? false,
                  notJudgedNote: p?.not_judged ? p.not_judged_note : '',
                };
              }),
          );
        }
        await auditService.record(tx, actor, {
          action: 'open_round',
          entityType: 'round',
          entityId: id,
          changes: { name: body.name, previousRoundId, subjects: subjects.length },
        });
        return id;
      });
      return this.getRound(actor, roundId);
    },

    /** The next round in the cycle: same tools (latest versions), schools and liaisons, judgements carried forward. */
    async openNextRound(
      actor: Actor,
      roundId: string,
      next: { name: string; opensOn: string; closesOn: string },
    ) {
      const prev = await loadRound(actor, roundId);
      const subjects = await repo.listSubjects(db, actor.trustId, roundId);
      const versionIds = new Set<string>();
      for (const s of subjects) {
        versionIds.add(
          (await repo.latestVersionIdOfTool(db, actor.trustId, s.tool_version_id))?.id ?? s.tool_version_id,
        );
      }
      const schools = new Map<string, string | null>();
      let trustLiaison: string | null = null;
      for (const s of subjects) {
        if (s.school_id && !schools.has(s.school_id)) schools.set(s.school_id, s.liaison_person_id);
        if (!s.school_id) trustLiaison = s.liaison_person_id;
      }
      return this.createRound(
        actor,
        {
          ...next,
          cycle: prev.cycle as CreateRoundBody['cycle'],
          toolVersionIds: [...versionIds],
          schools: [...schools].map(([schoolId, liaisonPersonId]) => ({ schoolId, liaisonPersonId })),
          trustLiaisonPersonId: trustLiaison,
        },
        roundId,
      );
    },

    async closeRound(actor: Actor, roundId: string, version: number): Promise<Round> {
      if (!can(actor, 'round.manage', { trustId: actor.trustId })) throw forbidden();
      await loadRound(actor, roundId);
      await db.transaction().execute(async (tx) => {
        if (!(await repo.closeRound(tx, actor.trustId, roundId, version))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'close_round',
          entityType: 'round',
          entityId: roundId,
          changes: { status: 'closed' },
        });
      });
      return presentRound(await loadRound(actor, roundId));
    },

    async getSubject(actor: Actor, subjectId: string): Promise<SubjectDetail> {
      const s = await loadSubject(actor, subjectId);
      if (!canReadSubject(actor, s)) throw forbidden();
      const resource = subjectResource(actor, s);
      const agreedOnly =
        !can(actor, 'evaluation.read', resource) && !can(actor, 'evaluation.agree', resource);
      const [round, aspects, statements, responses] = await Promise.all([
        loadRound(actor, s.round_id),
        frameworksRepository.listAspects(db, actor.trustId, [s.tool_version_id]),
        frameworksRepository.listStatements(db, actor.trustId, [s.tool_version_id]),
        repo.listResponses(db, actor.trustId, [s.id]),
      ]);
      return {
        subject: presentSubject(s),
        round: presentRound(round),
        scale: s.scale as Scale,
        aspects: aspects.map((a) => ({
          id: a.id,
          title: a.title,
          description: a.description,
          statements: statements
            .filter((st) => st.aspect_id === a.id)
            .map((st) => ({ id: st.id, code: st.code, text: st.text, guidance: st.guidance, tags: st.tags })),
        })),
        responses: responses.map((r) => presentResponse(r, agreedOnly)),
        permissions: {
          respond:
            can(actor, 'evaluation.respond', resource) && s.status === 'draft' && round.status === 'open',
          agree:
            can(actor, 'evaluation.agree', resource) && s.status === 'submitted' && round.status === 'open',
        },
      };
    },

    /** The school's own judgement of one statement; version-checked so concurrent edits never overwrite. */
    async respond(actor: Actor, responseId: string, body: RespondBody): Promise<EvaluationResponse> {
      const r = await repo.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Response');
      await requireOnSubject(actor, 'evaluation.respond', r);
      if (r.subject_status !== 'draft' || r.round_status !== 'open') {
        throw conflict(
          'This evaluation has been submitted or the round is closed, so it can no longer be edited.',
        );
      }
      const subject = await loadSubject(actor, r.round_subject_id);
      const scale = subject.scale as Scale;
      if (
        body.selfValue !== undefined &&
        body.selfValue !== null &&
        !scale.points.some((p) => p.value === body.selfValue)
      ) {
        throw badRequest('Choose a point on the scale.', { field: 'selfValue' });
      }
      const notJudged = body.notJudged ?? r.not_judged;
      const changes = {
        self_value: notJudged ? null : body.selfValue,
        self_reason: body.selfReason,
        evidence: body.evidence ? JSON.stringify(body.evidence) : undefined,
        not_judged: body.notJudged,
        not_judged_note: body.notJudgedNote,
        // Touching a carried-forward judgement makes it this round's own.
        carried_forward: body.selfValue !== undefined || body.notJudged !== undefined ? false : undefined,
      };
      await db.transaction().execute(async (tx) => {
        const ok = await repo.updateResponse(
          tx,
          actor.trustId,
          responseId,
          body.version,
          changes,
          actor.personId,
        );
        if (!ok) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'respond',
          entityType: 'response',
          entityId: responseId,
          schoolId: r.school_id,
          changes: {
            selfValue: { from: r.self_value, to: changes.self_value },
            notJudged: { from: r.not_judged, to: notJudged },
          },
        });
      });
      return this.getResponse(actor, responseId);
    },

    /** The liaison's agreed judgement; a rationale is required where it differs from the self-judgement. */
    async agree(actor: Actor, responseId: string, body: AgreeBody): Promise<EvaluationResponse> {
      const r = await repo.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Response');
      await requireOnSubject(actor, 'evaluation.agree', r);
      if (r.subject_status !== 'submitted')
        throw conflict('Judgements can be agreed once the school has submitted its evaluation.');
      if (r.not_judged)
        throw badRequest('This statement was left until next time, so there is nothing to agree yet.');
      const subject = await loadSubject(actor, r.round_subject_id);
      if (!(subject.scale as Scale).points.some((p) => p.value === body.agreedValue)) {
        throw badRequest('Choose a point on the scale.', { field: 'agreedValue' });
      }
      if (body.agreedValue !== r.self_value && body.agreedRationale.length === 0) {
        throw badRequest('Say why the agreed judgement differs from the self-judgement.', {
          field: 'agreedRationale',
        });
      }
      await db.transaction().execute(async (tx) => {
        const ok = await repo.updateResponse(
          tx,
          actor.trustId,
          responseId,
          body.version,
          { agreed_value: body.agreedValue, agreed_rationale: body.agreedRationale },
          actor.personId,
        );
        if (!ok) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'agree',
          entityType: 'response',
          entityId: responseId,
          schoolId: r.school_id,
          changes: { agreedValue: { from: r.agreed_value, to: body.agreedValue }, selfValue: r.self_value },
        });
      });
      return this.getResponse(actor, responseId);
    },

    async getResponse(actor: Actor, responseId: string): Promise<EvaluationResponse> {
      const r = await repo.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Response');
      const [row] = await repo
        .listResponses(db, actor.trustId, [r.round_subject_id])
        .then((rows) => rows.filter((x) => x.id === responseId));
      return presentResponse(row!, false);
    },

    /** draft -> submitted (school), submitted -> agreed (liaison, locks), submitted/agreed -> draft (liaison reopens). */
    async transition(
      actor: Actor,
      subjectId: string,
      version: number,
      to: 'submitted' | 'agreed' | 'draft',
    ): Promise<RoundSubject> {
      const s = await loadSubject(actor, subjectId);
      const action: Action = to === 'submitted' ? 'evaluation.respond' : 'evaluation.agree';
      await requireOnSubject(actor, action, s);
      const round = await loadRound(actor, s.round_id);
      if (round.status !== 'open') throw conflict('The round is closed.');
      const allowedFrom = { submitted: ['draft'], agreed: ['submitted'], draft: ['submitted', 'agreed'] }[to];
      if (!allowedFrom.includes(s.status))
        throw conflict(`An evaluation that is ${s.status} cannot become ${to}.`);
      if (to === 'agreed') {
        const responses = await repo.listResponses(db, actor.trustId, [subjectId]);
        const missing = responses.filter((r) => !r.not_judged && r.agreed_value === null).length;
        if (missing > 0)
          throw conflict(`${missing} judged statement(s) still need an agreed judgement.`, { missing });
      }
      await db.transaction().execute(async (tx) => {
        if (!(await repo.setSubjectStatus(tx, actor.trustId, subjectId, version, to))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: to === 'draft' ? 'reopen' : to === 'submitted' ? 'submit' : 'agree_evaluation',
          entityType: 'round_subject',
          entityId: subjectId,
          schoolId: s.school_id,
          changes: { status: { from: s.status, to } },
        });
      });
      return presentSubject(await loadSubject(actor, subjectId));
    },

    async comments(actor: Actor, responseId: string) {
      const r = await repo.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Response');
      const res = subjectResource(actor, r);
      if (!can(actor, 'evaluation.read', res) && !can(actor, 'evaluation.agree', res)) throw forbidden();
      const rows = await repo.listComments(db, actor.trustId, responseId);
      return rows.map((c) => ({
        id: c.id,
        authorName: c.author_name,
        body: c.body,
        createdAt: c.created_at.toISOString(),
      }));
    },

    async addComment(actor: Actor, responseId: string, body: string) {
      const r = await repo.findResponse(db, actor.trustId, responseId);
      if (!r) throw notFound('Response');
      const res = subjectResource(actor, r);
      if (!can(actor, 'evaluation.respond', res) && !can(actor, 'evaluation.agree', res)) throw forbidden();
      const c = await repo.insertComment(
        db,
        actor.trustId,
        responseId,
        actor.via === 'system' ? null : actor.personId,
        body,
      );
      return { id: c.id, authorName: actor.name, body: c.body, createdAt: c.created_at.toISOString() };
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
