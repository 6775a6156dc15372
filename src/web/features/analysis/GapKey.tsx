import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { GapScope } from './analysis.api';
import { focusOf, otherOf } from './analysis-text';
import type { Axis } from './gap-chart-layout';
import {
  CAUTION_SIGN,
  CAUTION_TEXT,
  FOCUS_COLOUR,
  FocusMark,
  KeySwatch,
  OTHER_COLOUR,
  OtherMark,
  Whisker,
} from './gap-marks';
import { SUPPRESSED } from './gap-table';

function Item({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <Group component="li" gap={6} wrap="nowrap">
      {mark}
      <Text span size="sm">
        {children}
      </Text>
    </Group>
  );
}

/** What each shape, line and sign in the gap chart means, drawn with the chart's own marks. */
export function GapKey({
  scopes,
  threshold,
  axis,
}: {
  scopes: readonly GapScope[];
  threshold: number;
  axis: Axis;
}) {
  const groups = scopes.flatMap((s) => s.groups);
  const offScale = groups.some((g) => g.ci && (g.ci[0] < axis.min || g.ci[1] > axis.max));
  const small = groups.some((g) => g.smallGroup && !g.suppressed);
  const hidden = groups.some((g) => g.suppressed);
  const sample = scopes[0];
  const focus = sample ? focusOf(sample)?.label : undefined;
  const other = sample ? otherOf(sample)?.label : undefined;
  return (
    <Group
      component="ul"
      gap="lg"
      wrap="wrap"
      aria-label="Key to the chart"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      <Item
        mark={
          <KeySwatch width={14}>
            <FocusMark x={7} y={7} />
          </KeySwatch>
        }
      >
        {focus ?? 'Focus group'} (circle)
      </Item>
      <Item
        mark={
          <KeySwatch width={14}>
            <OtherMark x={7} y={7} />
          </KeySwatch>
        }
      >
        {other ?? 'Other pupils'} (square)
      </Item>
      <Item
        mark={
          <KeySwatch width={30}>
            <Whisker from={3} to={27} y={7} colour={FOCUS_COLOUR} />
          </KeySwatch>
        }
      >
        Likely range of the average (95%)
      </Item>
      {offScale && (
        <Item
          mark={
            <KeySwatch width={30}>
              <Whisker from={3} to={27} y={7} colour={OTHER_COLOUR} offHigh />
            </KeySwatch>
          }
        >
          Arrow: the range runs off the scale
        </Item>
      )}
      {small && (
        <Item
          mark={
            <Text span fw={700} c={CAUTION_TEXT} aria-hidden>
              {CAUTION_SIGN}
            </Text>
          }
        >
          Small group: fewer than {threshold} pupils
        </Item>
      )}
      {hidden && (
        <Item
          mark={
            <Text span fw={700} aria-hidden>
              {SUPPRESSED}
            </Text>
          }
        >
          Hidden: too few pupils to show
        </Item>
      )}
    </Group>
  );
}
