import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconChartDots, IconDownload, IconTable } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { groupNouns } from './analysis-text';
import { GapChart } from './GapChart';
import { GapKey } from './GapKey';
import { GapTable } from './GapTable';
import { axisFor } from './gap-chart-layout';
import { csvFilename, gapCsv } from './gap-table';

// Below this even the compact chart crowds itself; narrower screens scroll it sideways instead.
const MIN_CHART_WIDTH = 320;

function download(analysis: GapAnalysis) {
  const url = URL.createObjectURL(new Blob([gapCsv(analysis)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFilename(analysis);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The gap for every school the reader can see, as a chart or as a table, with a CSV download. */
export function GapPanel({ analysis, busy }: { analysis: GapAnalysis; busy: boolean }) {
  const [asTable, setAsTable] = useState(false);
  const { ref, width } = useElementSize();
  const scrolls = width > 0 && width < MIN_CHART_WIDTH;
  const axis = useMemo(() => axisFor(analysis.assessment.gradeSet, analysis.scopes), [analysis]);
  const nouns = groupNouns[analysis.groupBy];
  const caption = `${analysis.assessment.name}: ${nouns.focus.many} compared with ${nouns.other.many}, by school`;

  return (
    <Paper
      component="section"
      p={{ base: 'sm', sm: 'lg' }}
      aria-labelledby="gaps-heading"
      aria-busy={busy}
      // What is on screen, so a test can wait for the chart it asked for.
      data-assessment={analysis.assessment.name}
      data-compare={analysis.groupBy}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} fz="lg" id="gaps-heading">
              Gaps by school
            </Title>
            <Text size="sm" c="dimmed" maw={620} mt={4}>
              Each mark is a group’s average and its line the range the true average likely falls in. The gap
              is the average for {nouns.other.many} minus the average for {nouns.focus.many}, so a gap above 0
              means {nouns.focus.many} are behind.
            </Text>
          </div>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              onClick={() => setAsTable((v) => !v)}
              leftSection={
                asTable ? <IconChartDots size={16} aria-hidden /> : <IconTable size={16} aria-hidden />
              }
            >
              {asTable ? 'Show as chart' : 'Show as table'}
            </Button>
            <Button
              variant="default"
              size="sm"
              onClick={() => download(analysis)}
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download CSV
            </Button>
          </Group>
        </Group>
        {asTable ? (
          <GapTable analysis={analysis} caption={caption} />
        ) : (
          <>
            <GapKey scopes={analysis.scopes} threshold={analysis.suppressionThreshold} axis={axis} />
            <Box
              ref={ref}
              style={{ overflowX: 'auto', opacity: busy ? 0.6 : 1 }}
              // A narrow screen scrolls the chart sideways, so keyboard users must be able to reach it.
              {...(scrolls
                ? { tabIndex: 0, role: 'group', 'aria-label': 'Gap chart, scrolls sideways' }
                : {})}
            >
              {width > 0 && (
                <GapChart analysis={analysis} axis={axis} width={Math.max(width, MIN_CHART_WIDTH)} />
              )}
            </Box>
          </>
        )}
      </Stack>
    </Paper>
  );
}
