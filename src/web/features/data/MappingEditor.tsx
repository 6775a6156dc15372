import {
  ActionIcon,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import {
  type AssessmentColumn,
  type FieldSource,
  type ImportMapping,
  type ResultField,
  resultFields,
  wideCommonFields,
} from '../../../shared/contracts/import-mapping';
import { gradeSetsQuery } from './mapping.api';

export const FIELD_LABELS: Record<ResultField, string> = {
  upn: 'UPN',
  assessment: 'Assessment',
  subject: 'Subject',
  year_group: 'Year group',
  academic_year: 'Academic year',
  collection_point: 'Collection point',
  grade_set: 'Grade set',
  date: 'Date taken',
  result: 'Result',
};
/** Shown until the trust's own list arrives (and if it cannot be fetched). */
const BUILT_IN_OPTIONS = [
  { value: 'gcse', label: 'GCSE 9-1' },
  { value: 'ks2_scaled', label: 'KS2 scaled score' },
  { value: 'ks_ta', label: 'KS1/KS2 teacher assessment' },
  { value: 'edsm', label: 'Emerging, developing, secure, mastered' },
  { value: 'percentage', label: 'Percentage' },
  { value: 'points', label: 'Points (any number)' },
];

/**
 * The grade sets a mapping may name: the trust's (built-in and its own). A key the list lacks,
 * e.g. from an older template, stays choosable so it is shown rather than silently blanked.
 */
function useGradeSetOptions(current: readonly string[]) {
  const { data } = useQuery(gradeSetsQuery);
  const options = data ? data.map((g) => ({ value: g.key, label: g.name })) : BUILT_IN_OPTIONS;
  const known = new Set(options.map((o) => o.value));
  const missing = [...new Set(current.filter((k) => k && !known.has(k)))];
  return [...options, ...missing.map((k) => ({ value: k, label: `${k} (not defined)` }))];
}
/** The option of a field's column list that means "the same value on every row". */
const ONE_VALUE = '\u0000value';

type Props = { mapping: ImportMapping; headers: string[]; onChange: (m: ImportMapping) => void };

/** Where each canonical field comes from: a column of the file, or one value typed for every row. */
function FieldRow({
  field,
  source,
  headers,
  onChange,
}: {
  field: ResultField;
  source: FieldSource | undefined;
  headers: string[];
  onChange: (s: FieldSource | undefined) => void;
}) {
  const gradeSets = useGradeSetOptions(source && 'value' in source ? [source.value] : []);
  const choice = source ? ('column' in source ? source.column : ONE_VALUE) : null;
  const columns = headers.filter((h) => h.trim()).map((h) => ({ value: h, label: h }));
  return (
    <Stack gap={4}>
      <Select
        label={FIELD_LABELS[field]}
        data={[
          { group: 'A column of the file', items: columns },
          { group: 'Or', items: [{ value: ONE_VALUE, label: 'One value for every row…' }] },
        ]}
        value={choice}
        placeholder="Not mapped"
        searchable
        clearable
        onChange={(v) => onChange(v === null ? undefined : v === ONE_VALUE ? { value: '' } : { column: v })}
      />
      {source &&
        'value' in source &&
        (field === 'grade_set' ? (
          <Select
            aria-label={`${FIELD_LABELS[field]} for every row`}
            data={gradeSets}
            value={source.value || null}
            onChange={(v) => onChange({ value: v ?? '' })}
          />
        ) : (
          <TextInput
            aria-label={`${FIELD_LABELS[field]} for every row`}
            value={source.value}
            placeholder={field === 'academic_year' ? '2025/26' : field === 'date' ? 'dd/mm/yyyy' : ''}
            onChange={(e) => onChange({ value: e.currentTarget.value })}
          />
        ))}
    </Stack>
  );
}

function AssessmentColumns({ mapping, headers, onChange }: Props) {
  const gradeSets = useGradeSetOptions(mapping.assessments.map((a) => a.gradeSet));
  const set = (i: number, patch: Partial<AssessmentColumn>) =>
    onChange({
      ...mapping,
      assessments: mapping.assessments.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    });
  const used = new Set([
    ...mapping.assessments.map((a) => a.column),
    ...Object.values(mapping.fields).flatMap((s) => (s && 'column' in s ? [s.column] : [])),
  ]);
  const free = headers.filter((h) => h.trim() && !used.has(h));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Assessment columns ({mapping.assessments.length})
      </Text>
      <Text size="xs" c="dimmed">
        Each column below becomes one assessment; its cells are the pupils’ results.
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" aria-label="Assessment columns" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Collection point</Table.Th>
              <Table.Th>Grade set</Table.Th>
              <Table.Th>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mapping.assessments.map((a, i) => (
              <Table.Tr key={a.column}>
                <Table.Td fw={500}>{a.column}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Assessment for ${a.column}`}
                    value={a.assessment}
                    onChange={(e) => set(i, { assessment: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Subject for ${a.column}`}
                    value={a.subject}
                    onChange={(e) => set(i, { subject: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Collection point for ${a.column}`}
                    value={a.collectionPoint}
                    onChange={(e) => set(i, { collectionPoint: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Grade set for ${a.column}`}
                    data={gradeSets}
                    value={a.gradeSet}
                    allowDeselect={false}
                    onChange={(v) => set(i, { gradeSet: v ?? a.gradeSet })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Leave ${a.column} out`}
                    onClick={() =>
                      onChange({ ...mapping, assessments: mapping.assessments.filter((_, j) => j !== i) })
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {free.length > 0 && (
        <Select
          w={280}
          size="xs"
          label="Add a column as an assessment"
          data={free}
          value={null}
          searchable
          onChange={(column) =>
            column &&
            onChange({
              ...mapping,
              assessments: [
                ...mapping.assessments,
                { column, assessment: column, subject: column, collectionPoint: '', gradeSet: 'gcse' },
              ],
            })
          }
        />
      )}
    </Stack>
  );
}

/**
 * The column mapping of a results file: long (one row per pupil and assessment) or wide (a MIS
 * marksheet, one row per pupil and one column per assessment).
 */
export function MappingEditor({ mapping, headers, onChange }: Props) {
  const fields: readonly ResultField[] = mapping.layout === 'wide' ? wideCommonFields : resultFields;
  const setField = (f: ResultField, s: FieldSource | undefined) => {
    const next = { ...mapping.fields };
    if (s) next[f] = s;
    else delete next[f];
    onChange({ ...mapping, fields: next });
  };
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Layout of the file"
        w="fit-content"
        value={mapping.layout}
        onChange={(v) => onChange({ ...mapping, layout: v as ImportMapping['layout'] })}
        data={[
          { value: 'long', label: 'One row per result' },
          { value: 'wide', label: 'One row per pupil (marksheet)' },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {fields.map((f) => (
          <FieldRow
            key={f}
            field={f}
            source={mapping.fields[f]}
            headers={headers}
            onChange={(s) => setField(f, s)}
          />
        ))}
      </SimpleGrid>
      {mapping.layout === 'wide' && (
        <AssessmentColumns mapping={mapping} headers={headers} onChange={onChange} />
      )}
    </Stack>
  );
}
