import { Stack, Text } from '@mantine/core';
import type { SubjectDetail } from '../../../shared/contracts/evaluation';
import { ReadOnlyCard } from './ReadOnlyCard';
import { RespondCard } from './RespondCard';
import { ReviewCard } from './ReviewCard';

export type Mode = 'respond' | 'review' | 'read';

type Props = {
  detail: SubjectDetail;
  aspectIndex: number;
  mode: Mode;
  sources: readonly { id: string; label: string }[];
  agreedOnly: boolean;
  canComment: boolean;
};

/** The statements of one aspect, each as a card for the reader's part in the workflow. */
export function AspectPanel({ detail, aspectIndex, mode, sources, agreedOnly, canComment }: Props) {
  const aspect = detail.aspects[aspectIndex];
  if (!aspect) return null;
  const responseOf = new Map(detail.responses.map((r) => [r.statementId, r]));
  const subjectId = detail.subject.id;
  return (
    <Stack gap="md">
      {aspect.description && <Text c="dimmed">{aspect.description}</Text>}
      {aspect.statements.map((statement) => {
        const response = responseOf.get(statement.id);
        if (!response) return null;
        const common = { subjectId, statement, response, scale: detail.scale, sources };
        if (mode === 'respond') return <RespondCard key={statement.id} {...common} />;
        if (mode === 'review') return <ReviewCard key={statement.id} {...common} />;
        return (
          <ReadOnlyCard key={statement.id} {...common} agreedOnly={agreedOnly} canComment={canComment} />
        );
      })}
    </Stack>
  );
}
