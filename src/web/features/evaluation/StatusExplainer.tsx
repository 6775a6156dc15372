import { Alert, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { SubjectDetail } from '../../../shared/contracts/evaluation';
import { plural } from '../../app/format';
import type { Mode } from './AspectPanel';

/** One plain paragraph on where the evaluation is in its workflow and what to do next. */
export function StatusExplainer({ detail, mode }: { detail: SubjectDetail; mode: Mode }) {
  const carried = detail.responses.filter((r) => r.carriedForward).length;
  // Readers of agreed judgements only receive no self-judgements, so there is nothing to compare.
  const differing = detail.responses.filter(
    (r) => !r.notJudged && r.agreedValue !== null && r.selfValue !== null && r.agreedValue !== r.selfValue,
  ).length;
  let title: string;
  let body: string;
  if (mode === 'respond') {
    title = 'Make your judgements';
    body =
      'Work through each aspect and judge every statement on the scale, saying why and what the evidence is. Your changes save as you go. Leave a statement until next time if you cannot judge it fairly yet. When you are done, submit the evaluation for review.';
    if (carried > 0)
      body += ` ${plural(carried, 'judgement')} agreed last round ${carried === 1 ? 'is' : 'are'} filled in as your starting point, marked “Carried forward”: change any that have moved on.`;
  } else if (mode === 'review') {
    title = 'Review and agree the judgements';
    body =
      'Each agreed judgement starts as the school’s own. Where you and the school settle on a different point, choose it and give a rationale. Agreeing the evaluation confirms every statement you have not changed and locks it.';
    if (differing > 0)
      body += ` So far ${plural(differing, 'agreed judgement differs', 'agreed judgements differ')} from the school’s.`;
  } else if (detail.subject.status === 'draft') {
    title = 'In progress';
    body = 'The school is still making its judgements. They will be reviewed once submitted.';
  } else if (detail.subject.status === 'submitted') {
    title = 'Submitted for review';
    body = 'The school has submitted this evaluation. Its liaison now agrees the judgements with the school.';
  } else {
    title = 'Agreed';
    body = `The judgements are agreed and locked.${differing > 0 ? ` ${plural(differing, 'agreed judgement differs', 'agreed judgements differ')} from the school’s own, each with a rationale.` : ''}`;
  }
  return (
    <Alert color="brand" variant="light" icon={<IconInfoCircle aria-hidden />} title={title}>
      <Text size="sm">{body}</Text>
    </Alert>
  );
}
