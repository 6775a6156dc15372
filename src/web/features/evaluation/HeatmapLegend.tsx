import { Group, Text } from '@mantine/core';
import type { Scale } from '../../../shared/contracts/frameworks';
import classes from './HeatmapGrid.module.css';
import legend from './HeatmapLegend.module.css';
import { paletteFor } from './heatmap-palette';

/** What each colour, letter and mark in the grid means, in the same cells the grid uses. */
export function HeatmapLegend({ scale }: { scale: Scale }) {
  return (
    <Group gap="md" wrap="wrap" component="ul" className={legend.list} aria-label="Key">
      {paletteFor(scale).map((s) => (
        <li key={s.value} className={legend.item}>
          <span className={legend.swatch} style={{ background: s.background, color: s.text }} aria-hidden>
            {s.value}
          </span>
          <Text span size="sm">
            {s.value} {s.label}
            {s.value === scale.secureValue && ' (secure)'}
          </Text>
        </li>
      ))}
      <li className={legend.item}>
        <span className={`${legend.swatch} ${classes.left}`} aria-hidden>
          L
        </span>
        <Text span size="sm">
          Left until next time
        </Text>
      </li>
      <li className={legend.item}>
        <span className={`${legend.swatch} ${classes.empty}`} aria-hidden>
          –
        </span>
        <Text span size="sm">
          Not agreed yet
        </Text>
      </li>
      <li className={legend.item}>
        <span className={`${legend.swatch} ${classes.na}`} aria-hidden />
        <Text span size="sm">
          Not in this evaluation’s tool
        </Text>
      </li>
    </Group>
  );
}
