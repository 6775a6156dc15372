import { Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconEqual } from '@tabler/icons-react';
import type { EvaluationResponse } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { StatusBadge } from '../../app/StatusBadge';
import { type Direction, directionSince, pointLabel } from './judgements';

const directions: Record<Direction, { icon: typeof IconEqual; text: string; colour: string }> = {
  up: { icon: IconArrowUpRight, text: 'Higher than last round', colour: 'var(--mantine-color-teal-9)' },
  down: { icon: IconArrowDownRight, text: 'Lower than last round', colour: '#8a3b00' },
  same: { icon: IconEqual, text: 'Same as last round', colour: 'var(--mantine-color-gray-8)' },
};

export function ChangeSince({ current, previous }: { current: number | null; previous: number | null }) {
  const direction = directionSince(current, previous);
  if (!direction) return null;
  const { icon: Icon, text, colour } = directions[direction];
  return (
    <Group gap={4} wrap="nowrap" c={colour} data-change={direction}>
      <Icon size={16} aria-hidden />
      <Text span size="sm" fw={600} c={colour}>
        {text}
      </Text>
    </Group>
  );
}

type Props = {
  response: EvaluationResponse;
  scale: Scale;
  /** The judgement as it stands now: agreed if there is one, else the school's draft. */
  current: number | null;
  carriedForward: boolean;
};

/** Last round's agreed judgement, whether it was carried forward, and which way things have moved. */
export function PreviousJudgement({ response: r, scale, current, carriedForward }: Props) {
  if (r.previousAgreedValue === null && !r.leftLastTime) return null;
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        Last round:{' '}
        <Text span fw={600} c="var(--mantine-color-text)">
          {r.leftLastTime ? 'left until next time' : `${pointLabel(scale, r.previousAgreedValue)} (agreed)`}
        </Text>
      </Text>
      {carriedForward && (
        <Tooltip label="Last round’s agreed judgement is the starting point. Change it if things have moved on.">
          <span>
            <StatusBadge label="Carried forward" tone="brand" size="sm" />
          </span>
        </Tooltip>
      )}
      <ChangeSince current={current} previous={r.previousAgreedValue} />
      {r.leftLastTime && !r.notJudged && r.notJudgedNote && (
        <Text size="sm" w="100%">
          Note from last time: {r.notJudgedNote}
        </Text>
      )}
    </Group>
  );
}
