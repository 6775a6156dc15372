import type { GapAnalysis } from '../../../shared/contracts/analysis';
import type { Heatmap } from '../../../shared/contracts/evaluation';
import type { PlanOverview } from '../../../shared/contracts/planning';
import type { Actor } from '../../platform/auth/actor';
import { can, canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import type { AnalysisService } from '../analysis/analysis.service';
import { Z95 } from '../analysis/stats/interval';
import type { EvaluationService } from '../evaluation/evaluation.service';
import type { EvaluationViews } from '../evaluation/evaluation-views.service';
import { orgRepository } from '../org/org.repository';
import type { PlanningViews } from '../planning/planning-views.service';
import { boardAssessments } from './board-assessments';
import { reportsRepository } from './reports.repository';

export type BoardDeps = {
  analysis: AnalysisService;
  evaluation: EvaluationService;
  evaluationViews: EvaluationViews;
  planningViews: PlanningViews;
};

export type Period = { from: string | null; to: string };

export type GapEntry = {
  analysis: GapAnalysis;
  /** The latest earlier assessment of the same subject and year group, for the trend. */
  previous: GapAnalysis | null;
};

/**
 * Everything the board report and the board dashboard show, gathered through the same services
 * (and so the same policy checks) as the rest of the platform. Gap figures always go through the
 * analysis service with the board audience: suppressed as for governors, whoever asks.
 */
export async function gatherBoardData(db: Db, deps: BoardDeps, actor: Actor, period: Period) {
  const schools = (await orgRepository.listSchools(db, actor.trustId)).filter((s) =>
    can(actor, 'school.read', { trustId: actor.trustId, schoolId: s.id }),
  );
  const assessments = await deps.analysis.assessments(actor);
  const inPeriod = assessments.filter(
    (a) => a.takenOn <= period.to && (!period.from || a.takenOn >= period.from),
  );
  const gaps: GapEntry[] = [];
  for (const a of boardAssessments(inPeriod)) {
    const analysis = await deps.analysis.gaps(actor, a.id, 'disadvantaged', { audience: 'board' });
    // An assessment none of the reader's schools took has nothing to show.
    if (!analysis.scopes.length) continue;
    const earlier = assessments
      .filter((b) => b.subject === a.subject && b.yearGroup === a.yearGroup && b.takenOn < a.takenOn)
      .sort((x, y) => y.takenOn.localeCompare(x.takenOn))[0];
    const previous = earlier
      ? await deps.analysis.gaps(actor, earlier.id, 'disadvantaged', { audience: 'board' })
      : null;
    gaps.push({ analysis, previous });
  }

  const published = await reportsRepository.publishedForSchools(
    db,
    actor.trustId,
    schools.map((s) => s.urn),
  );

  const laCodes = [...new Set(published.map((p) => p.la_code).filter((c): c is string => !!c))];
  const benchmarks = await reportsRepository.publishedBenchmarks(db, actor.trustId, laCodes);

  let heatmap: Heatmap | null = null;
  if (canAnywhere(actor, 'evaluation.read_agreed')) {
    const rounds = (await deps.evaluation.listRounds(actor)).filter((r) => r.opensOn <= period.to);
    // The board sees the last finished round that covered most of the trust (not a small pilot):
    // every judgement in it is agreed.
    const closed = rounds.filter((r) => r.status === 'closed');
    const widest = Math.max(0, ...closed.map((r) => r.subjectCount));
    const round = closed.find((r) => r.subjectCount * 2 >= widest) ?? rounds[0];
    if (round) heatmap = await deps.evaluationViews.heatmap(actor, round.id, {}).catch(() => null);
  }

  const plans: PlanOverview = canAnywhere(actor, 'plan.read')
    ? await deps.planningViews.overview(actor)
    : { plans: [], deimplemented: [] };

  return { schools, gaps, published, benchmarks, heatmap, plans };
}

export type BoardData = Awaited<ReturnType<typeof gatherBoardData>>;

/** The scope's gap (other minus focus), or null when hidden. */
export const gapOf = (a: GapAnalysis | null, schoolId: string | null) =>
  a?.scopes.find((s) => s.schoolId === schoolId)?.gap?.difference ?? null;

/** The scope's gap with its 95% interval, or null when hidden. */
export const gapAt = (a: GapAnalysis | null, schoolId: string | null) =>
  a?.scopes.find((s) => s.schoolId === schoolId)?.gap ?? null;

type GapWithInterval = { difference: number; ci: readonly [number, number] };

/**
 * Narrower or wider only when the change is clear (methods.md §1): the 95% interval of the change
 * in the gap, from each gap's standard error read back from its interval, must exclude zero.
 * Otherwise the gap is reported as no clear change, however the point estimates moved.
 */
export function trendOf(now: GapWithInterval | null, before: GapWithInterval | null, hasEarlier: boolean) {
  if (now === null) return 'hidden' as const;
  if (!hasEarlier) return 'no_earlier_data' as const;
  if (before === null) return 'hidden' as const;
  const se = (g: GapWithInterval) => (g.ci[1] - g.ci[0]) / (2 * Z95);
  const change = now.difference - before.difference;
  if (Math.abs(change) <= Z95 * Math.hypot(se(now), se(before))) return 'similar' as const;
  // Toward zero from the side the gap started on is narrowing; anything else is widening.
  const narrowed = before.difference > 0 ? change < 0 : before.difference < 0 ? change > 0 : false;
  return narrowed ? ('narrower' as const) : ('wider' as const);
}

/** A whole scope's mean from its two groups, or null when either is hidden. */
export function scopeMean(scope: GapAnalysis['scopes'][number] | undefined): number | null {
  if (!scope || scope.groups.some((g) => g.n === null || g.mean === null)) return null;
  const n = scope.groups.reduce((t, g) => t + (g.n ?? 0), 0);
  return n ? scope.groups.reduce((t, g) => t + (g.n ?? 0) * (g.mean ?? 0), 0) / n : null;
}

/** Per school: agreed judgements, how many at or above secure, and their mean. */
export function heatmapBySchool(h: Heatmap) {
  return h.rows
    .map((row, i) => ({ row, values: (h.cells[i] ?? []).filter((c): c is number => typeof c === 'number') }))
    .reduce<{ schoolId: string | null; label: string; values: number[] }[]>((acc, { row, values }) => {
      const label = row.label.split(' – ')[0] ?? row.label;
      const found = acc.find((a) => a.schoolId === row.schoolId);
      if (found) found.values.push(...values);
      else acc.push({ schoolId: row.schoolId, label, values: [...values] });
      return acc;
    }, [])
    .map((s) => ({
      schoolId: s.schoolId,
      label: s.label,
      judged: s.values.length,
      secureOrBetter: s.values.filter((v) => v >= h.scale.secureValue).length,
      mean: s.values.length ? s.values.reduce((a, b) => a + b, 0) / s.values.length : null,
    }));
}
