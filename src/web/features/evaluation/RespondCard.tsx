import { Paper, Stack, Switch, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import type { EvaluationResponse, RespondBody } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { type Sender, useAutosave } from './autosave';
import { CommentsThread } from './CommentsThread';
import { EvidenceChips, type EvidenceItem } from './EvidenceChips';
import { evaluationQuery, putResponse, saveResponse } from './evaluation.api';
import { JudgementControl } from './JudgementControl';
import { pointLabel } from './judgements';
import { PreviousJudgement } from './PreviousJudgement';
import { CardSaveState, ConflictNotice, SaveErrorNotice } from './SaveNotices';
import { StatementHeader } from './StatementHeader';

export type StatementView = { id: string; code: string; text: string; guidance: string };

type Draft = {
  selfValue: number | null;
  selfReason: string;
  evidence: EvidenceItem[];
  notJudged: boolean;
  notJudgedNote: string;
};

const draftOf = (r: EvaluationResponse): Draft => ({
  selfValue: r.selfValue,
  selfReason: r.selfReason,
  evidence: r.evidence,
  notJudged: r.notJudged,
  notJudgedNote: r.notJudgedNote,
});

const sameEvidence = (a: EvidenceItem[], b: EvidenceItem[]) =>
  a.length === b.length && a.every((e, i) => e.sourceId === b[i]?.sourceId && e.note.trim() === b[i]?.note);

/** Only the fields that changed are sent: touching nothing else keeps a carried-forward judgement as it was. */
const send: Sender<Draft> = (d, base) => {
  const body: RespondBody = { version: base.version };
  if (d.notJudged !== base.notJudged) body.notJudged = d.notJudged;
  if (!d.notJudged && d.selfValue !== base.selfValue) body.selfValue = d.selfValue;
  if (d.selfReason.trim() !== base.selfReason) body.selfReason = d.selfReason;
  if (!sameEvidence(d.evidence, base.evidence)) body.evidence = d.evidence;
  if (d.notJudgedNote.trim() !== base.notJudgedNote) body.notJudgedNote = d.notJudgedNote;
  return Object.keys(body).length === 1 ? 'unchanged' : saveResponse(base.id, body);
};

const describe = (scale: Scale, d: Pick<Draft, 'selfValue' | 'notJudged' | 'selfReason'>) =>
  d.notJudged
    ? 'left until next time'
    : `${pointLabel(scale, d.selfValue)}${d.selfReason.trim() ? `, because “${d.selfReason.trim()}”` : ''}`;

type Props = {
  subjectId: string;
  statement: StatementView;
  response: EvaluationResponse;
  scale: Scale;
  sources: readonly { id: string; label: string }[];
};

/** One statement as the school judges it; every change saves itself a moment later. */
export const RespondCard = memo(function RespondCard({
  subjectId,
  statement,
  response,
  scale,
  sources,
}: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(response));
  const [seenVersion, setSeenVersion] = useState(response.version);
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

  // A newer copy saved elsewhere replaces the draft, unless something typed here is still waiting.
  if (response.version !== seenVersion && autosave.idle) {
    setSeenVersion(response.version);
    setDraft(draftOf(response));
  }

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    autosave.schedule(next);
  };

  const headingId = `statement-${statement.id}-heading`;
  return (
    <Paper component="article" p="lg" aria-labelledby={headingId} id={`statement-${statement.id}`}>
      <Stack gap="md">
        <StatementHeader
          code={statement.code}
          text={statement.text}
          guidance={statement.guidance}
          headingId={headingId}
          aside={<CardSaveState state={autosave.state} />}
        />
        <PreviousJudgement
          response={response}
          scale={scale}
          current={draft.notJudged ? null : draft.selfValue}
          carriedForward={response.carriedForward && draft.selfValue === response.previousAgreedValue}
        />
        {autosave.theirs && (
          <ConflictNotice
            theirs={describe(scale, autosave.theirs)}
            mine={describe(scale, draft)}
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
        <JudgementControl
          label="Your judgement"
          code={statement.code}
          headingId={headingId}
          scale={scale}
          value={draft.notJudged ? null : draft.selfValue}
          disabled={draft.notJudged}
          note={draft.notJudged ? 'Left until next time, so not judged this round' : undefined}
          onChange={(selfValue) => change({ selfValue })}
        />
        {!draft.notJudged && (
          <>
            <Textarea
              label="Why? What does the evidence show?"
              autosize
              minRows={2}
              maxRows={8}
              maxLength={4000}
              value={draft.selfReason}
              onChange={(e) => change({ selfReason: e.currentTarget.value })}
            />
            <EvidenceChips
              sources={sources}
              value={draft.evidence}
              onChange={(evidence) => change({ evidence })}
            />
          </>
        )}
        <Switch
          label="Leave until next time"
          description="For a statement you cannot judge fairly yet; it stays on the list for next round"
          checked={draft.notJudged}
          onChange={(e) =>
            change(e.currentTarget.checked ? { notJudged: true, selfValue: null } : { notJudged: false })
          }
        />
        {draft.notJudged && (
          <Textarea
            label="Why leave it, and what would settle it next time?"
            autosize
            minRows={2}
            maxLength={2000}
            value={draft.notJudgedNote}
            onChange={(e) => change({ notJudgedNote: e.currentTarget.value })}
          />
        )}
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
