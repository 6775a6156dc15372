import { Box, Button, Grid, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Heatmap, RoundDetail } from '../../../shared/contracts/evaluation';
import { phaseLabels, phases } from '../../../shared/contracts/org';
import { Crumbs } from '../../app/Crumbs';
import { plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, isMissing, PageLoader } from '../../app/states';
import { CommonWeaknesses } from './CommonWeaknesses';
import { heatmapQuery, roundExportUrl, roundQuery } from './evaluation.api';
import { type CellTarget, HeatmapGrid } from './HeatmapGrid';
import classes from './HeatmapGrid.module.css';
import { HeatmapLegend } from './HeatmapLegend';
import { HeatmapTooltip } from './HeatmapTooltip';
import { groupByTool, onlyTool, toolsOf } from './heatmap-layout';
import { ALL_TOOLS, heatmapFiltersOf } from './heatmap-prefetch';

function liaisonOptions(round: RoundDetail | undefined) {
  const liaisons = new Map<string, string>();
  for (const s of round?.subjects ?? [])
    if (s.liaisonPersonId && s.liaisonName) liaisons.set(s.liaisonPersonId, s.liaisonName);
  return [...liaisons]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function toolOptions(round: RoundDetail | undefined) {
  const tools = new Map((round?.subjects ?? []).map((s) => [s.toolVersionId, s.toolName]));
  return [...tools]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const ALL = ALL_TOOLS;

/**
 * What the grid shows. A school's row only has cells for its own tool, so when several tools are
 * in view and none was chosen, the grid opens on the first of them; "All tools" shows them all.
 * Choosing from the already loaded data, rather than waiting for the round, keeps the first draw fast.
 */
function viewOf(data: Heatmap, toolParam: string | null): { view: Heatmap; tool: string | null } {
  const tools = toolsOf(data);
  const first = tools[0]?.value;
  if (toolParam || tools.length < 2 || !first) return { view: groupByTool(data), tool: toolParam };
  return { view: onlyTool(data, first), tool: first };
}

function Filters({ round, tool }: { round: RoundDetail | undefined; tool: string | null }) {
  const [params, setParams] = useSearchParams();
  const tools = toolOptions(round);
  const liaisons = liaisonOptions(round);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select
        label="Phase"
        placeholder="All phases"
        data={phases.map((p) => ({ value: p, label: phaseLabels[p] }))}
        value={params.get('phase')}
        onChange={(v) => set('phase', v)}
        clearable
        w={200}
      />
      <Select
        label="Tool"
        data={tools.length > 1 ? [...tools, { value: ALL, label: 'All tools' }] : tools}
        placeholder="All tools"
        value={tool ?? (tools.length > 1 ? ALL : null)}
        onChange={(v) => set('tool', v)}
        allowDeselect={false}
        w={280}
      />
      <Select
        label="Liaison"
        placeholder="All liaisons"
        data={liaisons}
        value={params.get('liaison')}
        onChange={(v) => set('liaison', v)}
        clearable
        w={220}
      />
    </Group>
  );
}

function countAgreed(data: Heatmap): number {
  let n = 0;
  for (const row of data.cells) for (const c of row) if (typeof c === 'number') n++;
  return n;
}

function HeatmapView({ data }: { data: Heatmap }) {
  const navigate = useNavigate();
  const tooltipId = useId();
  const [target, setTarget] = useState<CellTarget>();
  const onPoint = useCallback((t: CellTarget | undefined) => setTarget(t), []);
  const onOpen = useCallback(
    (row: number, column: number) => {
      const r = data.rows[row];
      const c = data.columns[column];
      if (!r || !c || data.cells[row]?.[column] === 'na') return;
      navigate(`/evaluate/evaluations/${r.subjectId}?statement=${c.statementId}`);
    },
    [data, navigate],
  );

  if (data.rows.length === 0)
    return (
      <Paper p="lg">
        <Text>No evaluations match these filters. Clear a filter to see more.</Text>
      </Paper>
    );
  return (
    <Stack gap="sm">
      <Text size="sm">
        {plural(data.rows.length, 'evaluation')} · {plural(data.columns.length, 'statement')} ·{' '}
        {plural(countAgreed(data), 'agreed judgement')}. Cells show agreed judgements only.
      </Text>
      <HeatmapLegend scale={data.scale} />
      <Box className={classes.scroller} onScroll={() => setTarget(undefined)}>
        <HeatmapGrid data={data} tooltipId={tooltipId} onPoint={onPoint} onOpen={onOpen} />
      </Box>
      <Text size="xs" c="dimmed" id={`${tooltipId}-help`}>
        Point at or move to a cell to see its statement; select it to open that evaluation at the statement.
        With the keyboard, Tab into the grid, move with the arrow keys and press Enter to open.
      </Text>
      <HeatmapTooltip id={tooltipId} data={data} target={target} />
    </Stack>
  );
}

export function HeatmapPage() {
  const roundId = useParams().roundId ?? '';
  const [params] = useSearchParams();
  const toolParam = params.get('tool');
  const filters = heatmapFiltersOf(params);
  // The round only fills the filter lists, so both load side by side.
  const round = useQuery(roundQuery(roundId));
  const heatmap = useQuery(heatmapQuery(roundId, filters));
  const shown = useMemo(
    () => (heatmap.data ? viewOf(heatmap.data, toolParam) : undefined),
    [heatmap.data, toolParam],
  );
  const grouped = shown?.view;
  const name = heatmap.data?.round.name ?? round.data?.name;

  return (
    <>
      <PageHeader
        above={
          <Crumbs
            items={[
              { label: 'Self-evaluation', to: '/evaluate' },
              { label: name ?? 'Round', to: `/evaluate/rounds/${roundId}` },
              { label: 'Heatmap' },
            ]}
          />
        }
        title={name ? `Heatmap: ${name}` : 'Heatmap'}
        description="Agreed judgements across the trust, statement by statement, so shared strengths and weaknesses stand out."
        actions={
          <Button
            component="a"
            href={roundExportUrl(roundId, 'csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download judgements (CSV)
          </Button>
        }
      />
      <Stack gap="lg">
        <Filters round={round.data} tool={shown?.tool ?? toolParam} />
        {!grouped && !heatmap.error && <PageLoader label="Loading the heatmap…" />}
        {heatmap.error && (
          <ErrorState
            error={heatmap.error}
            onRetry={() => heatmap.refetch()}
            thing={isMissing(heatmap.error) ? 'round' : 'page'}
          />
        )}
        {grouped && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <HeatmapView data={grouped} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <CommonWeaknesses data={grouped} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}
