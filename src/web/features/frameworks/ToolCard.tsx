import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { areaLabels, type ToolSummary } from '../../../shared/contracts/frameworks';
import { plural } from '../../app/format';
import { completedByLabels } from '../evaluation/evaluation-text';
import { toolExportUrl } from './frameworks.api';

/** One tool in the library: what it covers, who completes it, and its files. */
export function ToolCard({ tool }: { tool: ToolSummary }) {
  const headingId = `tool-${tool.id}`;
  return (
    <Paper component="article" p="lg" aria-labelledby={headingId} h="100%">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge variant="light" color="brand" tt="none" radius="sm" c="brand.9">
              {areaLabels[tool.area]}
            </Badge>
            <Text size="xs" c="dimmed">
              Version {tool.version}
            </Text>
          </Group>
          <Anchor component={Link} to={`/evaluate/tools/${tool.id}`} fw={650} fz="lg" id={headingId}>
            {tool.name}
          </Anchor>
          {tool.description && (
            <Text size="sm" c="dimmed" lineClamp={3}>
              {tool.description}
            </Text>
          )}
          <Text size="sm">
            Completed by: {completedByLabels[tool.completedBy].toLowerCase()} ·{' '}
            {plural(tool.aspectCount, 'aspect')} · {plural(tool.statementCount, 'statement')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={toolExportUrl(tool.id, 'json')}
            download
            size="compact-sm"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`Download ${tool.name} as JSON`}
          >
            JSON
          </Button>
          <Button
            component="a"
            href={toolExportUrl(tool.id, 'csv')}
            download
            size="compact-sm"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`Download ${tool.name} as CSV`}
          >
            CSV
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
