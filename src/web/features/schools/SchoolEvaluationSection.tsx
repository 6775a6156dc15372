import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { roundsQuery } from '../evaluation/evaluation.api';
import { byCurrentFirst } from '../evaluation/RoundsPage';

/** Links to this school's self-evaluation summary for the latest rounds; hidden for those who cannot see rounds. */
export function SchoolEvaluationSection({ schoolId }: { schoolId: string }) {
  const rounds = useQuery(roundsQuery);
  if (!rounds.data || rounds.data.length === 0) return null;
  const latest = [...rounds.data].sort(byCurrentFirst).slice(0, 3);
  return (
    <Paper component="section" p="lg" aria-labelledby="self-evaluation-heading">
      <Title order={2} id="self-evaluation-heading" fz="lg" mb={4}>
        Self-evaluation
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A printable summary of the school’s judgements in each round.
      </Text>
      <Stack gap={6}>
        {latest.map((r) => (
          <Group key={r.id} gap="xs">
            <Anchor component={Link} to={`/evaluate/rounds/${r.id}/schools/${schoolId}`} fw={600}>
              {r.name} summary
            </Anchor>
            <Text span size="sm" c="dimmed">
              {r.status === 'open' ? `open, closes ${formatDate(r.closesOn)}` : 'closed'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
