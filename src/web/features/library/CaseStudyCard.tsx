import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  type CaseStudySummary,
  caseStudyStatusLabels,
  measureKindLabels,
} from '../../../shared/contracts/library';
import { StatusBadge } from '../../app/StatusBadge';
import { schoolPhaseLabel, statusTone } from './library-text';
import { SnippetText } from './SnippetText';

type Props = {
  item: CaseStudySummary;
  componentLabel: (code: string) => string;
  extra?: React.ReactNode;
  /** Title, origin and the extra line only, for narrow side panels. */
  compact?: boolean;
};

/** One case study in a list: title, where it comes from, what it measured, and the matching text. */
export function CaseStudyCard({ item, componentLabel, extra, compact = false }: Props) {
  const where = [
    item.ownTrust ? item.schoolName : item.trustName,
    item.region,
    item.phase ? schoolPhaseLabel(item.phase) : '',
  ].filter(Boolean);
  return (
    <Paper component="article" p={compact ? 'sm' : 'md'} withBorder>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/learn/case-studies/${item.id}`} fw={600} fz={compact ? 'md' : 'lg'}>
            {item.title}
          </Anchor>
          <Group gap={6}>
            {!item.ownTrust && <StatusBadge label="Another trust" tone="brand" size="sm" />}
            {item.status !== 'published' && (
              <StatusBadge
                label={caseStudyStatusLabels[item.status]}
                tone={statusTone[item.status]}
                size="sm"
              />
            )}
          </Group>
        </Group>
        {where.length > 0 && (
          <Text size="sm" c="dimmed">
            {where.join(' · ')}
          </Text>
        )}
        {!compact && item.snippet && <SnippetText snippet={item.snippet} />}
        {!compact && (
          <Group gap={6}>
            {item.measureKinds.map((k) => (
              <StatusBadge key={k} label={measureKindLabels[k]} tone="teal" size="sm" />
            ))}
            {item.componentCodes.slice(0, 4).map((c) => (
              <Badge key={c} variant="outline" color="gray.8" tt="none" radius="sm">
                {componentLabel(c)}
              </Badge>
            ))}
          </Group>
        )}
        {extra}
      </Stack>
    </Paper>
  );
}
