import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { linkQuestionResult, type SurveyDetail } from '../../../shared/contracts/surveys';
import { api } from '../../app/api';
import { notifyError } from '../../app/notify';
import { componentsQuery } from '../frameworks/frameworks.api';

/**
 * Which part of the school improvement model each question gives evidence on, so survey findings
 * can sit beside the evaluation of that area. For those who manage the survey.
 */
export function QuestionLinks({ detail }: { detail: SurveyDetail }) {
  const queryClient = useQueryClient();
  const components = useQuery(componentsQuery).data ?? [];
  if (detail.questions.length === 0 || components.length === 0) return null;
  const data = [...new Set(components.map((c) => c.frameworkName))].map((group) => ({
    group,
    items: components
      .filter((c) => c.frameworkName === group)
      .map((c) => ({ value: c.code, label: c.label })),
  }));
  const link = async (questionId: string, statementId: string | null, componentCode: string | null) => {
    try {
      await api(`/survey-questions/${questionId}`, {
        method: 'PATCH',
        schema: linkQuestionResult,
        body: { surveyVersion: detail.survey.version, statementId, componentCode },
      });
    } catch (err) {
      notifyError(err);
    }
    await queryClient.invalidateQueries({ queryKey: ['surveys', detail.survey.id] });
  };
  return (
    <Paper p="lg" component="section" aria-labelledby="links-heading">
      <Stack gap="sm">
        <Title order={2} fz="md" id="links-heading">
          What each question is evidence for
        </Title>
        <Text size="sm" c="dimmed">
          Optional. Linking a question to a part of your school improvement model lets you find it when you
          evaluate that area.
        </Text>
        <Table aria-label="Question links">
          <Table.Tbody>
            {detail.questions.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>{q.text}</Table.Td>
                <Table.Td w={320}>
                  <Select
                    aria-label={`Evidence for: ${q.text}`}
                    placeholder="Not linked"
                    data={data}
                    value={q.componentCode}
                    onChange={(v) => link(q.id, q.statementId, v)}
                    searchable
                    clearable
                    size="xs"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
