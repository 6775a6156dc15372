import {
  Anchor,
  Breadcrumbs,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { RoundSubject } from '../../../shared/contracts/evaluation';
import { plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { defaultRoundId } from './default-round';
import {
  evaluationForPlanningQuery,
  roundForPlanningQuery,
  roundsForPlanningQuery,
  weakJudgements,
} from './judgements.api';
import { MakePriorityButton } from './MakePriorityButton';
import { usePlanScopes } from './plan-access';
import { planQuery, plansQuery } from './planning.api';

type Planned = {
  /** `${schoolId}:${statementId}` -> the priority already made from it. */
  by: Map<string, { planId: string; priorityId: string }>;
  /** False until every relevant plan has loaded: until then a button could plan a weakness twice. */
  ready: boolean;
};

/** Statements already taken into a plan of this school, so the same weakness is not planned twice. */
function usePlannedStatements(schoolIds: string[]): Planned {
  const plans = useQuery(plansQuery);
  const relevant = (plans.data ?? []).filter((p) => p.schoolId && schoolIds.includes(p.schoolId));
  const details = useQueries({ queries: relevant.map((p) => planQuery(p.id)) });
  const by: Planned['by'] = new Map();
  for (const d of details) {
    for (const pr of d.data?.priorities ?? []) {
      for (const s of pr.statements) {
        by.set(`${d.data?.schoolId}:${s.id}`, { planId: pr.planId, priorityId: pr.id });
      }
    }
  }
  const ready = !plans.isPending && details.every((d) => !d.isPending);
  return { by, ready };
}

function SubjectJudgements({ subject, planned }: { subject: RoundSubject; planned: Planned }) {
  const detail = useQuery(evaluationForPlanningQuery(subject.id));
  const headingId = `subject-${subject.id}`;
  const weak = detail.data ? weakJudgements(detail.data) : [];
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group gap="sm" align="baseline">
        <Title order={3} fz="md" id={headingId}>
          {subject.toolName}
          {subject.departmentName ? ` – ${subject.departmentName}` : ''}
        </Title>
        <Anchor component={Link} to={`/evaluate/evaluations/${subject.id}`} size="sm" underline="always">
          Open the evaluation
        </Anchor>
      </Group>
      {detail.isPending && <PageLoader label="Loading judgements…" />}
      {detail.error && (
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} thing="evaluation" />
      )}
      {detail.data && weak.length === 0 && (
        <Text size="sm">Every agreed judgement is secure or better. Nothing here needs a priority.</Text>
      )}
      {weak.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="sm" captionSide="top">
            <Table.Caption ta="left" c="dimmed">
              {plural(weak.length, 'agreed judgement')} below secure
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Statement</Table.Th>
                <Table.Th scope="col">Agreed</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Plan</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weak.map((j) => {
                const done = planned.by.get(`${subject.schoolId}:${j.statementId}`);
                return (
                  <Table.Tr key={j.responseId}>
                    <Table.Th scope="row" fw={400}>
                      <Text span ff="monospace" size="sm">
                        {j.code}
                      </Text>{' '}
                      {j.text}
                      <Text size="xs" c="dimmed">
                        {j.aspect}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <StatusBadge label={j.judgement} tone="yellow" size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{j.rationale || 'No reason recorded'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {done ? (
                        <Anchor
                          component={Link}
                          to={`/plan/${done.planId}#priority-${done.priorityId}`}
                          size="sm"
                        >
                          Already a priority
                        </Anchor>
                      ) : (
                        <MakePriorityButton
                          responseId={j.responseId}
                          statementLabel={`${j.code} ${j.text}`}
                          disabled={!planned.ready}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One school's agreed evaluations in the round, tool by tool. */
function SchoolJudgements({
  name,
  subjects,
  planned,
}: {
  name: string;
  subjects: RoundSubject[];
  planned: Planned;
}) {
  const headingId = `school-${subjects[0]?.id ?? name}`;
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby={headingId}>
      <Stack gap="lg">
        <Title order={2} fz="lg" id={headingId}>
          {name}
        </Title>
        {subjects.map((s) => (
          <SubjectJudgements key={s.id} subject={s} planned={planned} />
        ))}
      </Stack>
    </Paper>
  );
}

function bySchool(subjects: RoundSubject[]): [string, RoundSubject[]][] {
  const groups = new Map<string, RoundSubject[]>();
  for (const s of subjects) {
    const name = s.schoolName ?? 'Whole trust';
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return [...groups];
}

/** Agreed judgements below secure, for the reader's schools, each one click from a priority. */
export function FromJudgementsPage() {
  const [params, setParams] = useSearchParams();
  const scopes = usePlanScopes();
  const rounds = useQuery(roundsForPlanningQuery);
  const sorted = [...(rounds.data ?? [])].sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  // Without a choice in the address, look through the rounds newest first for one with agreed judgements.
  const chosen = params.get('roundId');
  const details = useQueries({
    queries: sorted.map((r) => ({ ...roundForPlanningQuery(r.id), enabled: !chosen })),
  });
  const canPlanFrom = (schoolId: string | null) => (schoolId ? scopes.canPlanIn(schoolId) : scopes.trustWide);
  const roundId =
    chosen ??
    defaultRoundId(
      sorted.map((r) => r.id),
      // A round that fails to load counts as having nothing agreed, rather than holding the page up.
      details.map((d) => d.data ?? (d.isError ? { subjects: [] } : undefined)),
      canPlanFrom,
    ) ??
    '';
  const round = useQuery({ ...roundForPlanningQuery(roundId), enabled: roundId !== '' });

  const subjects = (round.data?.subjects ?? [])
    .filter((s) => canPlanFrom(s.schoolId))
    .sort((a, b) => (a.schoolName ?? '').localeCompare(b.schoolName ?? ''));
  const agreed = subjects.filter((s) => s.status === 'agreed');
  const waiting = subjects.length - agreed.length;
  const planned = usePlannedStatements(agreed.map((s) => s.schoolId).filter((id): id is string => !!id));

  return (
    <>
      <PageHeader
        title="Plan from judgements"
        above={
          <Breadcrumbs mb="xs">
            <Anchor component={Link} to="/plan" size="sm">
              Improvement plans
            </Anchor>
            <Text size="sm">Plan from judgements</Text>
          </Breadcrumbs>
        }
        description="The statements each school and its liaison agreed are not yet secure. Make any of them a priority in one click: it goes into the school’s plan for this academic year, which is started for you if there is none."
      />
      {rounds.isPending && <PageLoader label="Loading evaluation rounds…" />}
      {rounds.error && <ErrorState error={rounds.error} onRetry={() => rounds.refetch()} />}
      {rounds.data && sorted.length === 0 && (
        <Paper p="lg">
          <Text>
            There are no evaluation rounds yet. Once a school and its liaison agree their judgements, the
            weaker ones are listed here.{' '}
            <Anchor component={Link} to="/evaluate" underline="always">
              Go to Evaluate
            </Anchor>
          </Text>
        </Paper>
      )}
      {sorted.length > 0 && (
        <Stack gap="lg">
          <Group gap="md" align="flex-end">
            <Select
              label="Evaluation round"
              data={sorted.map((r) => ({ value: r.id, label: r.name }))}
              value={roundId}
              allowDeselect={false}
              onChange={(id) => id && setParams({ roundId: id }, { replace: true })}
              w={280}
            />
            {round.data && (
              <Text size="sm" pb={8}>
                {plural(agreed.length, 'evaluation')} agreed
                {waiting > 0 ? `; ${waiting} not agreed yet, so not shown` : ''}.
              </Text>
            )}
          </Group>
          {round.isPending && <PageLoader label="Loading the round…" />}
          {round.error && <ErrorState error={round.error} onRetry={() => round.refetch()} thing="round" />}
          {round.data && agreed.length === 0 && (
            <Paper p="lg">
              <Text>
                No evaluation in this round has been agreed yet. Judgements appear here once the school and
                its liaison agree them.
              </Text>
            </Paper>
          )}
          {bySchool(agreed).map(([name, subjects]) => (
            <SchoolJudgements key={name} name={name} subjects={subjects} planned={planned} />
          ))}
        </Stack>
      )}
    </>
  );
}
