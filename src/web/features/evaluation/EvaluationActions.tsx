import { Button, Group } from '@mantine/core';
import { IconArrowBackUp, IconChecks, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import type { SubjectDetail } from '../../../shared/contracts/evaluation';
import { ApiError } from '../../app/api';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { plural } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { SaveRegistryContext } from './autosave';
import { evaluationQuery, putResponse, saveAgreement, useTransition } from './evaluation.api';
import { needsAgreement, progressOf } from './judgements';

type Dialog = 'submit' | 'agree' | 'reopen' | undefined;

type Props = { detail: SubjectDetail; mayReopen: boolean; onProblem: (message: string | undefined) => void };

/** Submit (the school), agree and lock, or reopen (the liaison): each asks first, after saving everything. */
export function EvaluationActions({ detail, mayReopen, onProblem }: Props) {
  const queryClient = useQueryClient();
  const registry = useContext(SaveRegistryContext);
  const subjectId = detail.subject.id;
  const transition = useTransition(subjectId);
  const [dialog, setDialog] = useState<Dialog>();
  const [preparing, setPreparing] = useState(false);
  const [error, setError] = useState<unknown>();
  const p = progressOf(detail.responses);
  const unjudged = p.statements - p.judged - p.leftForNextTime;

  /** Saves everything typed so far; refuses to go on while any statement could not be saved. */
  const prepare = async (next: Dialog) => {
    onProblem(undefined);
    setError(undefined);
    setPreparing(true);
    await registry.flushAll();
    setPreparing(false);
    const stuck = registry.count('blocked') + registry.count('conflict') + registry.count('error');
    if (stuck > 0) {
      onProblem(
        `${plural(stuck, 'statement has', 'statements have')} changes that are not saved. Resolve the messages on ${stuck === 1 ? 'it' : 'them'} first.`,
      );
      return;
    }
    if (next === 'agree') {
      const latest = queryClient.getQueryData(evaluationQuery(subjectId).queryKey) ?? detail;
      const noJudgement = latest.responses.filter((r) => needsAgreement(r) && r.selfValue === null);
      if (noJudgement.length > 0) {
        const codes = noJudgement.map((r) => codeOf(detail, r.statementId)).join(', ');
        onProblem(
          `The school gave no judgement for ${plural(noJudgement.length, 'statement')} (${codes}). Choose an agreed judgement for each, or return the evaluation to the school.`,
        );
        return;
      }
    }
    setDialog(next);
  };

  /** Statements the liaison did not change are agreed as the school judged them. */
  const agreeTheRest = async () => {
    const latest = queryClient.getQueryData(evaluationQuery(subjectId).queryKey) ?? detail;
    for (const r of latest.responses.filter(needsAgreement)) {
      if (r.selfValue === null) continue;
      const saved = await saveAgreement(r.id, {
        version: r.version,
        agreedValue: r.selfValue,
        agreedRationale: '',
      });
      putResponse(queryClient, subjectId, saved);
    }
  };

  const run = async () => {
    setError(undefined);
    try {
      if (dialog === 'agree') await agreeTheRest();
      const to = dialog === 'submit' ? 'submit' : dialog === 'agree' ? 'agree' : 'reopen';
      await transition.mutateAsync({ to, version: detail.subject.version });
      notifySuccess(
        to === 'submit'
          ? 'Submitted. Your liaison will now review the judgements with you.'
          : to === 'agree'
            ? 'Evaluation agreed and locked.'
            : 'Reopened: the school can change its judgements again.',
      );
      setDialog(undefined);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.isConflict)
        void queryClient.invalidateQueries({ queryKey: ['evaluations', subjectId] });
    }
  };

  const { respond, agree } = detail.permissions;
  const reopenable = mayReopen && detail.round.status === 'open' && detail.subject.status !== 'draft';
  return (
    <>
      <Group gap="sm">
        {reopenable && (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => prepare('reopen')}
          >
            {detail.subject.status === 'agreed' ? 'Reopen' : 'Return to the school'}
          </Button>
        )}
        {respond && (
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            loading={preparing}
            onClick={() => prepare('submit')}
          >
            Submit for review
          </Button>
        )}
        {agree && (
          <Button
            leftSection={<IconChecks size={16} aria-hidden />}
            loading={preparing}
            onClick={() => prepare('agree')}
          >
            Agree evaluation
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={dialog !== undefined}
        onClose={() => setDialog(undefined)}
        title={
          dialog === 'submit'
            ? 'Submit for review?'
            : dialog === 'agree'
              ? 'Agree and lock this evaluation?'
              : 'Reopen this evaluation?'
        }
        confirmLabel={dialog === 'submit' ? 'Submit' : dialog === 'agree' ? 'Agree and lock' : 'Reopen'}
        loading={transition.isPending}
        error={error}
        tone={dialog === 'reopen' ? 'danger' : 'primary'}
        onConfirm={run}
      >
        {dialog === 'submit' &&
          `You have judged ${p.judged} of ${plural(p.statements, 'statement')}${p.leftForNextTime ? ` and left ${p.leftForNextTime} until next time` : ''}.${unjudged > 0 ? ` ${plural(unjudged, 'statement has', 'statements have')} no judgement yet.` : ''} Once submitted, your liaison reviews the judgements with you and you cannot change them unless they return the evaluation.`}
        {dialog === 'agree' &&
          `Every statement you have not changed is agreed as the school judged it. The evaluation is then locked, and its agreed judgements appear in the heatmap and carry forward to the next round.`}
        {dialog === 'reopen' &&
          'The school will be able to change its judgements again and will need to submit once more. Agreed judgements stay as a record until they are agreed again.'}
      </ConfirmDialog>
    </>
  );
}

const codeOf = (d: SubjectDetail, statementId: string) =>
  d.aspects.flatMap((a) => a.statements).find((s) => s.id === statementId)?.code ?? '?';
