import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { InterventionDetail, RejectedUpnRow } from '../../../shared/contracts/interventions';
import { ApiError, messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { candidatesQuery, useAddPupils, useUploadUpns } from './interventions.api';

function PickPupils({ iv, onDone }: { iv: InterventionDetail; onDone: () => void }) {
  const [search, setSearch] = useState('');
  const [yearGroup, setYearGroup] = useState<string | null>(null);
  const [disadvantaged, setDisadvantaged] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [debounced] = useDebouncedValue(search, 250);
  const q = {
    ...(debounced.trim() ? { search: debounced.trim() } : {}),
    ...(yearGroup ? { yearGroup } : {}),
    ...(disadvantaged ? { disadvantaged } : {}),
  };
  const found = useQuery(candidatesQuery(iv.id, q));
  const add = useAddPupils(iv.id);
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pupils = found.data?.pupils ?? [];
  const allChosen = pupils.length > 0 && pupils.every((p) => chosen.has(p.id));
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Name"
          placeholder="Search by name"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
        />
        <Select
          label="Year group"
          placeholder="Any"
          clearable
          data={found.data?.yearGroups ?? []}
          value={yearGroup}
          onChange={setYearGroup}
        />
        <Select
          label="Disadvantaged"
          placeholder="Everyone"
          clearable
          data={[
            { value: 'true', label: 'Disadvantaged only' },
            { value: 'false', label: 'Not disadvantaged' },
          ]}
          value={disadvantaged}
          onChange={setDisadvantaged}
        />
      </Group>
      {found.isError && <Alert color="red">{messageOf(found.error)}</Alert>}
      <Text size="sm" c="dimmed">
        {found.data
          ? found.data.total > pupils.length
            ? `Showing ${pupils.length} of ${found.data.total} pupils; narrow the search to see the rest.`
            : `${found.data.total} pupils not yet in this intervention.`
          : 'Loading pupils…'}
      </Text>
      <Table.ScrollContainer minWidth={420} mah={320}>
        <Table stickyHeader striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label="Choose every pupil listed"
                  checked={allChosen}
                  onChange={() =>
                    setChosen((s) => {
                      const next = new Set(s);
                      for (const p of pupils) allChosen ? next.delete(p.id) : next.add(p.id);
                      return next;
                    })
                  }
                />
              </Table.Th>
              <Table.Th>Pupil</Table.Th>
              <Table.Th>Year</Table.Th>
              <Table.Th>Disadvantaged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pupils.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Choose ${p.name}`}
                    checked={chosen.has(p.id)}
                    onChange={() => toggle(p.id)}
                  />
                </Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.yearGroup}</Table.Td>
                <Table.Td>{p.disadvantaged ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {add.isError && <Alert color="red">{messageOf(add.error)}</Alert>}
      <Group justify="flex-end">
        <Button
          disabled={chosen.size === 0}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { version: iv.version, pupilIds: [...chosen] },
              {
                onSuccess: () => {
                  notifySuccess(`${chosen.size} pupil${chosen.size === 1 ? '' : 's'} added.`);
                  onDone();
                },
              },
            )
          }
        >
          Add {chosen.size || ''} pupil{chosen.size === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

const rejectedOf = (err: unknown): RejectedUpnRow[] => {
  if (!(err instanceof ApiError)) return [];
  const details = err.details as { rejected?: RejectedUpnRow[] } | undefined;
  return details?.rejected ?? [];
};

function UploadUpns({ iv, onDone }: { iv: InterventionDetail; onDone: () => void }) {
  const upload = useUploadUpns(iv.id);
  const [fileName, setFileName] = useState<string>();
  const send = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    upload.mutate(
      { version: iv.version, csv: await file.text() },
      {
        onSuccess: (d) => {
          notifySuccess(`Pupils added from ${file.name}. The intervention now has ${d.pupils?.length ?? 0}.`);
          onDone();
        },
      },
    );
  };
  const rejected = rejectedOf(upload.error);
  return (
    <Stack gap="sm">
      <Text size="sm">
        A CSV file with a column headed UPN (other columns are ignored), or one UPN per line. Every pupil must
        be on this school's roll. If any row cannot be used, no pupils are added and each problem is listed.
      </Text>
      <Group>
        <FileButton onChange={send} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} loading={upload.isPending} variant="default">
              Choose a CSV file
            </Button>
          )}
        </FileButton>
        {fileName && <Text size="sm">{fileName}</Text>}
      </Group>
      {upload.isError && (
        <Alert color="red" title="No pupils were added" role="alert">
          <Text size="sm">{messageOf(upload.error)}</Text>
          {rejected.length > 0 && (
            <Table mt="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Value</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((r) => (
                  <Table.Tr key={`${r.row}-${r.column}`}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.column}</Table.Td>
                    <Table.Td>{r.value}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Stack>
  );
}

export function AddPupilsModal({ iv, onClose }: { iv: InterventionDetail; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Add pupils" centered size="xl">
      <Tabs defaultValue="pick">
        <Tabs.List mb="md">
          <Tabs.Tab value="pick">Choose from the school</Tabs.Tab>
          <Tabs.Tab value="upload">Upload a list of UPNs</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pick">
          <PickPupils iv={iv} onDone={onClose} />
        </Tabs.Panel>
        <Tabs.Panel value="upload">
          <UploadUpns iv={iv} onDone={onClose} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
