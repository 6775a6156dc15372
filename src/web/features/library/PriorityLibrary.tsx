import { Badge, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { notifyError, notifySuccess } from '../../app/notify';
import {
  priorityStrandsQuery,
  toolkitQuery,
  useCaseStudyFromPriority,
  useSetPriorityStrands,
} from './library.api';
import { monthsText } from './library-text';

/** "Write a case study": a draft pre-filled from the priority, opened in the editor. */
export function WriteCaseStudyButton({ priorityId }: { priorityId: string }) {
  const navigate = useNavigate();
  const make = useCaseStudyFromPriority();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconNotebook size={14} aria-hidden />}
      loading={make.isPending}
      onClick={() =>
        make.mutate(priorityId, {
          onSuccess: (c) => navigate(`/learn/case-studies/${c.id}/edit`),
          onError: (e) => notifyError(e),
        })
      }
    >
      Write a case study
    </Button>
  );
}

/** The EEF Toolkit strands a priority cites as evidence while it explores what to do. */
export function ToolkitCitations({ priorityId, canWrite }: { priorityId: string; canWrite: boolean }) {
  const cited = useQuery(priorityStrandsQuery(priorityId));
  const toolkit = useQuery({ ...toolkitQuery, enabled: canWrite });
  const save = useSetPriorityStrands(priorityId);
  const [editing, setEditing] = useState<string[] | null>(null);
  const strands = cited.data?.strands ?? [];
  if (!canWrite && strands.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Evidence from the EEF Toolkit
      </Text>
      {editing ? (
        <Group align="flex-end" gap="sm">
          <MultiSelect
            label="Toolkit strands this priority draws on"
            data={(toolkit.data?.strands ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${monthsText(s.monthsImpact)})`,
            }))}
            value={editing}
            onChange={setEditing}
            searchable
            style={{ flex: 1 }}
          />
          <Button
            size="sm"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { strands: editing.map((strandId) => ({ strandId, note: '' })) },
                {
                  onSuccess: () => {
                    setEditing(null);
                    notifySuccess('Toolkit strands saved');
                  },
                  onError: (e) => notifyError(e),
                },
              )
            }
          >
            Save
          </Button>
          <Button size="sm" variant="default" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </Group>
      ) : (
        <Group gap={6}>
          {strands.length === 0 && (
            <Text size="sm" c="dimmed">
              None cited yet.
            </Text>
          )}
          {strands.map((s) => (
            <Badge
              key={s.id}
              variant="light"
              tt="none"
              radius="sm"
              size="lg"
              styles={{ label: { color: 'var(--mantine-color-brand-9)' } }}
            >
              {s.name} · {monthsText(s.monthsImpact)}
            </Badge>
          ))}
          {canWrite && (
            <Button size="xs" variant="subtle" onClick={() => setEditing(strands.map((s) => s.id))}>
              {strands.length ? 'Change' : 'Cite strands'}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
