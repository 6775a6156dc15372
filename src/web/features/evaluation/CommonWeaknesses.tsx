import { Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { Heatmap } from '../../../shared/contracts/evaluation';
import { evaluationNoun } from './heatmap-layout';

/** The statements most often agreed below secure: where trust-wide support would help most. */
export function CommonWeaknesses({ data }: { data: Heatmap }) {
  const secure = data.scale.points.find((p) => p.value === data.scale.secureValue)?.label ?? 'secure';
  const toolOf = new Map(data.columns.map((c) => [c.statementId, c.toolVersionId]));
  return (
    <Paper p="md" component="section" aria-labelledby="weaknesses-heading">
      <Title order={2} fz="lg" id="weaknesses-heading">
        Common weaknesses
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Statements most often agreed below {secure.toLowerCase()}, among evaluations with an agreed judgement.
      </Text>
      {data.commonWeaknesses.length === 0 ? (
        <Text size="sm">No agreed judgement is below {secure.toLowerCase()} yet.</Text>
      ) : (
        <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.commonWeaknesses.map((w) => {
            const [one, many] = evaluationNoun(data.rows, toolOf.get(w.statementId) ?? '');
            return (
              <li key={w.statementId}>
                <Text size="sm" fw={600} lineClamp={3} title={w.text}>
                  <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                    {w.code}
                  </Text>
                  {w.text}
                </Text>
                <Progress value={w.share * 100} size="sm" color="orange.8" mt={4} aria-hidden />
                <Text size="sm" mt={2}>
                  Below {secure.toLowerCase()} in {w.belowSecure} of {w.judged} {w.judged === 1 ? one : many}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
