import { Alert, Badge, Button, FileInput, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GiasPreview } from '../../../shared/contracts/attendance';
import { messageOf } from '../../app/api';
import { formatDate, plural } from '../../app/format';
import { type GiasOutcome, sendGias } from './data.api';
import { ImportOutcomeCard } from './ImportOutcomeCard';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  phase: 'Phase',
  local_authority: 'Local authority',
  joined_trust_on: 'Joined the trust',
  status: 'Status',
  establishment_type_code: 'Type code',
  establishment_type: 'Type',
  opened_on: 'Opened',
  closed_on: 'Closed',
  statutory_low_age: 'Lowest age',
  statutory_high_age: 'Highest age',
};
const show = (v: string | number | null) =>
  v === null || v === ''
    ? '–'
    : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
      ? formatDate(v)
      : String(v);
const urnsOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** What applying the extract would change, before anything is written. */
function PreviewOfChanges({ preview }: { preview: GiasPreview }) {
  const nothing = !preview.create.length && !preview.update.length;
  return (
    <Stack gap="sm" aria-label="Changes to the trust's schools">
      {nothing && <Text size="sm">The trust’s schools already match the extract: nothing would change.</Text>}
      {preview.create.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {plural(preview.create.length, 'school')} to add
          </Text>
          <Table fz="sm" aria-label="Schools to add">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URN</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Joined the trust</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.create.map((c) => (
                <Table.Tr key={c.urn}>
                  <Table.Td>{c.urn}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.phase.replace('_', ' ')}</Table.Td>
                  <Table.Td>{c.joinedTrustOn ? formatDate(c.joinedTrustOn) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {preview.update.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {plural(preview.update.length, 'school')} to update
          </Text>
          <Table fz="sm" aria-label="Schools to update">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>School</Table.Th>
                <Table.Th>What changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.update.map((u) => (
                <Table.Tr key={u.urn}>
                  <Table.Td>
                    {u.name}{' '}
                    <Text span c="dimmed" size="xs">
                      ({u.urn})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.changes.map((c) => (
                      <div key={c.field}>
                        {FIELD_LABELS[c.field] ?? c.field}: {show(c.from)} → {show(c.to)}
                      </div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {preview.unknownUrns.length > 0 && (
        <Alert color="yellow" title="Not in the extract" styles={{ title: { color: '#7a4800' } }}>
          <Text size="sm">
            {preview.unknownUrns.join(', ')}: asked for, but the establishment extract has no such URN. They
            are not added; check the URN or use a newer extract.
          </Text>
        </Alert>
      )}
      <List size="sm" c="dimmed">
        {preview.unchanged.length > 0 && (
          <List.Item>{plural(preview.unchanged.length, 'school')} already up to date</List.Item>
        )}
        {preview.closedNotAdded.length > 0 && (
          <List.Item>Closed in GIAS, so not added: {preview.closedNotAdded.join(', ')}</List.Item>
        )}
        {preview.leftAlone.length > 0 && (
          <List.Item>
            Schools of the trust the extract does not list are left as they are:{' '}
            {preview.leftAlone.join(', ')}
          </List.Item>
        )}
      </List>
    </Stack>
  );
}

/**
 * The trust's schools from Get Information About Schools: the establishment extract, and
 * optionally the group links extract for join dates, narrowed to the trust's group or a list of
 * URNs. Checked first, with every change shown, then applied.
 */
export function GiasImport() {
  const queryClient = useQueryClient();
  const [establishments, setEstablishments] = useState<File | null>(null);
  const [links, setLinks] = useState<File | null>(null);
  const [groupUid, setGroupUid] = useState('');
  const [urns, setUrns] = useState('');
  const [outcome, setOutcome] = useState<GiasOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Without a group or URNs the extract only brings the trust's existing schools up to date.
  const ready = establishments !== null && (links === null || groupUid.trim() !== '');

  const edit = (next: () => void) => {
    next();
    setOutcome(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!establishments) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(
        await sendGias({ establishments, links, groupUid: groupUid.trim(), urns: urnsOf(urns), dryRun }),
      );
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['schools'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Add the trust’s schools and keep their details current from the DfE’s Get Information About Schools
        downloads. Schools are matched by URN; a URN the extract lacks is reported, never invented. Name the
        trust’s group or its URNs to add schools; with neither, only the schools already in the trust are
        brought up to date.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label="Establishment extract"
          description="edubasealldata….csv"
          w={280}
          accept=".csv,text/csv"
          placeholder="Choose a CSV file"
          leftSection={<IconFileTypeCsv size={18} aria-hidden />}
          value={establishments}
          onChange={(f) => edit(() => setEstablishments(f))}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the establishment extract' }}
        />
        <FileInput
          label="Group links extract (optional)"
          description="allgroupslinksdata….csv, for join dates"
          w={280}
          accept=".csv,text/csv"
          placeholder="Choose a CSV file"
          leftSection={<IconFileTypeCsv size={18} aria-hidden />}
          value={links}
          onChange={(f) => edit(() => setLinks(f))}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the links extract' }}
        />
        <TextInput
          label="Trust’s group UID"
          description="As GIAS lists the trust"
          w={180}
          value={groupUid}
          onChange={(e) => edit(() => setGroupUid(e.currentTarget.value))}
        />
        <TextInput
          label="Or these URNs"
          description="Separated by commas or spaces"
          w={240}
          value={urns}
          onChange={(e) => edit(() => setUrns(e.currentTarget.value))}
        />
        <Button onClick={() => run(true)} disabled={!ready} loading={busy && !outcome}>
          Check changes
        </Button>
      </Group>
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {outcome && outcome.status !== 'rejected' && <PreviewOfChanges preview={outcome.preview} />}
      {outcome &&
        outcome.status === 'validated' &&
        (outcome.preview.create.length > 0 || outcome.preview.update.length > 0) && (
          <Group>
            <Button onClick={() => run(false)} loading={busy}>
              Apply {plural(outcome.preview.create.length + outcome.preview.update.length, 'change')}
            </Button>
            <Badge color="gray" variant="light">
              Nothing has been written yet
            </Badge>
          </Group>
        )}
      {outcome && outcome.status === 'committed' && (
        <Alert color="teal" title="The trust’s schools are updated">
          <Text size="sm">
            {plural(outcome.preview.create.length, 'school')} added,{' '}
            {plural(outcome.preview.update.length, 'school')} updated.
          </Text>
        </Alert>
      )}
      {outcome && outcome.status === 'rejected' && <ImportOutcomeCard outcome={outcome} />}
    </Stack>
  );
}
