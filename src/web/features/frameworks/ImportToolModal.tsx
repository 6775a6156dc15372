import {
  Alert,
  Button,
  Code,
  FileButton,
  Group,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { LineError } from '../../../shared/contracts/frameworks';
import { messageOf } from '../../app/api';
import { plural } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { lineErrorsOf, useImportTools } from './frameworks.api';

type Format = 'json' | 'csv';

const csvHeader =
  'tool_key, tool_name, area, completed_by, tool_description, aspect, aspect_description, code, statement, guidance, tags';

function LineErrors({ errors }: { errors: LineError[] }) {
  return (
    <Table.ScrollContainer minWidth={420} mah={260}>
      <Table striped withTableBorder captionSide="top" fz="sm" bg="white">
        <Table.Caption ta="left" c="dimmed" mb={4}>
          {plural(errors.length, 'problem')} found. Nothing was imported; correct the file and try again.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={70}>
              Line
            </Table.Th>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            // Several problems may share a line and field, so the position keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
            <Table.Tr key={i}>
              <Table.Td>{e.line}</Table.Td>
              <Table.Td ff="monospace">{e.field || '–'}</Table.Td>
              {/* Lists of allowed values arrive as "a"|"b"; spaced out, they wrap and read as a list. */}
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.message.replaceAll('"|"', '", "')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Imports tools from a JSON or CSV file, pasted or uploaded; a bad file is explained line by line. */
export function ImportToolModal({ onClose }: { onClose: () => void }) {
  const importTools = useImportTools();
  const [format, setFormat] = useState<Format>('json');
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [missing, setMissing] = useState(false);
  const lineErrors = lineErrorsOf(importTools.error);

  const choose = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setFormat(/\.csv$/i.test(file.name) ? 'csv' : 'json');
    setContent(await file.text());
    importTools.reset();
  };

  const submit = () => {
    if (!content.trim()) return setMissing(true);
    importTools.mutate(
      { format, content },
      {
        onSuccess: ({ tools }) => {
          notifySuccess(
            tools.length === 1 && tools[0]
              ? `${tools[0].name} imported as version ${tools[0].version}.`
              : `${plural(tools.length, 'tool')} imported.`,
          );
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Import evaluation tools" size="xl" centered>
      <Stack gap="md">
        <Text size="sm">
          A tool whose key is already in the library becomes its next version; rounds already under way keep
          the version they started with.
        </Text>
        <Radio.Group
          label="File type"
          value={format}
          onChange={(v) => setFormat(v === 'csv' ? 'csv' : 'json')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="json" label="JSON (one tool, or a list of tools)" />
            <Radio value="csv" label="CSV (one row per statement)" />
          </Group>
        </Radio.Group>
        {format === 'csv' && (
          <Text size="xs" c="dimmed">
            Columns: <Code>{csvHeader}</Code>. Separate tags with semicolons.
          </Text>
        )}
        <Group gap="sm">
          <FileButton onChange={choose} accept=".json,.csv,application/json,text/csv">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
                Choose a file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {fileName ? `Loaded ${fileName}` : 'or paste its contents below'}
          </Text>
        </Group>
        <Textarea
          label="File contents"
          autosize
          minRows={8}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          value={content}
          error={missing && !content.trim() ? 'Choose a file or paste its contents' : undefined}
          onChange={(e) => {
            setContent(e.currentTarget.value);
            setMissing(false);
          }}
        />
        {importTools.error && (
          <Alert color="red" role="alert" title="The file was not imported">
            {lineErrors.length > 0 ? (
              <LineErrors errors={lineErrors} />
            ) : (
              <Text size="sm">{messageOf(importTools.error)}</Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={importTools.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
