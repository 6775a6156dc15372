import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ToolkitStrand } from '../../../shared/contracts/library';
import { messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { toolkitQuery, useUpdateStrand } from './library.api';
import { monthsText } from './library-text';

function EditStrand({ strand, onClose }: { strand: ToolkitStrand; onClose: () => void }) {
  const save = useUpdateStrand(strand.id);
  const [v, setV] = useState({
    name: strand.name,
    summary: strand.summary,
    cost: strand.cost,
    evidenceStrength: strand.evidenceStrength,
    monthsImpact: strand.monthsImpact,
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${strand.name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { version: strand.version, ...v },
            {
              onSuccess: () => {
                notifySuccess(`${v.name} updated`);
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          />
          <Textarea
            label="Summary"
            autosize
            minRows={2}
            value={v.summary}
            onChange={(e) => setV({ ...v, summary: e.currentTarget.value })}
          />
          <Group grow>
            <NumberInput
              label="Months' impact"
              min={-12}
              max={12}
              value={v.monthsImpact}
              onChange={(x) => setV({ ...v, monthsImpact: Number(x) || 0 })}
            />
            <NumberInput
              label="Cost (1-5)"
              min={1}
              max={5}
              value={v.cost}
              onChange={(x) => setV({ ...v, cost: Number(x) || 1 })}
            />
            <NumberInput
              label="Evidence (0-5)"
              min={0}
              max={5}
              value={v.evidenceStrength}
              onChange={(x) => setV({ ...v, evidenceStrength: Number(x) || 0 })}
            />
          </Group>
          {save.error && (
            <Alert color="red" title="Not saved">
              {messageOf(save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A rating out of five as filled and empty dots, with the number for screen readers. */
const Rating = ({ value, label }: { value: number; label: string }) => (
  <>
    <Text span ff="monospace" c="brand.8" aria-hidden>
      {'●'.repeat(value) + '○'.repeat(Math.max(0, 5 - value))}
    </Text>
    <VisuallyHidden>{`${label} ${value} out of 5`}</VisuallyHidden>
  </>
);

export function ToolkitPage() {
  const query = useQuery(toolkitQuery);
  const [editing, setEditing] = useState<ToolkitStrand>();
  if (query.isPending) return <PageLoader label="Loading the Toolkit list…" />;
  if (query.error)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} thing="Toolkit list" />;
  const { strands, canEdit } = query.data;
  return (
    <>
      <PageHeader
        title="EEF Toolkit strands"
        above={
          <Breadcrumbs mb="xs">
            <Anchor component={Link} to="/learn" size="sm">
              Learn
            </Anchor>
            <Text size="sm">EEF Toolkit strands</Text>
          </Breadcrumbs>
        }
        description="Approaches summarised by the Education Endowment Foundation's Teaching and Learning Toolkit, with the average months of additional progress, cost and strength of evidence (more dots: dearer, or stronger evidence). Priorities cite them in their Explore phase."
      />
      <Alert color="blue" title="The trust's own copy" mb="lg" maw={900}>
        Months' impact follow the Toolkit as published when this list was written; cost and evidence ratings
        are estimates. Check them against the current Toolkit
        {canEdit ? ' and correct them here.' : '; a trust administrator can correct them.'}
      </Alert>
      <Paper p="md">
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Strand</Table.Th>
                <Table.Th ta="right">Months' impact</Table.Th>
                <Table.Th>Cost</Table.Th>
                <Table.Th>Evidence</Table.Th>
                {canEdit && (
                  <Table.Th>
                    <VisuallyHidden>Edit</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {strands.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text fw={600}>{s.name}</Text>
                    <Text size="sm" c="dimmed">
                      {s.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    style={{ whiteSpace: 'nowrap' }}
                    fw={600}
                    c={s.monthsImpact < 0 ? 'red.8' : undefined}
                  >
                    {monthsText(s.monthsImpact)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Rating value={s.cost} label="Cost" />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Rating value={s.evidenceStrength} label="Evidence" />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconEdit size={14} aria-hidden />}
                        onClick={() => setEditing(s)}
                        aria-label={`Edit ${s.name}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing && <EditStrand strand={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
