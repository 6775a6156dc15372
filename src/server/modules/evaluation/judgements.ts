import type { Scale } from '../../../shared/contracts/frameworks';

/** Pure rules about judgements, shared by the workflow, the summaries and the heatmap. */

export type Change = 'up' | 'down' | 'same' | 'new' | null;

/** Agreed judgement against the previous round's: only agreed judgements are compared. */
export function changeSince(agreed: number | null, previousAgreed: number | null): Change {
  if (agreed === null) return null;
  if (previousAgreed === null) return 'new';
  if (agreed > previousAgreed) return 'up';
  if (agreed < previousAgreed) return 'down';
  return 'same';
}

/** A statement counts as judged only with a value and not left until next time. */
export const isJudged = (r: { self_value: number | null; not_judged: boolean }) =>
  !r.not_judged && r.self_value !== null;

export const labelOf = (scale: Scale, value: number | null) =>
  value === null ? '' : (scale.points.find((p) => p.value === value)?.label ?? String(value));

export type WeaknessInput = { statementId: string; values: (number | 'left' | 'na' | null)[] };

/**
 * Statements judged below secure in the largest share of the subjects that have an agreed judgement
 * for them. Left-until-next-time and unagreed cells are not judgements and are not counted.
 */
export function commonWeaknesses(columns: WeaknessInput[], secureValue: number, limit = 10) {
  return columns
    .map((c) => {
      const judged = c.values.filter((v): v is number => typeof v === 'number');
      const below = judged.filter((v) => v < secureValue).length;
      return {
        statementId: c.statementId,
        belowSecure: below,
        judged: judged.length,
        share: judged.length ? below / judged.length : 0,
      };
    })
    .filter((w) => w.belowSecure > 0)
    .sort((a, b) => b.share - a.share || b.belowSecure - a.belowSecure)
    .slice(0, limit);
}
