import { Box, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, PageLoader } from '../../app/states';
import type { Assessment, GapTrend, GroupBy } from './analysis.api';
import { gapTrendQueryOptions } from './analysis.api';
import { groupNouns, oneDp } from './analysis-text';
import { FOCUS_COLOUR, INK } from './gap-marks';
import { SUPPRESSED } from './gap-table';
import { pointLabels, TREND, trendScale } from './trend-chart-layout';

const MUTED = '#495057';
const GRID = '#dee2e6';
const BAND = 'rgba(213, 94, 0, 0.16)';

const DIRECTION_WORDS = {
  narrowed: 'narrowed',
  widened: 'widened',
  no_clear_change: 'no clear change',
} as const;

function TrendChart({ trend, summary }: { trend: GapTrend; summary: string }) {
  const points = trend.points.map((p) => ({
    label: p.assessment.name,
    gap: p.gap?.difference ?? null,
    ci: p.gap?.ci ?? null,
  }));
  const s = trendScale(points);
  const labels = pointLabels(trend.points.map((p) => p.assessment));
  const shown = points.map((p, i) => ({ ...p, i })).filter((p) => p.gap !== null && p.ci !== null);
  const band = shown.length
    ? [
        ...shown.map((p) => `${s.x(p.i)},${s.y(p.ci![1])}`),
        ...[...shown].reverse().map((p) => `${s.x(p.i)},${s.y(p.ci![0])}`),
      ].join(' ')
    : '';
  const every = Math.max(1, Math.ceil(points.length / 10));
  return (
    <svg
      viewBox={`0 0 ${TREND.width} ${TREND.height}`}
      width="100%"
      role="img"
      aria-label={summary}
      style={{ maxWidth: TREND.width }}
    >
      {s.ticks.map((t) => (
        <g key={t}>
          <line
            x1={TREND.left}
            x2={TREND.width - TREND.right}
            y1={s.y(t)}
            y2={s.y(t)}
            stroke={t === 0 ? MUTED : GRID}
            strokeDasharray={t === 0 ? '4 3' : undefined}
          />
          <text x={TREND.left - 8} y={s.y(t) + 4} fontSize={11.5} textAnchor="end" fill={MUTED}>
            {t.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={TREND.width - TREND.right} y={s.y(0) - 5} fontSize={11} textAnchor="end" fill={MUTED}>
        No gap
      </text>
      {band && shown.length > 1 && <polygon points={band} fill={BAND} />}
      {shown.map((p) => (
        <line
          key={`w${p.i}`}
          x1={s.x(p.i)}
          x2={s.x(p.i)}
          y1={s.y(p.ci![0])}
          y2={s.y(p.ci![1])}
          stroke={FOCUS_COLOUR}
          strokeWidth={1.5}
        />
      ))}
      {shown.length > 1 && (
        <polyline
          points={shown.map((p) => `${s.x(p.i)},${s.y(p.gap!)}`).join(' ')}
          fill="none"
          stroke={FOCUS_COLOUR}
          strokeWidth={2}
        />
      )}
      {shown.map((p) => (
        <circle
          key={`c${p.i}`}
          cx={s.x(p.i)}
          cy={s.y(p.gap!)}
          r={4.5}
          fill={FOCUS_COLOUR}
          stroke="#ffffff"
          strokeWidth={1.5}
        />
      ))}
      {labels.map((lines, i) =>
        i % every === 0 || lines.length > 1 ? (
          <text
            key={`l${trend.points[i]!.assessment.id}`}
            x={s.x(i)}
            y={TREND.height - TREND.bottom + 18}
            fontSize={11}
            textAnchor="middle"
            fill={INK}
          >
            {lines.map((line, k) => (
              <tspan key={line} x={s.x(i)} dy={k === 0 ? 0 : 14} fill={k === 0 ? INK : MUTED}>
                {line}
              </tspan>
            ))}
          </text>
        ) : null,
      )}
    </svg>
  );
}

function TrendTable({ trend, groupBy }: { trend: GapTrend; groupBy: GroupBy }) {
  const nouns = groupNouns[groupBy];
  const cell = (g: GapTrend['points'][number]['groups'][number] | undefined) =>
    !g || g.suppressed ? SUPPRESSED : g.mean === null ? '–' : `${oneDp(g.mean)} (${g.n})`;
  return (
    // Focusable, so keyboard users can scroll it sideways on a narrow screen.
    <Box
      tabIndex={0}
      role="group"
      aria-label="Gap at each collection point, scrolls sideways on narrow screens"
      style={{ overflowX: 'auto' }}
    >
      <Table verticalSpacing={4} fz="sm" miw={520} aria-label="Gap at each collection point">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Collection point</Table.Th>
            <Table.Th scope="col" ta="right">
              {capitalise(nouns.focus.many)}: average (pupils)
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {capitalise(nouns.other.many)}: average (pupils)
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Gap (likely range)
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.points.map((p) => (
            <Table.Tr key={p.assessment.id}>
              <Table.Th scope="row" fw={400}>
                {p.assessment.collectionPoint} {p.assessment.academicYear}
              </Table.Th>
              <Table.Td ta="right">{cell(p.groups[0])}</Table.Td>
              <Table.Td ta="right">{cell(p.groups[1])}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {p.gap
                  ? `${oneDp(p.gap.difference)} (${oneDp(p.gap.ci[0])} to ${oneDp(p.gap.ci[1])})`
                  : SUPPRESSED}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Is the gap closing? The gap for the pupils now in the assessment's year group, at every collection
 * point in the subject, with its likely range, the verdict on the change and which group moved.
 */
export function GapTrendPanel({
  assessment,
  groupBy,
  schoolId,
  place,
}: {
  assessment: Assessment;
  groupBy: GroupBy;
  schoolId: string | undefined;
  place: string;
}) {
  const q = useQuery(
    gapTrendQueryOptions({
      subject: assessment.subject,
      yearGroup: assessment.yearGroup,
      groupBy,
      ...(schoolId ? { schoolId } : {}),
    }),
  );
  const heading = `Is the gap closing? ${assessment.subject}, ${yearGroupName(assessment.yearGroup)}, ${place}`;
  let body: ReactNode;
  if (q.error) body = <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  else if (!q.data) body = <PageLoader label="Following the gap over time…" />;
  else {
    const t = q.data;
    const verdict = t.overall
      ? `From ${t.points[0]!.assessment.collectionPoint} ${t.points[0]!.assessment.academicYear} to ${t.points.at(-1)!.assessment.collectionPoint} ${t.points.at(-1)!.assessment.academicYear}: ${DIRECTION_WORDS[t.overall.direction]}.`
      : '';
    body = (
      <Stack gap="sm">
        <Text fw={600} data-testid="trend-sentence">
          {t.overall?.sentence ??
            (t.points.length < 2
              ? 'There is only one collection point so far; the trend appears after the next one.'
              : 'Too few points can be shown to say how the gap changed.')}
        </Text>
        {t.overall && (
          <Text size="sm" c="dimmed">
            {verdict} A change counts only when its likely range leaves out zero; the gap is the average for{' '}
            {groupNouns[groupBy].other.many} minus the average for {groupNouns[groupBy].focus.many}.
          </Text>
        )}
        {t.points.length > 0 && <TrendChart trend={t} summary={`${heading}. ${t.overall?.sentence ?? ''}`} />}
        <TrendTable trend={t} groupBy={groupBy} />
      </Stack>
    );
  }
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="trend-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="trend-heading">
          {heading}
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}

const yearGroupName = (yg: string) => (/^Y\d+$/.test(yg) ? `Year ${yg.slice(1)}` : yg);
