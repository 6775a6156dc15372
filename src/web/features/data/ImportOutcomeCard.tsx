import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { plural } from '../../app/format';
import type { ImportOutcome } from './data.api';

// Mantine's light alert titles are too pale on their tint to read at AA contrast.
const titleStyle = (tone: string) => {
  const color = tone === 'yellow' ? '#7a4800' : 'var(--mantine-color-text)';
  return { title: { color }, label: { color } };
};

type Props = {
  outcome: ImportOutcome;
  /** What the file counts: lines of a CSV, or pupils of a CTF (whose problems point at their line). */
  unit?: 'line' | 'pupil';
  onCommit?: () => void;
  committing?: boolean;
};

/** What a check or an import found: ready to import, imported, or the lines that stop it. */
export function ImportOutcomeCard({ outcome, unit = 'line', onCommit, committing }: Props) {
  const skipped = outcome.rowsSkipped
    ? `, ${plural(outcome.rowsSkipped, 'line')} with no result skipped`
    : '';
  if (outcome.status === 'validated')
    return (
      <Alert
        color="brand"
        styles={titleStyle('brand')}
        icon={<IconCircleCheck aria-hidden />}
        title="The file is ready to import"
      >
        <Stack gap="sm">
          <Text size="sm">
            {plural(outcome.rowsAccepted, unit)} checked and ready{skipped}. Nothing has been written yet.
          </Text>
          <Group>
            <Button onClick={onCommit} loading={committing}>
              Import {plural(outcome.rowsAccepted, unit)}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  if (outcome.status === 'committed')
    return (
      <Alert color="teal" styles={titleStyle('teal')} icon={<IconCircleCheck aria-hidden />} title="Imported">
        <Text size="sm">
          {plural(outcome.rowsAccepted, unit)} imported{skipped}.
        </Text>
      </Alert>
    );
  return (
    <Alert
      color="yellow"
      styles={titleStyle('yellow')}
      icon={<IconAlertTriangle aria-hidden />}
      title="Nothing was imported"
    >
      <Stack gap="sm">
        <Text size="sm">
          {outcome.failure ??
            (unit === 'pupil'
              ? outcome.rowsRead === 0
                ? 'The file could not be read as a Common Transfer File.'
                : `${plural(outcome.rowsRejected, 'problem')} in a file of ${plural(outcome.rowsRead, 'pupil')}. The whole file is held back until every pupil is right, so correct these in your MIS and export the file again.`
              : null) ??
            `${plural(outcome.rowsRejected, 'line')} of ${outcome.rowsRead.toLocaleString('en-GB')} ${outcome.rowsRejected === 1 ? 'needs' : 'need'} correcting. The whole file is held back until every line is right, so fix these in your MIS or the file and check it again.`}
        </Text>
        {outcome.rejected.length > 0 && (
          <Table fz="sm" withTableBorder striped aria-label="Lines with problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>{unit === 'pupil' ? 'Element' : 'Column'}</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.rejected.slice(0, 20).map((r) => (
                <Table.Tr key={`${r.row}-${r.column}-${r.reason}`}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.column || '–'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.value || '–'}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {outcome.rowsRejected > 20 && (
          <Anchor href={`/api/v1/imports/${outcome.id}/rejected`} size="sm">
            Download every problem as CSV
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
