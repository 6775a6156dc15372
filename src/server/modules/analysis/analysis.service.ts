import type {
  GapAnalysis,
  ImpactFigures,
  InterventionImpactBody,
  InterventionImpactResult,
} from '../../../shared/contracts/analysis';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { orgRepository } from '../org/org.repository';
import { planningRepository } from '../planning/planning.repository';
import { analysisRepository as repo } from './analysis.repository';
import { buildScope, suppressAcrossSchools } from './gap-analysis';
import { impactReading } from './impact-reading';
import { interventionImpact, mean, sd } from './stats';

type EvalPupil = { id: string; school_id: string; year_group: string; disadvantaged: boolean };

type GroupBy = GapAnalysis['groupBy'];

const inFocus: Record<
  GroupBy,
  (r: { disadvantaged: boolean; sen: string; eal: boolean; sex: string }) => boolean
> = {
  disadvantaged: (r) => r.disadvantaged,
  sen: (r) => r.sen !== 'N',
  eal: (r) => r.eal,
  sex: (r) => r.sex === 'F',
};

/** The equity lens: outcomes by group with gaps, for the trust and each school the reader may see. */
export function createAnalysisService(db: Db, suppressionThreshold: number) {
  const toAssessment = (a: NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>) => ({
    id: a.id,
    name: a.name,
    subject: a.subject,
    yearGroup: a.year_group,
    academicYear: a.academic_year,
    collectionPoint: a.collection_point,
    gradeSet: a.grade_set,
    takenOn: a.taken_on,
  });

  async function pupilSet(actor: Actor, ids: readonly string[], planSchoolId: string | null, field: string) {
    const unique = [...new Set(ids)];
    const found = await repo.pupilsByIds(db, actor.trustId, unique);
    if (found.length !== unique.length)
      throw badRequest('Some of the chosen pupils were not found.', { field });
    if (planSchoolId && found.some((p) => p.school_id !== planSchoolId))
      throw badRequest("Choose pupils from the plan's school.", { field });
    if (found.some((p) => !can(actor, 'pupil.read', { trustId: actor.trustId, schoolId: p.school_id })))
      throw forbidden();
    return found;
  }

  return {
    /**
     * The EEF DIY evaluation of an intervention on a plan priority (methods.md §5): post-test effect
     * size of the intervention pupils over the comparison group, with baseline equivalence on the
     * pre-test, n and attrition, months of progress, and the same for disadvantaged pupils.
     */
    async interventionImpact(actor: Actor, body: InterventionImpactBody): Promise<InterventionImpactResult> {
      const pr = await planningRepository.findPriority(db, actor.trustId, body.priorityId);
      if (!pr) throw notFound('Priority');
      if (
        !can(actor, 'plan.read', {
          trustId: actor.trustId,
          schoolId: pr.school_id,
          departmentId: pr.department_id,
        })
      )
        throw forbidden();
      const post = await repo.findAssessment(db, actor.trustId, body.postAssessmentId);
      if (!post) throw notFound('Assessment');
      const pre = body.preAssessmentId
        ? await repo.findAssessment(db, actor.trustId, body.preAssessmentId)
        : null;
      if (body.preAssessmentId && !pre) throw notFound('Assessment');

      const treated = await pupilSet(actor, body.interventionPupilIds, pr.school_id, 'interventionPupilIds');
      const treatedIds = new Set(treated.map((p) => p.id));
      let comparison: EvalPupil[] | null = null;
      if (body.comparison.kind === 'pupils') {
        comparison = await pupilSet(actor, body.comparison.pupilIds, pr.school_id, 'comparison.pupilIds');
        if (comparison.some((p) => treatedIds.has(p.id)))
          throw badRequest('A pupil cannot be in both groups.', { field: 'comparison.pupilIds' });
      } else if (body.comparison.kind === 'others') {
        comparison = (
          await repo.pupilsWithResult(
            db,
            actor.trustId,
            post.id,
            [...new Set(treated.map((p) => p.school_id))],
            [...new Set(treated.map((p) => p.year_group))],
          )
        ).filter((p) => !treatedIds.has(p.id));
      }
      const everyone = [...treated, ...(comparison ?? [])].map((p) => p.id);
      const postValues = await repo.valuesFor(db, actor.trustId, post.id, everyone);
      const preValues = pre ? await repo.valuesFor(db, actor.trustId, pre.id, everyone) : null;

      const figures = (t: EvalPupil[], c: EvalPupil[] | null): ImpactFigures => {
        const values = (ps: EvalPupil[], m: Map<string, number>) =>
          ps.flatMap((p) => (m.has(p.id) ? [m.get(p.id)!] : []));
        const postT = values(t, postValues);
        const postC = c ? values(c, postValues) : null;
        const preT = preValues ? values(t, preValues) : null;
        const preC = preValues && c ? values(c, preValues) : null;
        const impact = interventionImpact({
          post: postC ? { intervention: postT, comparison: postC } : { intervention: postT },
          ...(preT && preC ? { pre: { intervention: preT, comparison: preC } } : {}),
          // "others" are those who sat the post-test, so their attrition is not known.
          started: {
            intervention: t.length,
            ...(c && body.comparison.kind === 'pupils' ? { comparison: c.length } : {}),
          },
        });
        const scores = (postXs: number[], preXs: number[] | null) => ({
          n: postXs.length,
          preMean: preXs ? mean(preXs) : null,
          postMean: mean(postXs),
          postSd: sd(postXs),
        });
        return {
          n: impact.n,
          attrition: impact.attrition,
          effect: impact.effect
            ? {
                d: impact.effect.d,
                g: impact.effect.g,
                se: impact.effect.se,
                ci: [impact.effect.ci[0], impact.effect.ci[1]],
              }
            : null,
          months: impact.months,
          baseline: impact.baseline,
          groups: {
            intervention: scores(postT, preT),
            comparison: postC ? scores(postC, preC) : null,
          },
          ...impactReading(impact),
        };
      };
      const dT = treated.filter((p) => p.disadvantaged);
      const dC = comparison?.filter((p) => p.disadvantaged) ?? null;
      const disadvantaged = dT.length >= 2 && (dC === null || dC.length >= 2) ? figures(dT, dC) : null;
      return {
        priorityId: pr.id,
        preAssessment: pre ? toAssessment(pre) : null,
        postAssessment: toAssessment(post),
        overall: figures(treated, comparison),
        disadvantaged,
      };
    },

    async assessments(actor: Actor) {
      if (
        !actor.assignments.some((a) =>
          can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: a.schoolId }),
        )
      )
        throw forbidden();
      return (await repo.listAssessments(db, actor.trustId)).map(toAssessment);
    },

    /**
     * With `audience: 'board'` the figures are suppressed as for governors and trustees whoever asks,
     * so a board report made by a trust administrator hides exactly what a governor would not see.
     */
    async gaps(
      actor: Actor,
      assessmentId: string,
      groupBy: GroupBy,
      opts: { audience?: 'staff' | 'board' } = {},
    ): Promise<GapAnalysis> {
      const a = await repo.findAssessment(db, actor.trustId, assessmentId);
      if (!a) throw notFound('Assessment');
      const schools = (await orgRepository.listSchools(db, actor.trustId)).filter((s) =>
        can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: s.id }),
      );
      if (!schools.length) throw forbidden();
      const rows = await repo.resultRows(
        db,
        actor.trustId,
        assessmentId,
        schools.map((s) => s.id),
      );
      const focus = inFocus[groupBy];
      const pupilLevelFor = (schoolId: string | null) =>
        opts.audience !== 'board' && can(actor, 'pupil.read', { trustId: actor.trustId, schoolId });
      const scopes: GapAnalysis['scopes'] = [];
      const trustWide = can(actor, 'analysis.read', { trustId: actor.trustId });
      if (trustWide) {
        scopes.push(
          buildScope(
            { scope: 'trust', schoolId: null, label: 'All schools' },
            rows.map((r) => ({ value: r.value, inFocus: focus(r) })),
            groupBy,
            {
              threshold: suppressionThreshold,
              pupilLevel: pupilLevelFor(null),
            },
          ),
        );
      }
      for (const s of schools) {
        const mine = rows.filter((r) => r.school_id === s.id);
        if (!mine.length) continue;
        scopes.push(
          buildScope(
            { scope: 'school', schoolId: s.id, label: s.name },
            mine.map((r) => ({ value: r.value, inFocus: focus(r) })),
            groupBy,
            {
              threshold: suppressionThreshold,
              pupilLevel: pupilLevelFor(s.id),
            },
          ),
        );
      }
      const pupilLevel = schools.every((s) => pupilLevelFor(s.id));
      const sizes = new Map(
        schools.map((s) => [s.id, rows.filter((r) => r.school_id === s.id && focus(r)).length]),
      );
      return {
        assessment: toAssessment(a),
        groupBy,
        suppressionThreshold,
        pupilLevel,
        scopes: pupilLevel ? scopes : suppressAcrossSchools(scopes, (s) => sizes.get(s.schoolId ?? '') ?? 0),
      };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
