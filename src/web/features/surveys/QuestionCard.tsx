import { Badge, Box, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { QuestionResult, ResultGroup } from '../../../shared/contracts/surveys';
import { ScaleKey, StackedBar } from './StackedBar';
import { meanText, percent } from './survey-bars';

function GroupRow({ group, q, threshold }: { group: ResultGroup; q: QuestionResult; threshold: number }) {
  const total = group.counts?.reduce((s, c) => s + c, 0) ?? 0;
  const agreeShare =
    group.counts && total > 0
      ? group.counts.slice(Math.ceil(q.scaleLabels.length / 2)).reduce((s, c) => s + c, 0) / total
      : null;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={group.key === 'all' ? 700 : 500} w={190}>
        {group.label}
      </Table.Th>
      <Table.Td>
        {group.suppressed || !group.counts ? (
          <Text size="sm" c="dimmed" fs="italic">
            Fewer than {threshold} respondents, or hidden to protect a smaller group
          </Text>
        ) : (
          <StackedBar labels={q.scaleLabels} counts={group.counts} name={group.label} />
        )}
      </Table.Td>
      <Table.Td w={70} ta="right">
        {group.n ?? '–'}
      </Table.Td>
      <Table.Td w={90} ta="right">
        {agreeShare === null ? '–' : percent(agreeShare)}
      </Table.Td>
      <Table.Td w={150} ta="right">
        {meanText(group.mean, group.ci)}
      </Table.Td>
    </Table.Tr>
  );
}

/** One question: its answers overall and by group (Likert), or its written answers (free text). */
export function QuestionCard({
  q,
  threshold,
  number,
}: {
  q: QuestionResult;
  threshold: number;
  number: number;
}) {
  const top = q.scaleLabels.slice(Math.ceil(q.scaleLabels.length / 2));
  return (
    <Paper component="article" p="lg" aria-labelledby={`q-${q.questionId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="md" id={`q-${q.questionId}`}>
            {number}. {q.text}
          </Title>
          <Badge variant="light" color={q.kind === 'likert' ? 'blue' : 'gray'}>
            {q.kind === 'likert' ? `Scale 1–${q.scaleLabels.length}` : 'Written answers'}
          </Badge>
        </Group>
        {q.kind === 'likert' ? (
          <>
            <ScaleKey labels={q.scaleLabels} />
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Group</Table.Th>
                    <Table.Th>Answers</Table.Th>
                    <Table.Th ta="right">n</Table.Th>
                    <Table.Th ta="right" title={top.join(' or ')}>
                      Positive
                    </Table.Th>
                    <Table.Th ta="right">Mean (95% CI)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <GroupRow group={q.overall} q={q} threshold={threshold} />
                  {q.groups.map((g) => (
                    <GroupRow key={g.key} group={g} q={q} threshold={threshold} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              Positive: {top.join(' or ')}. Mean on the scale 1 ({q.scaleLabels[0]}) to {q.scaleLabels.length}{' '}
              ({q.scaleLabels.at(-1)}).
            </Text>
          </>
        ) : (
          <TextAnswers q={q} threshold={threshold} />
        )}
      </Stack>
    </Paper>
  );
}

function TextAnswers({ q, threshold }: { q: QuestionResult; threshold: number }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        {q.textCount === null
          ? `Fewer than ${threshold} people wrote an answer.`
          : `${q.textCount} ${q.textCount === 1 ? 'person' : 'people'} wrote an answer.`}
      </Text>
      {q.textAnswers?.map((s) => (
        <Stack key={s.schoolId} gap={4}>
          <Text size="sm" fw={600}>
            {s.schoolName}
          </Text>
          {/* A long list scrolls; focusable so keyboard users can scroll it too. */}
          <Box
            tabIndex={0}
            role="region"
            aria-label={`Written answers from ${s.schoolName}`}
            style={{ maxHeight: 260, overflowY: 'auto' }}
          >
            <List size="sm" spacing={2}>
              {s.answers.map((a, i) => (
                // Answers repeat (several people write "Nothing"), so their position keeps keys unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for this render
                <List.Item key={i}>{a}</List.Item>
              ))}
            </List>
          </Box>
        </Stack>
      ))}
      {q.textNote && (
        <Text size="xs" c="dimmed">
          {q.textNote}
        </Text>
      )}
    </Stack>
  );
}
