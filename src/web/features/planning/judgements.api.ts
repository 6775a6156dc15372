import { queryOptions } from '@tanstack/react-query';
import {
  roundDetail,
  roundList,
  type SubjectDetail,
  subjectDetail,
} from '../../../shared/contracts/evaluation';
import { api } from '../../app/api';

// Keys sit under the evaluation screens' prefixes, so their changes refresh these too, without sharing entries.
export const roundsForPlanningQuery = queryOptions({
  queryKey: ['rounds', 'for-planning'],
  queryFn: async ({ signal }) => (await api('/rounds', { schema: roundList, signal })).rounds,
});

export const roundForPlanningQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['rounds', 'for-planning', roundId],
    queryFn: ({ signal }) => api(`/rounds/${roundId}`, { schema: roundDetail, signal }),
  });

export const evaluationForPlanningQuery = (subjectId: string) =>
  queryOptions({
    queryKey: ['evaluations', 'for-planning', subjectId],
    queryFn: ({ signal }) => api(`/evaluations/${subjectId}`, { schema: subjectDetail, signal }),
  });

export type WeakJudgement = {
  responseId: string;
  statementId: string;
  code: string;
  text: string;
  aspect: string;
  judgement: string;
  rationale: string;
};

/** Agreed judgements below the scale's secure point, in the tool's own order. */
export function weakJudgements(detail: SubjectDetail): WeakJudgement[] {
  const label = (value: number) => detail.scale.points.find((p) => p.value === value)?.label ?? String(value);
  const byStatement = new Map(detail.responses.map((r) => [r.statementId, r]));
  return detail.aspects.flatMap((aspect) =>
    aspect.statements.flatMap((s) => {
      const r = byStatement.get(s.id);
      if (!r || r.agreedValue === null || r.agreedValue >= detail.scale.secureValue) return [];
      return [
        {
          responseId: r.id,
          statementId: s.id,
          code: s.code,
          text: s.text,
          aspect: aspect.title,
          judgement: label(r.agreedValue),
          rationale: r.agreedRationale || r.selfReason,
        },
      ];
    }),
  );
}
