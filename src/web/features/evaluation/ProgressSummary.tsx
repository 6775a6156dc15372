import { Progress, Stack, Text } from '@mantine/core';
import type { Progress as ProgressCounts } from '../../../shared/contracts/evaluation';
import { progressText } from './evaluation-text';

type Props = { progress: ProgressCounts; size?: 'sm' | 'md' | 'lg'; showAgreed?: boolean };

/** A bar of judged and left-until-next-time statements, always with the counts in words. */
export function ProgressSummary({ progress: p, size = 'md', showAgreed }: Props) {
  const pct = (n: number) => (p.statements === 0 ? 0 : (n / p.statements) * 100);
  const text = progressText(p) + (showAgreed ? ` · ${p.agreed} agreed` : '');
  return (
    <Stack gap={4} miw={180}>
      <Progress.Root size={size} aria-hidden>
        <Progress.Section value={pct(p.judged)} color="brand" />
        <Progress.Section value={pct(p.leftForNextTime)} color="gray.5" striped />
      </Progress.Root>
      <Text size="sm">{text}</Text>
    </Stack>
  );
}
