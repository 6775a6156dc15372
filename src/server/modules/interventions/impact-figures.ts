import type { ImpactFigures } from '../../../shared/contracts/analysis';
import { impactReading } from '../analysis/impact-reading';
import { interventionImpact, mean, sd } from '../analysis/stats';

/**
 * One group's figures for the impact panel: the analysis module's EEF DIY evaluation (methods.md §5)
 * and its plain-English reading, in the shape of the analysis contract, so both screens say the same.
 */
export type ImpactGroups = {
  /** Post-test (outcome) scores of the pupils who had one. */
  readonly post: { readonly intervention: number[]; readonly comparison: number[] };
  /** Pre-test (baseline) scores, when a baseline assessment was chosen. */
  readonly pre: { readonly intervention: number[]; readonly comparison: number[] } | null;
  /** Pupils who started the intervention, for attrition. */
  readonly startedIntervention: number;
};

export function impactFigures(g: ImpactGroups): ImpactFigures {
  const impact = interventionImpact({
    post: { intervention: g.post.intervention, comparison: g.post.comparison },
    ...(g.pre ? { pre: g.pre } : {}),
    // The comparison pupils are drawn from those with results, so their attrition is not known.
    started: { intervention: g.startedIntervention },
  });
  const scores = (post: number[], pre: number[] | undefined) => ({
    n: post.length,
    preMean: pre ? mean(pre) : null,
    postMean: mean(post),
    postSd: sd(post),
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
      intervention: scores(g.post.intervention, g.pre?.intervention),
      comparison: scores(g.post.comparison, g.pre?.comparison),
    },
    ...impactReading(impact),
  };
}
