import type { Assessment } from '../../../shared/contracts/analysis';
import type { InterventionImpactView } from '../../../shared/contracts/interventions';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { analysisRepository } from '../analysis/analysis.repository';
import { orgRepository } from '../org/org.repository';
import { planningRepository } from '../planning/planning.repository';
import { meanOf, pupilAttendance } from './attendance';
import { impactFigures } from './impact-figures';
import { interventionGuards } from './intervention-guards';
import { type InterventionRow, interventionsRepository as repo } from './interventions.repository';
import { matchComparison } from './matching';

type Pupil = { id: string; disadvantaged: boolean; upn: string | null };
/** Below this mean dosage the pupils had less than half the programme, which the reading must say. */
const LOW_DOSAGE = 0.5;

/**
 * Did the intervention work: the outcome of its pupils against comparison pupils of the same school
 * and year group (matched on baseline within disadvantaged status, or all of them), with the
 * analysis module's statistics and wording, for the whole group and its disadvantaged pupils.
 */
export function createInterventionImpactService(db: Db, suppressionThreshold: number) {
  const { allowed, load, toSummary } = interventionGuards(db, suppressionThreshold);

  const toAssessment = (
    a: NonNullable<Awaited<ReturnType<typeof analysisRepository.findAssessment>>>,
  ): Assessment => ({
    id: a.id,
    name: a.name,
    subject: a.subject,
    yearGroup: a.year_group,
    academicYear: a.academic_year,
    collectionPoint: a.collection_point,
    gradeSet: a.grade_set,
    takenOn: a.taken_on,
  });

  async function evaluate(actor: Actor, row: InterventionRow): Promise<InterventionImpactView> {
    const pupilLevel = allowed(actor, 'pupil.read', row.school_id);
    const find = (id: string | null) =>
      id ? analysisRepository.findAssessment(db, actor.trustId, id) : undefined;
    const [pre, post] = await Promise.all([
      find(row.baseline_assessment_id),
      find(row.outcome_assessment_id),
    ]);
    const matched = row.matched_comparison && pre !== undefined;
    const view = {
      interventionId: row.id,
      baselineAssessment: pre ? toAssessment(pre) : null,
      outcomeAssessment: post ? toAssessment(post) : null,
      comparison: matched ? ('matched' as const) : ('others' as const),
      suppressed: false,
      suppressionThreshold,
      overall: null,
      disadvantaged: null,
    };
    if (!post)
      return {
        ...view,
        unavailable: 'Choose an outcome assessment (and ideally a baseline) to see whether it worked.',
        notes: [],
      };
    const members = await repo.members(db, actor.trustId, row.id);
    if (!members.length)
      return { ...view, unavailable: 'Add the pupils in the intervention first.', notes: [] };

    const pool = await repo.comparisonPool(db, actor.trustId, {
      schoolId: row.school_id,
      yearGroups: [...new Set(members.map((m) => m.year_group))],
      interventionId: row.id,
      assessmentId: post.id,
    });
    const everyone = [...members.map((m) => m.id), ...pool.map((p) => p.id)];
    const postValues = await analysisRepository.valuesFor(db, actor.trustId, post.id, everyone);
    const preValues = pre ? await analysisRepository.valuesFor(db, actor.trustId, pre.id, everyone) : null;

    const notes: string[] = [];
    let comparison: Pupil[] = pool;
    if (matched && preValues) {
      const withBaseline = (ps: Pupil[]) =>
        ps.flatMap((p) =>
          preValues.has(p.id) ? [{ ...p, baseline: preValues.get(p.id)!, tieKey: p.upn ?? p.id }] : [],
        );
      const pairs = matchComparison(withBaseline(members), withBaseline(pool));
      const chosen = new Set(pairs.map((m) => m.comparisonId));
      comparison = pool.filter((p) => chosen.has(p.id));
      const unmatched = members.length - pairs.length;
      if (unmatched > 0)
        notes.push(
          `${unmatched} pupil${unmatched === 1 ? '' : 's'} in the intervention had no baseline result or no similar pupil to compare with.`,
        );
    } else if (row.matched_comparison) {
      notes.push(
        'Matching needs a baseline assessment, so every other pupil in the year group is the comparison.',
      );
    }
    const left = members.filter((m) => m.left_on && (!row.ends_on || m.left_on < row.ends_on)).length;
    if (left > 0)
      notes.push(
        `${left} pupil${left === 1 ? '' : 's'} left before the end; they are still counted in the intervention group.`,
      );
    const sessions = await repo.sessions(db, actor.trustId, row.id);
    const dosage = meanOf(
      pupilAttendance(
        members.map((m) => ({ pupilId: m.id, joinedOn: m.joined_on, leftOn: m.left_on })),
        sessions,
        row.planned_sessions,
      ).map((a) => a.dosage),
    );
    if (sessions.length && dosage !== null && dosage < LOW_DOSAGE)
      notes.push(
        `On average pupils attended ${Math.round(dosage * 100)}% of the planned sessions, so the programme was not delivered in full.`,
      );
    if (post.taken_on < row.starts_on)
      notes.push(
        'The outcome assessment was taken before the intervention started, so it cannot show its effect.',
      );
    if (pre && pre.taken_on > row.starts_on)
      notes.push('The baseline assessment was taken after the intervention started.');

    const figures = (t: Pupil[], c: Pupil[]) => {
      const scores = (ps: Pupil[], m: Map<string, number>) =>
        ps.flatMap((p) => (m.has(p.id) ? [m.get(p.id)!] : []));
      return impactFigures({
        post: { intervention: scores(t, postValues), comparison: scores(c, postValues) },
        pre: preValues ? { intervention: scores(t, preValues), comparison: scores(c, preValues) } : null,
        startedIntervention: t.length,
      });
    };
    const overall = figures(members, comparison);
    const dT = members.filter((p) => p.disadvantaged);
    const dC = comparison.filter((p) => p.disadvantaged);
    const minimum = pupilLevel ? 2 : suppressionThreshold;
    const disadvantaged = dT.length >= minimum && dC.length >= minimum ? figures(dT, dC) : null;
    // Governors and trustees see no figure that describes fewer pupils than the threshold (methods.md §6).
    const small = (f: typeof overall) =>
      f.n.intervention < suppressionThreshold || (f.n.comparison ?? 0) < suppressionThreshold;
    if (!pupilLevel && small(overall)) return { ...view, suppressed: true, unavailable: null, notes };
    return {
      ...view,
      unavailable: null,
      overall,
      disadvantaged: disadvantaged && !pupilLevel && small(disadvantaged) ? null : disadvantaged,
      notes,
    };
  }

  return {
    async impact(actor: Actor, id: string): Promise<InterventionImpactView> {
      return evaluate(actor, await load(actor, id, 'intervention.read'));
    },

    /** A plan priority's interventions, each with its impact, for the priority page. */
    async forPriority(actor: Actor, priorityId: string) {
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
      const schoolIds = (await orgRepository.listSchools(db, actor.trustId))
        .map((s) => s.id)
        .filter((s) => allowed(actor, 'intervention.read', s));
      const rows = await repo.list(db, actor.trustId, { schoolIds, priorityId });
      const interventions = [];
      for (const r of rows)
        interventions.push({ intervention: toSummary(actor, r), impact: await evaluate(actor, r) });
      return { interventions };
    },
  };
}
