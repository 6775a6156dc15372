import { Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowsDiff, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import type { EvaluationResponse } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { type Sender, useAutosave } from './autosave';
import { CommentsThread } from './CommentsThread';
import { evaluationQuery, putResponse, saveAgreement } from './evaluation.api';
import { JudgementControl } from './JudgementControl';
import { pointLabel } from './judgements';
import { PreviousJudgement } from './PreviousJudgement';
import type { StatementView } from './RespondCard';
import classes from './ReviewCard.module.css';
import { CardSaveState, ConflictNotice, SaveErrorNotice } from './SaveNotices';
import { SchoolJudgement } from './SchoolJudgement';
import { StatementHeader } from './StatementHeader';

type Draft = { agreedValue: number | null; agreedRationale: string };

const draftOf = (r: EvaluationResponse): Draft => ({
  agreedValue: r.agreedValue ?? r.selfValue,
  agreedRationale: r.agreedRationale,
});

const send: Sender<Draft> = (d, base) => {
  if (d.agreedValue === null) return 'unchanged';
  if (d.agreedValue !== base.selfValue && !d.agreedRationale.trim()) return 'blocked';
  if (d.agreedValue === base.agreedValue && d.agreedRationale.trim() === base.agreedRationale)
    return 'unchanged';
  return saveAgreement(base.id, {
    version: base.version,
    agreedValue: d.agreedValue,
    agreedRationale: d.agreedRationale,
  });
};

type Props = {
  subjectId: string;
  statement: StatementView;
  response: EvaluationResponse;
  scale: Scale;
  sources: readonly { id: string; label: string }[];
};

function AgreementState({ response: r, scale }: { response: EvaluationResponse; scale: Scale }) {
  const agreed = r.agreedValue !== null;
  const Icon = agreed ? IconCircleCheck : IconCircleDashed;
  return (
    <Group gap={4} wrap="nowrap" c={agreed ? 'teal.9' : 'gray.8'}>
      <Icon size={16} aria-hidden />
      <Text size="xs" fw={600} c={agreed ? 'teal.9' : 'gray.8'} style={{ whiteSpace: 'nowrap' }}>
        {agreed ? `Agreed: ${pointLabel(scale, r.agreedValue)}` : 'Not yet agreed'}
      </Text>
    </Group>
  );
}

/** The liaison's view: the school's judgement beside the agreed one, with a reason wherever they differ. */
export const ReviewCard = memo(function ReviewCard({
  subjectId,
  statement,
  response,
  scale,
  sources,
}: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(response));
  const [seenVersion, setSeenVersion] = useState(response.version);
  const [touched, setTouched] = useState(false);
  const autosave = useAutosave<Draft>({
    response,
    send,
    onSaved: (saved) => {
      setSeenVersion(saved.version);
      putResponse(queryClient, subjectId, saved);
    },
    latest: async () => {
      const fresh = await queryClient.fetchQuery({ ...evaluationQuery(subjectId), staleTime: 0 });
      return fresh.responses.find((r) => r.id === response.id);
    },
  });
  if (response.version !== seenVersion && autosave.idle) {
    setSeenVersion(response.version);
    setDraft(draftOf(response));
  }

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setTouched(true);
    autosave.schedule(next);
  };

  const headingId = `statement-${statement.id}-heading`;
  const differs =
    !response.notJudged && draft.agreedValue !== null && draft.agreedValue !== response.selfValue;
  const rationaleMissing = differs && !draft.agreedRationale.trim();
  return (
    <Paper
      component="article"
      p="lg"
      aria-labelledby={headingId}
      id={`statement-${statement.id}`}
      className={differs ? classes.differs : undefined}
      data-differs={differs || undefined}
    >
      <Stack gap="md">
        <StatementHeader
          code={statement.code}
          text={statement.text}
          guidance={statement.guidance}
          headingId={headingId}
          aside={
            <Stack gap={2} align="flex-end">
              {!response.notJudged && <AgreementState response={response} scale={scale} />}
              <CardSaveState state={autosave.state === 'blocked' ? undefined : autosave.state} />
            </Stack>
          }
        />
        <PreviousJudgement
          response={response}
          scale={scale}
          current={response.notJudged ? null : draft.agreedValue}
          carriedForward={response.carriedForward}
        />
        {autosave.theirs && (
          <ConflictNotice
            theirs={`${pointLabel(scale, autosave.theirs.agreedValue)}${autosave.theirs.agreedRationale ? `, because “${autosave.theirs.agreedRationale}”` : ''}`}
            mine={`${pointLabel(scale, draft.agreedValue)}${draft.agreedRationale.trim() ? `, because “${draft.agreedRationale.trim()}”` : ''}`}
            onUseTheirs={() => {
              if (autosave.theirs) setDraft(draftOf(autosave.theirs));
              setSeenVersion(autosave.theirs?.version ?? seenVersion);
              autosave.resolve('theirs');
            }}
            onKeepMine={() => autosave.resolve('mine')}
          />
        )}
        {autosave.state === 'error' && (
          <SaveErrorNotice error={autosave.error} onRetry={() => autosave.schedule(draft)} />
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SchoolJudgement response={response} scale={scale} sources={sources} />
          {response.notJudged ? (
            <Text size="sm" c="dimmed">
              Nothing to agree this round: the school will judge this statement next time.
            </Text>
          ) : (
            <Stack gap="sm">
              <JudgementControl
                label="Agreed judgement"
                code={statement.code}
                headingId={headingId}
                scale={scale}
                value={draft.agreedValue}
                vertical
                onChange={(agreedValue) => change({ agreedValue })}
              />
              {differs && (
                <Group gap={6} wrap="nowrap" className={classes.differsNote}>
                  <IconArrowsDiff size={18} aria-hidden />
                  <Text size="sm" fw={600}>
                    Differs from the school’s judgement ({pointLabel(scale, response.selfValue)})
                  </Text>
                </Group>
              )}
              <Textarea
                label="Rationale"
                description={
                  differs
                    ? 'Required: say why the agreed judgement differs from the school’s'
                    : 'Optional when you agree with the school'
                }
                required={differs}
                autosize
                minRows={2}
                maxLength={4000}
                value={draft.agreedRationale}
                error={
                  rationaleMissing && touched
                    ? 'Give a rationale: the agreed judgement is not saved until you do'
                    : undefined
                }
                onChange={(e) => change({ agreedRationale: e.currentTarget.value })}
              />
            </Stack>
          )}
        </SimpleGrid>
        <CommentsThread
          responseId={response.id}
          subjectId={subjectId}
          count={response.commentCount}
          canPost
          code={statement.code}
        />
      </Stack>
    </Paper>
  );
});
