/**
 * Plain-English (British English) wording of a gap trend, for reports read by governors and trustees.
 * Source: methods.md §1 ("always say which group moved").
 */
import type { GapTrend, GroupMovement } from './gap-trend';
import { roundHalfAwayFromZero } from './round';

export type GapSentenceOptions = {
  /** Decimal places for the gaps (default 1). */
  readonly decimals?: number;
  /** Plural noun phrases for the groups. */
  readonly comparisonLabel?: string;
  readonly disadvantagedLabel?: string;
};

/**
 * One or two sentences saying whether the gap narrowed, widened or showed no clear change, and which
 * group moved, e.g. "The gap narrowed from 0.9 to 0.5, but only because non-disadvantaged pupils'
 * results fell."
 */
export function describeGapTrend(trend: GapTrend, options: GapSentenceOptions = {}): string {
  const decimals = options.decimals ?? 1;
  const comparison = options.comparisonLabel ?? 'non-disadvantaged pupils';
  const disadvantaged = options.disadvantagedLabel ?? 'disadvantaged pupils';
  const fmt = (x: number) => roundHalfAwayFromZero(Math.abs(x), decimals).toFixed(decimals);

  const movements = `${capitalise(possessive(disadvantaged))} results ${verb(trend.disadvantaged)} and ${possessive(comparison)} results ${verb(trend.comparison)}.`;

  // Gaps are shown as sizes; who is ahead is said in words, since "-0.3" means little to a reader.
  const { gapBefore: before, gapAfter: after } = trend;
  const inFavour = (gap: number) =>
    `${fmt(gap)} in ${possessive(gap < 0 ? disadvantaged : comparison)} favour`;
  const [gap, first, second] =
    before >= 0 && after >= 0
      ? ['the gap', fmt(before), fmt(after)]
      : before <= 0 && after <= 0
        ? [`the gap in ${possessive(disadvantaged)} favour`, fmt(before), fmt(after)]
        : ['the gap', inFavour(before), inFavour(after)];

  if (trend.direction === 'no_clear_change') {
    return `There was no clear change in ${gap} (${first}, then ${second}): the difference is within what chance alone could produce. ${movements}`;
  }
  const verbPhrase = trend.reversed ? 'closed and reversed,' : trend.direction;
  const opening = `${capitalise(gap)} ${verbPhrase} from ${first} to ${second}`;

  switch (trend.flag) {
    case 'comparison_fell':
      return `${opening}, but only because ${possessive(comparison)} results fell.`;
    case 'disadvantaged_fell':
      return `${opening}, but only because ${possessive(disadvantaged)} results fell.`;
    case 'both_fell':
      return `${opening}, but both groups' results fell.`;
    default:
      return `${opening}. ${movements}`;
  }
}

const verb = (m: GroupMovement) => (m === 'unchanged' ? 'stayed the same' : m);
const possessive = (plural: string) => (plural.endsWith('s') ? `${plural}'` : `${plural}'s`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
