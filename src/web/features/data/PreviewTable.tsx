import { Table, Text } from '@mantine/core';
import type { FilePreview } from '../../../shared/contracts/import-mapping';
import { formatDate } from '../../app/format';
import { FIELD_LABELS } from './MappingEditor';

/** The first rows of the file as the import will read them, each with what would stop it. */
export function PreviewTable({ rows }: { rows: FilePreview['rows'] }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No results to show yet: map the columns above.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" striped withTableBorder aria-label="Preview of the first rows" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>UPN</Table.Th>
            <Table.Th>Assessment</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Check</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.row}-${r.sourceColumn}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td ff="monospace">{r.values.upn || '–'}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.values.assessment || '–'}</Text>
                <Text size="xs" c="dimmed">
                  {[
                    r.values.subject,
                    r.values.year_group && `Year ${r.values.year_group.replace(/^Y(ear)?\s*/i, '')}`,
                    r.values.academic_year,
                    r.values.collection_point,
                    formatDate(r.values.date),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.values.result || '–'}
                <Text size="xs" c="dimmed">
                  {r.values.grade_set}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.problems.length === 0 ? (
                  <Text size="sm" c="teal.9">
                    Ready
                  </Text>
                ) : (
                  r.problems.map((p) => (
                    <Text
                      size="sm"
                      c={p.reason.endsWith('skipped') ? 'dimmed' : 'red.9'}
                      key={`${p.field}-${p.reason}`}
                    >
                      {FIELD_LABELS[p.field as keyof typeof FIELD_LABELS] ?? p.field}: {p.reason}
                    </Text>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
