import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { areaLabels, type ToolVersion } from '../../../shared/contracts/frameworks';
import { Crumbs } from '../../app/Crumbs';
import { plural } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, isMissing, PageLoader } from '../../app/states';
import { completedByLabels } from '../evaluation/evaluation-text';
import { componentsQuery, toolExportUrl, toolQuery } from './frameworks.api';

function ScaleCard({ tool }: { tool: ToolVersion }) {
  return (
    <Paper p="lg" component="section" aria-labelledby="scale-heading">
      <Title order={2} fz="lg" id="scale-heading" mb="xs">
        Scale: {tool.scale.name}
      </Title>
      <List spacing={6} size="sm" listStyleType="none" pl={0}>
        {tool.scale.points.map((p) => (
          <List.Item key={p.value}>
            <Text span fw={650}>
              {p.value} {p.label}
            </Text>
            {p.value === tool.scale.secureValue && ' (secure)'}
            {p.descriptor && ` – ${p.descriptor}`}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="sm">
        Judgements below the secure point count as weaknesses in the trust heatmap.
      </Text>
    </Paper>
  );
}

export function ToolPage() {
  const toolId = useParams().toolId ?? '';
  const tool = useQuery(toolQuery(toolId));
  const components = useQuery(componentsQuery);
  const labelOf = new Map((components.data ?? []).map((c) => [c.code, c.label]));

  if (tool.isPending) return <PageLoader label="Loading the tool…" />;
  if (tool.error) {
    return (
      <>
        <PageHeader title={isMissing(tool.error) ? 'Tool not found' : 'Evaluation tool'} />
        <ErrorState error={tool.error} onRetry={() => tool.refetch()} thing="tool" />
      </>
    );
  }
  const t = tool.data;
  return (
    <>
      <PageHeader
        above={
          <Crumbs
            items={[
              { label: 'Self-evaluation', to: '/evaluate' },
              { label: 'Tool library', to: '/evaluate/tools' },
              { label: t.name },
            ]}
          />
        }
        title={t.name}
        description={`${areaLabels[t.area]} · completed by ${completedByLabels[t.completedBy].toLowerCase()} · version ${t.version} · ${plural(t.statementCount, 'statement')} in ${plural(t.aspectCount, 'aspect')}`}
        actions={
          <>
            <Button
              component="a"
              href={toolExportUrl(t.id, 'json')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download JSON
            </Button>
            <Button
              component="a"
              href={toolExportUrl(t.id, 'csv')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download CSV
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {t.description && <Text maw={760}>{t.description}</Text>}
        <ScaleCard tool={t} />
        {t.aspects.map((a) => (
          <Paper key={a.id} p="lg" component="section" aria-labelledby={`aspect-${a.id}`}>
            <Title order={2} fz="lg" id={`aspect-${a.id}`}>
              {a.title}
            </Title>
            {a.description && (
              <Text size="sm" c="dimmed" mt={4}>
                {a.description}
              </Text>
            )}
            <Stack gap="md" mt="md" component="ol" p={0} style={{ listStyle: 'none' }}>
              {a.statements.map((s) => (
                <li key={s.id}>
                  <Group gap="sm" align="flex-start" wrap="nowrap">
                    <Text ff="monospace" size="sm" fw={600} miw={64}>
                      {s.code}
                    </Text>
                    <Stack gap={4}>
                      <Text>{s.text}</Text>
                      {s.guidance && (
                        <Text size="sm" c="dimmed">
                          Evidence: {s.guidance}
                        </Text>
                      )}
                      {s.tags.length > 0 && (
                        <Group gap={6}>
                          {s.tags.map((tag) => (
                            <Badge
                              key={tag}
                              variant="outline"
                              color="gray"
                              c="gray.8"
                              tt="none"
                              radius="sm"
                              fw={500}
                              title={tag}
                            >
                              {labelOf.get(tag) ?? tag}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Stack>
                  </Group>
                </li>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
