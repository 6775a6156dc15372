import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import type { Scale } from '../../../shared/contracts/frameworks';
import { pointDescriptor } from './judgements';

type Props = {
  label: string;
  /** The statement's code and heading, so the many controls on a page have distinct names. */
  code: string;
  headingId: string;
  scale: Scale;
  value: number | null;
  onChange: (value: number | null) => void;
  disabled?: boolean;
  /** Shown instead of the descriptor, e.g. "Left until next time". */
  note?: string;
  /** A column of choices where space is narrow; by default a row, or a column on a phone. */
  vertical?: boolean;
};

/** The scale as a row of choices (a column on a phone); arrow keys move between points. */
export function JudgementControl({
  label,
  code,
  headingId,
  scale,
  value,
  onChange,
  disabled,
  note,
  vertical,
}: Props) {
  const labelId = useId();
  const narrow = useMediaQuery('(max-width: 40em)');
  const data = scale.points.map((p) => ({
    value: String(p.value),
    label: (
      <>
        <Text span fw={700} mr={2}>
          {p.value}
        </Text>{' '}
        {p.label}
      </>
    ),
  }));
  const descriptor = note ?? (value === null ? 'Not judged yet' : pointDescriptor(scale, value));
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} id={labelId}>
          {label}
        </Text>
        {value !== null && !disabled && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            c="gray.8"
            aria-label={`Clear ${label.toLowerCase()} of ${code}`}
            onClick={() => onChange(null)}
          >
            Clear
          </Button>
        )}
      </Group>
      <SegmentedControl
        aria-labelledby={`${labelId} ${headingId}`}
        data={data}
        value={value === null ? '' : String(value)}
        onChange={(v) => onChange(Number(v))}
        disabled={disabled}
        fullWidth
        orientation={narrow || vertical ? 'vertical' : 'horizontal'}
        color="brand"
        withItemsBorders
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {descriptor}
      </Text>
    </Stack>
  );
}
