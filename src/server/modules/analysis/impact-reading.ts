import type { InterventionImpact } from './stats';
import { roundHalfAwayFromZero } from './stats';

/** Below this many pupils in a group an effect size is too unstable to lean on (methods.md §7). */
export const SMALL_EVALUATION_GROUP = 30;

export const SMALL_N_CAVEAT =
  'A group has fewer than 30 pupils, so the effect size is very uncertain; treat it as a first look.';
export const CROSSES_ZERO_CAVEAT =
  'The interval includes zero: the difference could be down to chance, so no effect has been shown.';

const two = (x: number) => roundHalfAwayFromZero(x, 2).toFixed(2);

/**
 * The caveats a reader must see beyond those of `interventionImpact` (small groups, an interval that
 * crosses zero), and a plain-English sentence for the result (methods.md §5).
 */
export function impactReading(impact: InterventionImpact): { caveats: string[]; reading: string } {
  const caveats = [...impact.caveats];
  const { n, effect, months } = impact;
  if (
    n.intervention < SMALL_EVALUATION_GROUP ||
    (n.comparison !== null && n.comparison < SMALL_EVALUATION_GROUP)
  )
    caveats.push(SMALL_N_CAVEAT);
  if (effect && effect.ci[0] <= 0 && effect.ci[1] >= 0) caveats.push(CROSSES_ZERO_CAVEAT);
  if (n.comparison === null)
    return {
      caveats,
      reading: `${n.intervention} pupils had a post-test result; with no comparison group there is no effect size.`,
    };
  if (!effect)
    return { caveats, reading: 'There are not enough results in both groups to estimate an effect.' };
  const direction = effect.d >= 0 ? 'higher' : 'lower';
  const progress =
    months === 0
      ? 'no additional progress in the EEF months scale'
      : `about ${Math.abs(months ?? 0)} month${Math.abs(months ?? 0) === 1 ? '' : 's'} of ${months! > 0 ? 'additional' : 'less'} progress`;
  return {
    caveats,
    reading: `The ${n.intervention} pupils who received the intervention scored ${two(Math.abs(effect.d))} standard deviations ${direction} on the post-test than the ${n.comparison} in the comparison group (95% CI ${two(effect.ci[0])} to ${two(effect.ci[1])}): ${progress}.`,
  };
}
