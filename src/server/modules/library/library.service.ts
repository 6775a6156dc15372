import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type {
  CaseStudy,
  CaseStudyFields,
  CaseStudySummary,
  CreateCaseStudyBody,
  MeasureKind,
  PriorityStrands,
  PriorityStrandsBody,
  SearchQuery,
  SearchResult,
  Suggestions,
  ToolkitStrand,
  ToolkitStrandBody,
  TransitionBody,
  UpdateCaseStudyBody,
} from '../../../shared/contracts/library';
import type { Actor } from '../../platform/auth/actor';
import { type Action, can, canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { frameworksRepository } from '../frameworks/frameworks.repository';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import { planningRepository } from '../planning/planning.repository';
import type { PlanningService } from '../planning/planning.service';
import { libraryRepository as repo, type SummaryRow, type Visibility } from './library.repository';
import { caseStudyFromPriority } from './prefill';
import { findPupilData } from './pupil-data';

type Row = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

const toolkitFile = z.object({
  strands: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      summary: z.string(),
      cost: z.number().int().min(1).max(5),
      evidenceStrength: z.number().int().min(0).max(5),
      monthsImpact: z.number().int().min(-12).max(12),
    }),
  ),
});
const toolkitPath = join(dirname(fileURLToPath(import.meta.url)), 'toolkit-strands.json');
let toolkitSeed: Promise<z.infer<typeof toolkitFile>['strands']> | undefined;
/** The starting list of Toolkit strands shipped with the platform; each trust then keeps its own copy. */
export function loadToolkitSeed() {
  toolkitSeed ??= readFile(toolkitPath, 'utf8').then((t) => toolkitFile.parse(JSON.parse(t)).strands);
  return toolkitSeed;
}

/** Gives a trust its own copy of the Toolkit list (idempotent). */
export async function installToolkit(db: Db, trustId: string): Promise<void> {
  await repo.insertStrands(db, trustId, await loadToolkitSeed());
}

const presentStrand = (s: {
  id: string;
  slug: string;
  name: string;
  summary: string;
  cost: number;
  evidence_strength: number;
  months_impact: number;
  version: number;
}): ToolkitStrand => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  summary: s.summary,
  cost: s.cost,
  evidenceStrength: s.evidence_strength,
  monthsImpact: s.months_impact,
  version: s.version,
});

const presentSummary = (actor: Actor, r: SummaryRow): CaseStudySummary => ({
  id: r.id,
  title: r.title,
  trustName: r.trust_name,
  ownTrust: r.trust_id === actor.trustId,
  schoolName: r.trust_id === actor.trustId ? r.school_name : null,
  region: r.region,
  phase: r.phase,
  status: r.status as CaseStudySummary['status'],
  visibility: r.visibility as CaseStudySummary['visibility'],
  componentCodes: r.component_codes,
  measureKinds: r.measure_kinds as MeasureKind[],
  snippet: r.snippet ?? '',
  rank: Number(r.rank),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The free text of a case study, by field, for the pupil-data guard. */
function textFields(c: Row): Record<string, string> {
  const out: Record<string, string> = {
    title: c.title,
    region: c.region,
    problem: c.problem,
    approach: c.approach,
    lessons: c.lessons,
    doDifferently: c.do_differently,
  };
  c.eef_phases.forEach((p, i) => {
    out[`eefPhases.${i}`] = p.summary;
  });
  c.impact.forEach((m, i) => {
    out[`impact.${i}`] = [m.measure, m.group, m.before, m.after, m.target ?? '', m.source].join(' | ');
  });
  c.contacts.forEach((p, i) => {
    out[`contacts.${i}`] = `${p.role} ${p.email}`;
  });
  return out;
}

export function createLibraryService(db: Db, deps: { planning: PlanningService }) {
  const resource = (c: { trust_id: string; school_id: string | null }) => ({
    trustId: c.trust_id,
    schoolId: c.school_id,
  });
  const personOf = (actor: Actor) => (actor.via === 'system' ? null : actor.personId);

  /** Whose drafts the actor may see: every school's, or those of schools where they may write. */
  function visibility(actor: Actor): Visibility {
    const trustWide = actor.assignments.some(
      (a) =>
        a.schoolId === null &&
        (['library.write', 'library.review'] as Action[]).some((x) =>
          can(actor, x, { trustId: actor.trustId }),
        ),
    );
    if (trustWide) return { trustId: actor.trustId, drafts: 'all' };
    const schools = actor.assignments
      .filter(
        (a) => a.schoolId && can(actor, 'library.write', { trustId: actor.trustId, schoolId: a.schoolId }),
      )
      .map((a) => a.schoolId as string);
    return { trustId: actor.trustId, drafts: [...new Set(schools)] };
  }

  function requireReader(actor: Actor) {
    if (!canAnywhere(actor, 'library.read')) throw forbidden();
  }

  /** A case study the actor may read: their trust's (drafts only within scope) or one shared with all trusts. */
  async function load(actor: Actor, id: string): Promise<Row> {
    requireReader(actor);
    const row = await repo.find(db, actor.trustId, id);
    if (!row) throw notFound('Case study');
    if (row.status !== 'published') {
      const v = visibility(actor);
      const inScope = v.drafts === 'all' || (row.school_id !== null && v.drafts.includes(row.school_id));
      if (!inScope) throw notFound('Case study');
    }
    return row;
  }

  /** A case study of the actor's own trust, for changes. */
  async function loadOwn(actor: Actor, id: string): Promise<Row> {
    const row = await load(actor, id);
    if (row.trust_id !== actor.trustId) throw forbidden();
    return row;
  }

  async function present(actor: Actor, row: Row): Promise<CaseStudy> {
    const own = row.trust_id === actor.trustId;
    const [components, statements] = await Promise.all([
      repo.componentsByCodes(db, row.trust_id, row.component_codes),
      frameworksRepository.statementsByIds(db, row.trust_id, row.statement_ids),
    ]);
    const res = resource(row);
    return {
      id: row.id,
      trustName: row.trust_name,
      ownTrust: own,
      schoolId: own ? row.school_id : null,
      schoolName: own ? row.school_name : null,
      sourcePriorityId: own ? row.source_priority_id : null,
      title: row.title,
      schoolCount: row.school_count,
      region: row.region,
      phase: row.phase,
      demographics: {
        pupils: row.demographics.pupils ?? null,
        disadvantagedPercent: row.demographics.disadvantagedPercent ?? null,
        senPercent: row.demographics.senPercent ?? null,
        ealPercent: row.demographics.ealPercent ?? null,
      },
      problem: row.problem,
      approach: row.approach,
      eefPhases: row.eef_phases as CaseStudy['eefPhases'],
      impact: row.impact as CaseStudy['impact'],
      lessons: row.lessons,
      doDifferently: row.do_differently,
      contacts: row.contacts,
      components: components.map((c) => ({ code: c.code, strand: c.strand, label: c.label })),
      statements: statements.map((s) => ({ id: s.id, code: s.code, text: s.text })),
      status: row.status as CaseStudy['status'],
      visibility: row.visibility as CaseStudy['visibility'],
      reviewNote: own ? row.review_note : '',
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      updatedAt: new Date(row.updated_at).toISOString(),
      version: row.version,
      permissions: {
        edit: own && row.status !== 'published' && can(actor, 'library.write', res),
        review: own && row.status === 'in_review' && can(actor, 'library.review', res),
        publish: own && can(actor, 'library.publish', res),
      },
    };
  }

  /** Component codes and statements must be the trust's own. */
  async function checkLinks(actor: Actor, f: Partial<CaseStudyFields>) {
    if (f.componentCodes?.length) {
      const known = await repo.componentsByCodes(db, actor.trustId, f.componentCodes);
      if (known.length !== new Set(f.componentCodes).size)
        throw badRequest('Choose components from the trust’s framework.', { field: 'componentCodes' });
    }
    if (f.statementIds?.length) {
      const known = await frameworksRepository.statementsByIds(db, actor.trustId, f.statementIds);
      if (known.length !== new Set(f.statementIds).size)
        throw badRequest('Choose statements from the trust’s evaluation tools.', { field: 'statementIds' });
    }
  }

  async function get(actor: Actor, id: string) {
    return present(actor, await load(actor, id));
  }

  return {
    get,

    async create(actor: Actor, body: CreateCaseStudyBody): Promise<CaseStudy> {
      const { schoolId, ...fields } = body;
      if (!can(actor, 'library.write', { trustId: actor.trustId, schoolId })) throw forbidden();
      if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId)))
        throw notFound('School');
      await checkLinks(actor, fields);
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insert(tx, {
          ...fields,
          trustId: actor.trustId,
          schoolId,
          sourcePriorityId: null,
          createdBy: personOf(actor),
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'case_study',
          entityId: id,
          schoolId,
          changes: { title: fields.title },
        });
        return id;
      });
      return get(actor, id);
    },

    /** A first draft from a plan priority, pre-filled from its outcomes, phases and impact checks. */
    async fromPriority(actor: Actor, priorityId: string): Promise<CaseStudy> {
      const pr = await planningRepository.findPriority(db, actor.trustId, priorityId);
      if (!pr) throw notFound('Priority');
      const res = { trustId: actor.trustId, schoolId: pr.school_id };
      if (!can(actor, 'library.write', res)) throw forbidden();
      const priority = await deps.planning.getPriority(actor, priorityId);
      const school = pr.school_id ? await orgRepository.findSchool(db, actor.trustId, pr.school_id) : null;
      const schools = school ? [] : await orgRepository.listSchools(db, actor.trustId);
      // Figures about the pupils are left for the author to copy from published data (DfE or Ofsted):
      // the platform's own pupil records may cover only some year groups, and stay inside the trust.
      const demographics = { pupils: null, disadvantagedPercent: null, senPercent: null, ealPercent: null };
      const [statementRows, components, owner] = await Promise.all([
        frameworksRepository.statementsByIds(
          db,
          actor.trustId,
          priority.statements.map((s) => s.id),
        ),
        frameworksRepository.listComponents(db, actor.trustId),
        pr.owner_person_id ? peopleRepository.findPerson(db, actor.trustId, pr.owner_person_id) : undefined,
      ]);
      const known = new Set(components.map((c) => c.code));
      const codes = [...new Set([...statementRows.flatMap((s) => s.tags), ...priority.tags])].filter((c) =>
        known.has(c),
      );
      const fields = caseStudyFromPriority(priority, {
        schoolCount: school ? 1 : Math.max(1, schools.length),
        region: school?.local_authority ?? '',
        phase: school?.phase ?? '',
        demographics,
        componentCodes: components.map((c) => c.code).filter((c) => codes.includes(c)),
        owner: owner ? { name: owner.name, jobTitle: owner.job_title } : null,
      });
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insert(tx, {
          ...fields,
          trustId: actor.trustId,
          schoolId: pr.school_id,
          sourcePriorityId: priorityId,
          createdBy: personOf(actor),
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'case_study',
          entityId: id,
          schoolId: pr.school_id,
          changes: { title: fields.title, fromPriority: priorityId },
        });
        return id;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateCaseStudyBody): Promise<CaseStudy> {
      const row = await loadOwn(actor, id);
      if (!can(actor, 'library.write', resource(row))) throw forbidden();
      if (row.status === 'published')
        throw conflict('This case study is published. Withdraw it to draft before changing it.');
      const { version, ...fields } = body;
      await checkLinks(actor, fields);
      await db.transaction().execute(async (tx) => {
        if (!(await repo.update(tx, actor.trustId, id, version, fields))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'case_study',
          entityId: id,
          schoolId: row.school_id,
          changes: { fields: Object.keys(fields) },
        });
      });
      return get(actor, id);
    },

    /** Draft -> in review (author), in review -> published or back to draft (lead), published -> draft (withdraw). */
    async transition(actor: Actor, id: string, body: TransitionBody): Promise<CaseStudy> {
      const row = await loadOwn(actor, id);
      const res = resource(row);
      const from = row.status;
      const step = `${from}->${body.to}`;
      const needs: Record<string, Action> = {
        'draft->in_review': 'library.write',
        'in_review->draft': 'library.review',
        'in_review->published': 'library.publish',
        'published->draft': 'library.publish',
      };
      const action = needs[step];
      if (!action)
        throw conflict(
          `A case study cannot move from ${from.replace('_', ' ')} to ${body.to.replace('_', ' ')}.`,
        );
      if (!can(actor, action, res)) throw forbidden();
      if (row.version !== body.version) throw staleVersion();
      if (body.to === 'published') {
        const findings = findPupilData(textFields(row), await repo.pupilIdentifiers(db, actor.trustId));
        if (findings.length)
          throw badRequest(
            'This case study names or identifies a pupil. Remove pupil-level details before publishing.',
            { findings },
          );
      }
      await db.transaction().execute(async (tx) => {
        const ok = await repo.update(tx, actor.trustId, id, body.version, {
          status: body.to,
          reviewNote: body.note,
          ...(body.to === 'published' ? { reviewedBy: personOf(actor), publishedAt: new Date() } : {}),
          ...(body.to === 'draft' ? { publishedAt: null } : {}),
        });
        if (!ok) throw staleVersion();
        await auditService.record(tx, actor, {
          action: body.to === 'published' ? 'publish' : 'transition',
          entityType: 'case_study',
          entityId: id,
          schoolId: row.school_id,
          changes: { status: { from, to: body.to }, note: body.note },
        });
      });
      return get(actor, id);
    },

    async search(actor: Actor, q: SearchQuery): Promise<SearchResult> {
      requireReader(actor);
      const v = visibility(actor);
      const [rows, facets] = await Promise.all([repo.search(db, v, q), repo.facets(db, v)]);
      return { results: rows.map((r) => presentSummary(actor, r)), facets };
    },

    /** Published case studies matched to the statements a school judged below Secure in its latest round. */
    async suggestions(actor: Actor, schoolId: string): Promise<Suggestions> {
      const school = await orgRepository.findSchool(db, actor.trustId, schoolId);
      if (!school) throw notFound('School');
      const res = { trustId: actor.trustId, schoolId };
      if (!can(actor, 'library.read', res)) throw forbidden();
      const agreedOnly = !can(actor, 'evaluation.read', res);
      const weak = await repo.weakStatements(db, actor.trustId, schoolId, agreedOnly);
      const codes = [...new Set(weak.statements.flatMap((s) => s.tags))];
      const rows = await repo.matching(
        db,
        visibility(actor),
        codes,
        weak.statements.map((s) => s.statement_id),
      );
      return {
        schoolId,
        roundName: weak.round?.name ?? null,
        weakStatements: weak.statements.length,
        results: rows.map((r) => ({ ...presentSummary(actor, r), matchedComponents: r.matched })),
      };
    },

    async listToolkit(actor: Actor) {
      requireReader(actor);
      let rows = await repo.listStrands(db, actor.trustId);
      if (rows.length === 0) {
        await installToolkit(db, actor.trustId);
        rows = await repo.listStrands(db, actor.trustId);
      }
      return {
        strands: rows.map(presentStrand),
        canEdit: can(actor, 'toolkit.manage', { trustId: actor.trustId }),
      };
    },

    async updateStrand(actor: Actor, id: string, body: ToolkitStrandBody): Promise<ToolkitStrand> {
      if (!can(actor, 'toolkit.manage', { trustId: actor.trustId })) throw forbidden();
      const before = await repo.findStrand(db, actor.trustId, id);
      if (!before) throw notFound('Toolkit strand');
      const { version, ...changes } = body;
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateStrand(tx, actor.trustId, id, version, changes))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'toolkit_strand',
          entityId: id,
          changes,
        });
      });
      return presentStrand((await repo.findStrand(db, actor.trustId, id))!);
    },

    async priorityStrands(actor: Actor, priorityId: string): Promise<PriorityStrands> {
      const pr = await planningRepository.findPriority(db, actor.trustId, priorityId);
      if (!pr) throw notFound('Priority');
      if (
        !can(actor, 'plan.read', {
          trustId: actor.trustId,
          schoolId: pr.school_id,
          departmentId: pr.department_id,
        })
      )
        throw forbidden();
      const rows = await repo.listPriorityStrands(db, actor.trustId, priorityId);
      return { priorityId, strands: rows.map((r) => ({ ...presentStrand(r), note: r.note })) };
    },

    /** The Toolkit strands a priority cites as evidence in its Explore phase (replaces the list). */
    async setPriorityStrands(
      actor: Actor,
      priorityId: string,
      body: PriorityStrandsBody,
    ): Promise<PriorityStrands> {
      const pr = await planningRepository.findPriority(db, actor.trustId, priorityId);
      if (!pr) throw notFound('Priority');
      if (
        !can(actor, 'plan.write', {
          trustId: actor.trustId,
          schoolId: pr.school_id,
          departmentId: pr.department_id,
        })
      )
        throw forbidden();
      const ids = [...new Set(body.strands.map((s) => s.strandId))];
      const known = await repo.listStrands(db, actor.trustId);
      if (ids.some((id) => !known.some((k) => k.id === id)))
        throw badRequest('Choose strands from the trust’s Toolkit list.', { field: 'strands' });
      const strands = ids.map((id) => body.strands.find((s) => s.strandId === id)!);
      await db.transaction().execute(async (tx) => {
        await repo.replacePriorityStrands(tx, actor.trustId, priorityId, strands);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'priority_toolkit_strands',
          entityId: priorityId,
          schoolId: pr.school_id,
          changes: { strands: ids },
        });
      });
      return this.priorityStrands(actor, priorityId);
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
