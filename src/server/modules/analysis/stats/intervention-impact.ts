/**
 * The whole report of an intervention's impact: n per group, attrition, effect size with its interval,
 * months of progress, baseline equivalence, and the caveats a reader must see.
 * Source: methods.md §5 "Intervention impact (EEF DIY evaluation)".
 */
import { type GroupSummary, type Observation, sizeOf } from './descriptive';
import { baselineEquivalence, type EffectSize, effectSize, monthsOfProgress } from './effect-size';
import { roundHalfAwayFromZero } from './round';

type Group = readonly Observation[] | GroupSummary;

export type InterventionImpactInput = {
  /** Post-test scores (or summaries). Without a comparison group no effect can be attributed. */
  readonly post: { readonly intervention: Group; readonly comparison?: Group };
  /** Pre-test scores, for baseline equivalence. */
  readonly pre?: { readonly intervention: Group; readonly comparison: Group };
  /** Pupils who started in each group, for attrition. */
  readonly started?: { readonly intervention: number; readonly comparison?: number };
};

export type InterventionImpact = {
  readonly n: { readonly intervention: number; readonly comparison: number | null };
  /** Share of starters without a post-test result; null where the number who started is not known. */
  readonly attrition: {
    readonly intervention: number | null;
    readonly comparison: number | null;
    readonly overall: number | null;
  };
  readonly effect: EffectSize | null;
  /** EEF months of additional progress from Cohen's d. */
  readonly months: number | null;
  readonly baseline: { readonly d: number; readonly imbalanced: boolean } | null;
  readonly caveats: readonly string[];
};

export const NO_COMPARISON_CAVEAT =
  'There was no comparison group, so the change cannot be attributed to the intervention.';
export const NO_PRE_TEST_CAVEAT =
  'There was no pre-test, so it is not known whether the groups started alike.';

/** Evaluates an intervention as §5 asks; every number is reported with the caveats that qualify it. */
export function interventionImpact(input: InterventionImpactInput): InterventionImpact {
  const nIntervention = sizeOf(input.post.intervention);
  const nComparison = input.post.comparison === undefined ? null : sizeOf(input.post.comparison);
  const attritionOf = (started: number | undefined, analysed: number | null) =>
    started === undefined || analysed === null || started <= 0 ? null : (started - analysed) / started;
  const attritionIntervention = attritionOf(input.started?.intervention, nIntervention);
  const attritionComparison = attritionOf(input.started?.comparison, nComparison);
  const overall =
    input.started?.comparison !== undefined && nComparison !== null
      ? attritionOf(input.started.intervention + input.started.comparison, nIntervention + nComparison)
      : null;

  const caveats: string[] = [];
  const comparison = input.post.comparison;
  if (comparison === undefined) caveats.push(NO_COMPARISON_CAVEAT);
  const effect = comparison === undefined ? null : effectSize(input.post.intervention, comparison);
  const baseline = input.pre ? baselineEquivalence(input.pre.intervention, input.pre.comparison) : null;
  if (comparison !== undefined && input.pre === undefined) caveats.push(NO_PRE_TEST_CAVEAT);
  if (baseline?.imbalanced) {
    const size = roundHalfAwayFromZero(baseline.d, 2).toFixed(2);
    caveats.push(
      `The groups differed at the start (pre-test effect size ${size}), so some of the difference may have been there before the intervention.`,
    );
  }

  return {
    n: { intervention: nIntervention, comparison: nComparison },
    attrition: { intervention: attritionIntervention, comparison: attritionComparison, overall },
    effect,
    months: effect === null ? null : monthsOfProgress(effect.d),
    baseline,
    caveats,
  };
}
