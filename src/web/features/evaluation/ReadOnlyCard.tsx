import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { EvaluationResponse } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { CommentsThread } from './CommentsThread';
import { pointLabel } from './judgements';
import { PreviousJudgement } from './PreviousJudgement';
import type { StatementView } from './RespondCard';
import { SchoolJudgement } from './SchoolJudgement';
import { StatementHeader } from './StatementHeader';

type Props = {
  subjectId: string;
  statement: StatementView;
  response: EvaluationResponse;
  scale: Scale;
  sources: readonly { id: string; label: string }[];
  /** Trustees and governors see agreed judgements only, without the school's working. */
  agreedOnly: boolean;
  canComment: boolean;
};

/** A statement as it stands, for a locked evaluation or a reader who may not change it. */
export const ReadOnlyCard = memo(function ReadOnlyCard(p: Props) {
  const { response: r, scale, statement } = p;
  const headingId = `statement-${statement.id}-heading`;
  return (
    <Paper component="article" p="lg" aria-labelledby={headingId} id={`statement-${statement.id}`}>
      <Stack gap="md">
        <StatementHeader
          code={statement.code}
          text={statement.text}
          guidance={statement.guidance}
          headingId={headingId}
        />
        <PreviousJudgement
          response={r}
          scale={scale}
          current={r.notJudged ? null : (r.agreedValue ?? r.selfValue)}
          carriedForward={r.carriedForward}
        />
        <SimpleGrid cols={{ base: 1, md: p.agreedOnly ? 1 : 2 }} spacing="lg">
          {!p.agreedOnly && <SchoolJudgement response={r} scale={scale} sources={p.sources} />}
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Agreed judgement
            </Text>
            <Text fw={600}>
              {r.notJudged
                ? 'Left until next time'
                : r.agreedValue === null
                  ? 'Not agreed yet'
                  : `${r.agreedValue} ${pointLabel(scale, r.agreedValue)}`}
            </Text>
            {r.agreedRationale && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.agreedRationale}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        {!p.agreedOnly && (
          <CommentsThread
            responseId={r.id}
            subjectId={p.subjectId}
            count={r.commentCount}
            canPost={p.canComment}
            code={statement.code}
          />
        )}
      </Stack>
    </Paper>
  );
});
