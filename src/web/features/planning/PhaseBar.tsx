import { Group, Stack, Text } from '@mantine/core';
import { type Phase, phaseLabels, phases } from '../../../shared/contracts/planning';

/** Ordered phases in a light-to-dark teal, so the order reads without colour vision; numbers are always shown. */
export const phaseColours: Record<Phase, string> = {
  explore: '#9fd6db',
  prepare: '#47abb4',
  deliver: '#0b6670',
  sustain: '#053c44',
};

export const byPhaseText = (byPhase: Record<string, number>) =>
  phases
    .filter((p) => (byPhase[p] ?? 0) > 0)
    .map((p) => `${phaseLabels[p]} ${byPhase[p]}`)
    .join(', ');

/** A small stacked bar of active priorities by phase, with the counts written beside it. */
export function PhaseBar({ byPhase }: { byPhase: Record<string, number> }) {
  const total = phases.reduce((n, p) => n + (byPhase[p] ?? 0), 0);
  if (total === 0) return <Text size="sm">No active priorities</Text>;
  let x = 0;
  return (
    <Stack gap={4}>
      <svg width="100%" height="12" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
        {phases.map((p) => {
          const w = ((byPhase[p] ?? 0) / total) * 100;
          const rect = <rect key={p} x={x} y={0} width={w} height={12} fill={phaseColours[p]} />;
          x += w;
          return rect;
        })}
      </svg>
      <Text size="sm">{byPhaseText(byPhase)}</Text>
    </Stack>
  );
}

/** The key to the bar's shades. */
export function PhaseKey() {
  return (
    <Group gap="md" component="ul" p={0} m={0} aria-label="Key to the phase bars">
      {phases.map((p) => (
        <Group key={p} gap={6} component="li" style={{ listStyle: 'none' }}>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" rx="2" fill={phaseColours[p]} stroke="#495057" strokeWidth="0.5" />
          </svg>
          <Text size="sm">{phaseLabels[p]}</Text>
        </Group>
      ))}
    </Group>
  );
}
