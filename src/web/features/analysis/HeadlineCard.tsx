import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../app/StatusBadge';
import type { GapScope, GroupBy } from './analysis.api';
import {
  comparisons,
  countOf,
  focusOf,
  groupNouns,
  oneDp,
  otherOf,
  rangeText,
  readingOf,
  verdictOf,
} from './analysis-text';
import type { Axis } from './gap-chart-layout';
import { SUPPRESSED } from './gap-table';

function Figure({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {value}
      </Text>
      {children}
    </Stack>
  );
}

type Props = { scope: GapScope; groupBy: GroupBy; threshold: number; axis: Axis; assessmentName: string };

/** The headline for the whole trust (or the reader's one school): the reading, the gap and its n. */
export function HeadlineCard({ scope, groupBy, threshold, axis, assessmentName }: Props) {
  const nouns = groupNouns[groupBy];
  const f = focusOf(scope);
  const o = otherOf(scope);
  const where = scope.scope === 'trust' ? 'all schools' : scope.label;
  const comparison = comparisons.find((c) => c.value === groupBy)?.label ?? '';
  const pupils = (n: number | null | undefined, noun: { one: string; many: string }) =>
    n === null || n === undefined ? `${SUPPRESSED} ${noun.many}` : countOf(n, noun);
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="headline-heading">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="headline-heading">
            At a glance
          </Title>
          <Text size="sm" c="dimmed">
            {assessmentName} · {comparison} · {where}
          </Text>
        </div>
        <Text fz="lg" lh={1.5} data-testid="reading">
          {readingOf(scope, groupBy, threshold)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: scope.gapIndex === null ? 2 : 3 }} spacing="lg">
          <Figure label="Gap" value={scope.gap ? `${oneDp(scope.gap.difference)} ${axis.unit}` : SUPPRESSED}>
            {scope.gap && (
              <Group gap="xs">
                <Text size="sm">likely {rangeText(scope.gap.ci)}</Text>
                <StatusBadge
                  size="sm"
                  label={verdictOf(scope.gap.distinguishable)}
                  tone={scope.gap.distinguishable ? 'yellow' : 'gray'}
                />
              </Group>
            )}
          </Figure>
          {scope.gapIndex !== null && (
            <Figure label="Disadvantage gap index" value={`${oneDp(scope.gapIndex)} out of 10`}>
              <Text size="sm">0 = no gap, 10 = every disadvantaged pupil below every other pupil.</Text>
            </Figure>
          )}
          <Figure label="Pupils" value={(f?.n ?? 0) + (o?.n ?? 0) || SUPPRESSED}>
            <Text size="sm">
              {pupils(f?.n, nouns.focus)} and {pupils(o?.n, nouns.other)}
            </Text>
          </Figure>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
