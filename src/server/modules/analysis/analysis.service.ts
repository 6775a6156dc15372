import type {
  GapAnalysis,
  GapIndexQuery,
  GapIndexResult,
  GapTrendQuery,
  GapTrendResult,
  ImpactFigures,
  InterventionImpactBody,
  InterventionImpactResult,
  PointGaps,
  PointGapsQuery,
} from '../../../shared/contracts/analysis';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { orgRepository } from '../org/org.repository';
import { planningRepository } from '../planning/planning.repository';
import { analysisRepository as repo } from './analysis.repository';
import { buildScope, suppressAcrossSchools } from './gap-analysis';
import { trendOf } from './gap-trend-series';
import { impactReading } from './impact-reading';
import { gapIndexFromCounts, interventionImpact, mean, sd } from './stats';
import { addSums, emptySums, pairCells, type Sums, secondarySuppress } from './summary-gaps';

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

  /** The schools the actor may analyse, whether they see the trust row, and whether pupil-level. */
  async function readable(actor: Actor) {
    const schools = (await orgRepository.listSchools(db, actor.trustId)).filter((s) =>
      can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: s.id }),
    );
    if (!schools.length) throw forbidden();
    const pupilLevelFor = (schoolId: string | null) =>
      can(actor, 'pupil.read', { trustId: actor.trustId, schoolId });
    return {
      schools,
      trustWide: can(actor, 'analysis.read', { trustId: actor.trustId }),
      pupilLevel: schools.every((s) => pupilLevelFor(s.id)),
      pupilLevelFor,
    };
  }

  const sumsOf = (r: { n: number; total: number; total_squares: number }): Sums => ({
    n: Number(r.n),
    total: Number(r.total),
    totalSquares: Number(r.total_squares),
  });

  return {
    /**
     * Gaps at one collection point (an academic year and point, optionally one year group) for every
     * school x subject, with the trust per subject; from the summary table, so it stays fast at scale.
     */
    async pointGaps(actor: Actor, q: PointGapsQuery): Promise<PointGaps> {
      const { schools, trustWide, pupilLevel, pupilLevelFor } = await readable(actor);
      const assessments = await repo.findAssessments(db, actor.trustId, {
        academicYear: q.academicYear,
        collectionPoint: q.collectionPoint,
        ...(q.yearGroup ? { yearGroup: q.yearGroup } : {}),
      });
      const subjectOf = new Map(assessments.map((a) => [a.id, a.subject]));
      const rows = await repo.summarySums(
        db,
        actor.trustId,
        assessments.map((a) => a.id),
        schools.map((s) => s.id),
        q.groupBy,
      );
      // subject -> school ('' for the trust) -> [focus, other]
      const cells = new Map<string, Map<string, [Sums, Sums]>>();
      const bucket = (subject: string, school: string) => {
        const bySchool = cells.get(subject) ?? new Map<string, [Sums, Sums]>();
        cells.set(subject, bySchool);
        const pair = bySchool.get(school) ?? [emptySums(), emptySums()];
        bySchool.set(school, pair);
        return pair;
      };
      for (const r of rows) {
        const subject = subjectOf.get(r.assessment_id) ?? '';
        const k = r.focus ? 0 : 1;
        for (const school of trustWide ? [r.school_id, ''] : [r.school_id]) {
          const pair = bucket(subject, school);
          pair[k] = addSums(pair[k], sumsOf(r));
        }
      }
      const threshold = suppressionThreshold;
      const out: PointGaps['rows'] = [];
      for (const subject of [...cells.keys()].sort()) {
        const bySchool = cells.get(subject)!;
        const built = [
          ...(trustWide ? [{ schoolId: null, label: 'All schools' }] : []),
          ...schools.filter((s) => bySchool.has(s.id)).map((s) => ({ schoolId: s.id, label: s.name })),
        ].map((b) => {
          const [focus, other] = bySchool.get(b.schoolId ?? '')!;
          const pair = pairCells(focus, other, q.groupBy, {
            threshold,
            pupilLevel: pupilLevelFor(b.schoolId),
          });
          return {
            row: { scope: b.schoolId ? ('school' as const) : ('trust' as const), ...b, subject, ...pair },
            suppressed: pair.suppressed,
            size: focus.n,
            isTrust: b.schoolId === null,
          };
        });
        const final = pupilLevel
          ? built
          : secondarySuppress(built, (r) => ({
              ...r,
              suppressed: true,
              row: {
                ...r.row,
                groups: r.row.groups.map((g) => ({ ...g, n: null, mean: null, ci: null, suppressed: true })),
                gap: null,
              },
            }));
        for (const f of final)
          out.push({
            scope: f.row.scope,
            schoolId: f.row.schoolId,
            label: f.row.label,
            subject,
            groups: f.row.groups,
            gap: f.row.gap,
          });
      }
      return {
        academicYear: q.academicYear,
        collectionPoint: q.collectionPoint,
        yearGroup: q.yearGroup ?? null,
        groupBy: q.groupBy,
        suppressionThreshold: threshold,
        pupilLevel,
        rows: out,
      };
    },

    /**
     * A gap over time for one school (or the trust) in one subject: each point with its groups and gap,
     * and whether the gap narrowed or widened between points (methods.md §1, gap change).
     */
    async gapTrend(actor: Actor, q: GapTrendQuery): Promise<GapTrendResult> {
      const { schools, trustWide, pupilLevelFor } = await readable(actor);
      const school = q.schoolId ? schools.find((s) => s.id === q.schoolId) : null;
      if (q.schoolId && !school) throw notFound('School');
      if (!q.schoolId && !trustWide) throw forbidden();
      const all = await repo.findAssessments(db, actor.trustId, { subjects: [q.subject] });
      const chain = assessmentChain(all, q.yearGroup, q.follow);
      const rows = await repo.summarySums(
        db,
        actor.trustId,
        chain.map((a) => a.id),
        school ? [school.id] : schools.map((s) => s.id),
        q.groupBy,
      );
      const pupilLevel = pupilLevelFor(school?.id ?? null);
      const series = chain.map((a) => {
        const pair: [Sums, Sums] = [emptySums(), emptySums()];
        for (const r of rows)
          if (r.assessment_id === a.id) pair[r.focus ? 0 : 1] = addSums(pair[r.focus ? 0 : 1], sumsOf(r));
        return { assessment: toAssessment(a), pair };
      });
      const { points, changes, overall } = trendOf(series, q.groupBy, {
        threshold: suppressionThreshold,
        pupilLevel,
      });
      return {
        subject: q.subject,
        yearGroup: q.yearGroup,
        follow: q.follow,
        groupBy: q.groupBy,
        schoolId: school?.id ?? null,
        label: school?.name ?? 'All schools',
        pupilLevel,
        points,
        changes,
        overall,
      };
    },

    /** DfE gap index (methods.md §2) for a year group at one collection point, per school and trust. */
    async gapIndex(actor: Actor, q: GapIndexQuery): Promise<GapIndexResult> {
      const { schools, trustWide, pupilLevelFor } = await readable(actor);
      const subjects = [
        ...new Set(
          q.subjects
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const assessments = await repo.findAssessments(db, actor.trustId, {
        academicYear: q.academicYear,
        collectionPoint: q.collectionPoint,
        yearGroup: q.yearGroup,
        subjects,
      });
      // One assessment per subject at a point; with none for a subject there is no index.
      const bySubject = new Map(assessments.map((a) => [a.subject, a.id]));
      const ids = subjects.every((s) => bySubject.has(s)) ? subjects.map((s) => bySubject.get(s)!) : [];
      const counts = (
        await repo.gapIndexCounts(
          db,
          actor.trustId,
          ids,
          schools.map((s) => s.id),
        )
      ).map((c) => ({
        school: c.school_id,
        value: Number(c.value),
        disadvantaged: Number(c.disadvantaged),
        others: Number(c.others),
      }));
      const scope = (schoolId: string | null, label: string, cs: typeof counts) => {
        const nD = cs.reduce((s, c) => s + c.disadvantaged, 0);
        const nO = cs.reduce((s, c) => s + c.others, 0);
        const suppressed =
          !pupilLevelFor(schoolId) && (nD < suppressionThreshold || nO < suppressionThreshold);
        return {
          scope: schoolId ? ('school' as const) : ('trust' as const),
          schoolId,
          label,
          n: suppressed ? null : nD + nO,
          nDisadvantaged: suppressed ? null : nD,
          gapIndex: suppressed ? null : gapIndexFromCounts(cs),
          suppressed,
          size: nD,
          isTrust: schoolId === null,
          empty: nD + nO === 0,
        };
      };
      const built = [
        ...(trustWide ? [scope(null, 'All schools', counts)] : []),
        ...schools
          .map((s) =>
            scope(
              s.id,
              s.name,
              counts.filter((c) => c.school === s.id),
            ),
          )
          .filter((s) => !s.empty),
      ];
      // With the trust's pupil counts shown, one hidden school could be worked out by subtraction.
      const shown = secondarySuppress(built, (r) => ({
        ...r,
        n: null,
        nDisadvantaged: null,
        gapIndex: null,
        suppressed: true,
      }));
      return {
        academicYear: q.academicYear,
        collectionPoint: q.collectionPoint,
        yearGroup: q.yearGroup,
        subjects,
        scopes: shown.map(({ size: _s, isTrust: _t, empty: _e, ...rest }) => rest),
      };
    },

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

type AssessmentRow = Awaited<ReturnType<typeof repo.findAssessments>>[number];
const yearNumber = (yg: string) => Number(/^Y(\d+)$/.exec(yg)?.[1] ?? Number.NaN);
const startYear = (ay: string) => Number(ay.slice(0, 4));

/**
 * The assessments of a trend, oldest first. `yearGroup`: that year group in every year (successive
 * cohorts). `cohort`: the pupils now in the year group, back through the year groups they were in
 * (Y11 in the latest year, Y10 the year before, ...).
 */
export function assessmentChain(all: AssessmentRow[], yearGroup: string, follow: 'cohort' | 'yearGroup') {
  if (follow === 'yearGroup') return all.filter((a) => a.year_group === yearGroup);
  const target = yearNumber(yearGroup);
  const latest = Math.max(
    ...all.filter((a) => a.year_group === yearGroup).map((a) => startYear(a.academic_year)),
  );
  if (!Number.isFinite(latest)) return [];
  return all.filter((a) => yearNumber(a.year_group) === target - (latest - startYear(a.academic_year)));
}
