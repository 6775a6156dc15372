import { Stack, Text } from '@mantine/core';
import type { Scale } from '../../../shared/contracts/frameworks';
import classes from './DistributionBar.module.css';
import { paletteFor } from './heatmap-palette';

type Props = {
  /** Judgement value -> how many statements have it. */
  distribution: Record<string, number>;
  /** Without a scale (tools on different scales), the values are shown as numbers. */
  scale: Scale | undefined;
};

/** A small stacked bar of judgements, always followed by the same counts in words. */
export function DistributionBar({ distribution, scale }: Props) {
  const entries = Object.entries(distribution)
    .map(([value, count]) => ({ value: Number(value), count }))
    .filter((e) => e.count > 0)
    .sort((a, b) => a.value - b.value);
  const total = entries.reduce((n, e) => n + e.count, 0);
  if (total === 0)
    return (
      <Text size="sm" c="dimmed">
        No judgements yet
      </Text>
    );
  const swatch = new Map((scale ? paletteFor(scale) : []).map((s) => [s.value, s]));
  const words = entries.map((e) => `${e.count} ${swatch.get(e.value)?.label ?? `at ${e.value}`}`).join(', ');
  return (
    <Stack gap={4} miw={160}>
      <div className={classes.bar} aria-hidden>
        {entries.map((e) => {
          const s = swatch.get(e.value);
          return (
            <span
              key={e.value}
              className={classes.segment}
              style={{
                width: `${(e.count / total) * 100}%`,
                background: s?.background ?? 'var(--mantine-color-gray-5)',
                color: s?.text ?? 'var(--mantine-color-black)',
              }}
            >
              {e.value}
            </span>
          );
        })}
      </div>
      <Text size="sm">{words}</Text>
    </Stack>
  );
}
