import { Badge, Group, Stack, Text } from '@mantine/core';
import type { EvaluationResponse } from '../../../shared/contracts/evaluation';
import type { Scale } from '../../../shared/contracts/frameworks';
import { pointLabel } from './judgements';

type Props = {
  response: EvaluationResponse;
  scale: Scale;
  sources: readonly { id: string; label: string }[];
  title?: string;
};

/** The school's own judgement, reason and evidence, read-only. */
export function SchoolJudgement({ response: r, scale, sources, title = 'School’s judgement' }: Props) {
  const labelOf = new Map(sources.map((s) => [s.id, s.label]));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {r.notJudged ? (
        <Text fw={600}>Left until next time</Text>
      ) : (
        <Text fw={600} data-self-value={r.selfValue ?? ''}>
          {r.selfValue === null ? 'No judgement given' : `${r.selfValue} ${pointLabel(scale, r.selfValue)}`}
        </Text>
      )}
      {r.notJudged && r.notJudgedNote && <Text size="sm">{r.notJudgedNote}</Text>}
      {r.selfReason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {r.selfReason}
        </Text>
      )}
      {r.evidence.length > 0 && (
        <Group gap={6} role="group" aria-label="Evidence">
          {r.evidence.map((e) => (
            <Badge
              key={e.sourceId}
              variant="outline"
              color="gray"
              c="gray.8"
              tt="none"
              fw={500}
              radius="sm"
              title={e.note || undefined}
            >
              {labelOf.get(e.sourceId) ?? 'Evidence'}
              {e.note ? `: ${e.note}` : ''}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
