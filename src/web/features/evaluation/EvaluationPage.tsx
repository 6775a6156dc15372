import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SubjectDetail } from '../../../shared/contracts/evaluation';
import { ApiError } from '../../app/api';
import { Crumbs } from '../../app/Crumbs';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, isMissing, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { evidenceSourcesQuery } from '../frameworks/frameworks.api';
import { AspectPanel, type Mode } from './AspectPanel';
import { SaveRegistry, SaveRegistryContext } from './autosave';
import { EvaluationActions } from './EvaluationActions';
import classes from './EvaluationPage.module.css';
import { evaluationQuery } from './evaluation.api';
import { evaluationAccess } from './evaluation-access';
import { subjectLabel, subjectStatusText } from './evaluation-text';
import { progressOf } from './judgements';
import { ProgressSummary } from './ProgressSummary';
import { SaveIndicator } from './SaveIndicator';
import { StatusExplainer } from './StatusExplainer';

function NotYetAgreed() {
  return (
    <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Not open to you yet" maw={720}>
      Governors and trustees see an evaluation once the school and its liaison have agreed the judgements;
      until then it is the school’s working draft. Governors see their own school’s evaluations. The round’s
      page lists every evaluation you can open now.
      <Anchor component={Link} to="/evaluate" display="block" mt="sm">
        Back to self-evaluation
      </Anchor>
    </Alert>
  );
}

function EvaluationView({ detail }: { detail: SubjectDetail }) {
  const me = useSession();
  const permissions = usePermissions();
  const sources = useQuery(evidenceSourcesQuery).data ?? [];
  const [params, setParams] = useSearchParams();
  const [registry] = useState(() => new SaveRegistry());
  const [problem, setProblem] = useState<string>();
  const access = evaluationAccess(me, detail.subject);
  const mode: Mode = detail.permissions.respond ? 'respond' : detail.permissions.agree ? 'review' : 'read';

  // A link to one statement (from the heatmap) opens its aspect and scrolls to it.
  const statementId = params.get('statement');
  const aspectOf = useMemo(() => {
    const index = detail.aspects.findIndex((a) => a.statements.some((s) => s.id === statementId));
    return Math.max(index, 0);
  }, [detail.aspects, statementId]);
  const aspectIndex = Math.min(Number(params.get('aspect') ?? aspectOf) || 0, detail.aspects.length - 1);
  const goTo = (index: number) => setParams({ aspect: String(index) }, { replace: true });
  useEffect(() => {
    if (!statementId) return;
    // After the shell has moved focus to the new page, move it on to the statement.
    const timer = setTimeout(() => {
      const heading = document.getElementById(`statement-${statementId}`)?.querySelector<HTMLElement>('h3');
      if (!heading) return;
      heading.setAttribute('tabindex', '-1');
      heading.scrollIntoView({ block: 'center' });
      heading.focus({ preventScroll: true });
    });
    return () => clearTimeout(timer);
  }, [statementId]);

  // Warn before leaving the page while a change is still on its way.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      const state = registry.getSnapshot();
      if (state === 'pending' || state === 'saving' || state === 'error' || state === 'conflict')
        e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [registry]);

  const s = detail.subject;
  const statementIdsOf = (i: number) => new Set(detail.aspects[i]?.statements.map((st) => st.id));
  // While the school works, count its judgements; from submission on, count agreed ones.
  const countAgreed = s.status !== 'draft';
  const doneIn = (i: number) => {
    const ids = statementIdsOf(i);
    return detail.responses.filter(
      (r) =>
        ids.has(r.statementId) &&
        (r.notJudged || (countAgreed ? r.agreedValue !== null : r.selfValue !== null)),
    ).length;
  };
  // Readers of agreed judgements only do not receive the school's own, so the server's counts stand.
  const progress = mode === 'read' ? s.progress : progressOf(detail.responses);

  return (
    <SaveRegistryContext value={registry}>
      <PageHeader
        above={
          <Crumbs
            items={[
              { label: 'Self-evaluation', to: '/evaluate' },
              { label: detail.round.name, to: `/evaluate/rounds/${detail.round.id}` },
              { label: subjectLabel(s) },
            ]}
          />
        }
        title={`${subjectLabel(s)}: ${s.toolName}`}
        description={`${detail.round.name}${s.liaisonName ? ` · liaison ${s.liaisonName}` : ''}`}
      />
      <Paper
        p="md"
        className={classes.toolbar}
        aria-label="Evaluation progress and actions"
        component="section"
      >
        <Group justify="space-between" gap="md" wrap="wrap">
          <Group gap="lg" wrap="wrap" align="center">
            <StatusBadge {...subjectStatusText[s.status]} />
            <ProgressSummary progress={progress} showAgreed={countAgreed} />
            {mode !== 'read' && <SaveIndicator />}
          </Group>
          <EvaluationActions detail={detail} mayReopen={access.mayReview} onProblem={setProblem} />
        </Group>
        {problem && (
          <Alert color="orange" role="alert" mt="sm" onClose={() => setProblem(undefined)} withCloseButton>
            {problem}
          </Alert>
        )}
      </Paper>
      <Stack gap="lg" mt="lg">
        <StatusExplainer detail={detail} mode={mode} />
        {detail.round.status === 'closed' && (
          <Alert color="gray" icon={<IconLock aria-hidden />}>
            The round is closed, so these judgements are a record and can no longer change.
          </Alert>
        )}
        <Tabs value={String(aspectIndex)} onChange={(v) => v !== null && goTo(Number(v))} keepMounted={false}>
          <Tabs.List aria-label="Aspects">
            {detail.aspects.map((a, i) => (
              <Tabs.Tab key={a.id} value={String(i)}>
                {a.title}{' '}
                <Text span size="xs" c="dimmed">
                  ({doneIn(i)} of {a.statements.length} {countAgreed ? 'agreed' : 'done'})
                </Text>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {detail.aspects.map((a, i) => (
            <Tabs.Panel key={a.id} value={String(i)} pt="lg">
              <AspectPanel
                detail={detail}
                aspectIndex={i}
                mode={mode}
                sources={sources}
                agreedOnly={permissions.isOverseer}
                canComment={access.mayComment}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        <Group justify="space-between">
          {aspectIndex > 0 ? (
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              onClick={() => {
                goTo(aspectIndex - 1);
                window.scrollTo({ top: 0 });
              }}
            >
              {detail.aspects[aspectIndex - 1]?.title}
            </Button>
          ) : (
            <span />
          )}
          {aspectIndex < detail.aspects.length - 1 && (
            <Button
              rightSection={<IconArrowRight size={16} aria-hidden />}
              onClick={() => {
                goTo(aspectIndex + 1);
                window.scrollTo({ top: 0 });
              }}
            >
              Next: {detail.aspects[aspectIndex + 1]?.title}
            </Button>
          )}
        </Group>
      </Stack>
    </SaveRegistryContext>
  );
}

export function EvaluationPage() {
  const permissions = usePermissions();
  const subjectId = useParams().subjectId ?? '';
  const evaluation = useQuery(evaluationQuery(subjectId));
  if (evaluation.isPending) return <PageLoader label="Loading the evaluation…" />;
  if (evaluation.error) {
    const forbidden = evaluation.error instanceof ApiError && evaluation.error.status === 403;
    return (
      <>
        <PageHeader title={isMissing(evaluation.error) ? 'Evaluation not found' : 'Evaluation'} />
        {forbidden && permissions.isOverseer ? (
          <NotYetAgreed />
        ) : (
          <ErrorState error={evaluation.error} onRetry={() => evaluation.refetch()} thing="evaluation" />
        )}
      </>
    );
  }
  // A fresh set of cards per evaluation, so drafts never carry over between evaluations.
  return <EvaluationView key={subjectId} detail={evaluation.data} />;
}
