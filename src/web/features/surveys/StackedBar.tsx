import { Group, Text } from '@mantine/core';
import { percent, segmentColours, stackSegments } from './survey-bars';

type Props = { labels: string[]; counts: number[]; name: string };

/** One group's answers as a horizontal stacked bar; each part names its answer, count and share. */
export function StackedBar({ labels, counts, name }: Props) {
  const colours = segmentColours(labels.length);
  const segments = stackSegments(labels, counts);
  const summary = segments.map((s) => `${s.label} ${percent(s.share)}`).join(', ');
  return (
    <svg
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      width="100%"
      height={22}
      role="img"
      aria-label={`${name}: ${summary}`}
      style={{ display: 'block', borderRadius: 4, overflow: 'hidden' }}
    >
      {segments
        .filter((s) => s.count > 0)
        .map((s) => (
          <rect key={s.index} x={s.x * 100} y={0} width={s.width * 100} height={10} fill={colours[s.index]}>
            <title>{`${s.label}: ${s.count} (${percent(s.share)})`}</title>
          </rect>
        ))}
    </svg>
  );
}

/** The colour key for a scale, shown once per question. */
export function ScaleKey({ labels }: { labels: string[] }) {
  const colours = segmentColours(labels.length);
  return (
    <Group gap="md" wrap="wrap">
      {labels.map((l, i) => (
        <Group key={l} gap={6} wrap="nowrap">
          <span
            aria-hidden
            style={{
              width: 12,
              height: 12,
              borderRadius: 2,
              background: colours[i],
              display: 'inline-block',
            }}
          />
          <Text size="xs">{l}</Text>
        </Group>
      ))}
    </Group>
  );
}
