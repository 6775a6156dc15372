import { useQueries, useQuery } from '@tanstack/react-query';
import type { Scale } from '../../../shared/contracts/frameworks';
import { toolVersionQuery } from '../frameworks/frameworks.api';
import { roundQuery } from './evaluation.api';

const sameScale = (a: Scale, b: Scale) =>
  a.points.length === b.points.length &&
  a.points.every((p, i) => p.value === b.points[i]?.value && p.label === b.points[i]?.label);

/**
 * The scales of a round's tools, by evaluation. Summaries and coverage report judgements as bare
 * values, so the labels come from the tool versions the round uses.
 */
export function useRoundScales(roundId: string) {
  const round = useQuery(roundQuery(roundId));
  const versionIds = [...new Set((round.data?.subjects ?? []).map((s) => s.toolVersionId))];
  const versions = useQueries({ queries: versionIds.map((id) => toolVersionQuery(id)) });
  const byVersion = new Map<string, Scale>();
  versions.forEach((v, i) => {
    const id = versionIds[i];
    if (v.data && id) byVersion.set(id, v.data.scale);
  });
  const bySubject = new Map<string, Scale>();
  for (const s of round.data?.subjects ?? []) {
    const scale = byVersion.get(s.toolVersionId);
    if (scale) bySubject.set(s.id, scale);
  }
  const all = [...byVersion.values()];
  /** One scale when every tool of the round uses the same points; undefined when they differ. */
  const common = all[0] && all.every((s) => sameScale(s, all[0] as Scale)) ? all[0] : undefined;
  return { round, bySubject, common };
}
