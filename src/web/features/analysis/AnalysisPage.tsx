import { Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { AnalyseTabs } from '../surveys/AnalyseTabs';
import { type Assessment, assessmentsQuery, type GroupBy, gapsQuery } from './analysis.api';
import { assessmentOptions, comparisons, isGroupBy, latestAssessment } from './analysis-text';
import { DataQualityPanel } from './DataQualityPanel';
import { GapPanel } from './GapPanel';
import { GapTrendPanel } from './GapTrendPanel';
import { axisFor } from './gap-chart-layout';
import { HeadlineCard } from './HeadlineCard';

const TITLE = 'Analyse';
const DESCRIPTION =
  'How groups of pupils are doing against each other, school by school, with how many pupils each figure rests on and how sure we can be of it.';

function NoResults() {
  return (
    <Paper p="xl" maw={720}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          No assessment results yet
        </Title>
        <Text>
          This page compares groups of pupils – disadvantaged and others, pupils with and without SEN or EAL,
          girls and boys – on each assessment, for the trust and each school.
        </Text>
        <Text>
          Results appear here after a data import. Once your schools’ assessment results have been imported,
          choose an assessment to see the gaps, how sure we can be of them, and what they mean in plain words.
        </Text>
        <Text c="dimmed" size="sm">
          Imports are run by your trust’s data lead or administrator; ask them when the next results are due.
        </Text>
      </Stack>
    </Paper>
  );
}

function Controls({
  assessments,
  assessment,
  groupBy,
}: {
  assessments: Assessment[];
  assessment: Assessment;
  groupBy: GroupBy;
}) {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    if (!value) return;
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const options = useMemo(() => assessmentOptions(assessments), [assessments]);
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select
        label="Assessment"
        data={options}
        value={assessment.id}
        onChange={(v) => set('assessment', v)}
        allowDeselect={false}
        w={{ base: '100%', xs: 320 }}
      />
      <Select
        label="Compare"
        data={comparisons}
        value={groupBy}
        onChange={(v) => set('compare', v)}
        allowDeselect={false}
        w={{ base: '100%', xs: 260 }}
      />
    </Group>
  );
}

function GapView({ assessment, groupBy }: { assessment: Assessment; groupBy: GroupBy }) {
  const gaps = useQuery(gapsQuery(assessment.id, groupBy));
  const data = gaps.data;
  const axis = useMemo(() => (data ? axisFor(data.assessment.gradeSet, data.scopes) : undefined), [data]);
  if (gaps.error) return <ErrorState error={gaps.error} onRetry={() => gaps.refetch()} />;
  if (!data || !axis) return <PageLoader label="Working out the gaps…" />;
  const headline =
    data.scopes.find((s) => s.scope === 'trust') ?? (data.scopes.length === 1 ? data.scopes[0] : undefined);
  const busy = gaps.isPlaceholderData;
  if (data.scopes.length === 0)
    return (
      <Paper p="lg">
        <Text>
          There are no results for {data.assessment.name} in the schools you can see. Choose another
          assessment.
        </Text>
      </Paper>
    );
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Stack gap="lg">
          {headline && (
            <HeadlineCard
              scope={headline}
              groupBy={data.groupBy}
              threshold={data.suppressionThreshold}
              axis={axis}
              assessmentName={data.assessment.name}
            />
          )}
          <GapPanel analysis={data} busy={busy} />
          <GapTrendPanel
            assessment={assessment}
            groupBy={groupBy}
            schoolId={
              data.scopes.some((s) => s.scope === 'trust')
                ? undefined
                : (data.scopes[0]?.schoolId ?? undefined)
            }
            place={
              data.scopes.some((s) => s.scope === 'trust') ? 'all schools' : (data.scopes[0]?.label ?? '')
            }
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <DataQualityPanel analysis={data} />
      </Grid.Col>
    </Grid>
  );
}

/** The equity lens: each assessment's results by group, with the gaps, their uncertainty and a reading. */
export function AnalysisPage() {
  const [params] = useSearchParams();
  const assessments = useQuery(assessmentsQuery);
  const list = assessments.data ?? [];
  const chosen = list.find((a) => a.id === params.get('assessment')) ?? latestAssessment(list);
  const compare = params.get('compare');
  const groupBy: GroupBy = isGroupBy(compare) ? compare : 'disadvantaged';

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <AnalyseTabs />
      {assessments.error ? (
        <ErrorState error={assessments.error} onRetry={() => assessments.refetch()} />
      ) : assessments.isPending ? (
        <PageLoader label="Loading assessments…" />
      ) : !chosen ? (
        <NoResults />
      ) : (
        <Stack gap="lg">
          <Controls assessments={list} assessment={chosen} groupBy={groupBy} />
          <GapView assessment={chosen} groupBy={groupBy} />
        </Stack>
      )}
    </>
  );
}
