import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type AcademicYear, type Term, termLabels } from '../../../shared/contracts/calendar';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { updateTerms } from './calendar.api';
import { useCalendarChange } from './calendar-change';

const DATE_FIELDS = ['startsOn', 'halfTermStartsOn', 'halfTermEndsOn', 'endsOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const FIELD_LABELS: Record<DateField, string> = {
  startsOn: 'Term starts',
  halfTermStartsOn: 'Half term starts',
  halfTermEndsOn: 'Half term ends',
  endsOn: 'Term ends',
};
const OPTIONAL: readonly DateField[] = ['halfTermStartsOn', 'halfTermEndsOn'];
const serverFields = [0, 1, 2].flatMap((i) => DATE_FIELDS.map((f) => `terms.${i}.${f}`));

type TermText = { name: Term['name'] } & Record<DateField, string>;

/** The year's terms typed as dd/mm/yyyy; half terms may be left blank. */
function EditTermsModal({ year, onClose }: { year: AcademicYear; onClose: () => void }) {
  const { busy, run } = useCalendarChange(year.id);
  const [formError, setFormError] = useState<string>();
  const form = useForm<{ terms: TermText[] }>({
    initialValues: {
      terms: year.terms.map((t) => ({
        name: t.name,
        startsOn: formatDate(t.startsOn),
        halfTermStartsOn: formatDate(t.halfTermStartsOn),
        halfTermEndsOn: formatDate(t.halfTermEndsOn),
        endsOn: formatDate(t.endsOn),
      })),
    },
    validate: {
      terms: Object.fromEntries(
        DATE_FIELDS.map((f) => [
          f,
          (v: string) =>
            (OPTIONAL.includes(f) && !v.trim()) || parseUkDate(v) ? null : 'Enter a date as dd/mm/yyyy',
        ]),
      ),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFormError(undefined);
    const terms: Term[] = v.terms.map((t) => ({
      name: t.name,
      startsOn: parseUkDate(t.startsOn)!,
      endsOn: parseUkDate(t.endsOn)!,
      halfTermStartsOn: parseUkDate(t.halfTermStartsOn) ?? null,
      halfTermEndsOn: parseUkDate(t.halfTermEndsOn) ?? null,
    }));
    const saved = await run(
      () => updateTerms(year.id, { version: year.version, terms }),
      // A refusal goes next to the dates it is about.
      (err) => setFormError(applyServerErrors(err, serverFields, form.setErrors)),
    );
    if (saved) {
      notifySuccess(`Term dates for ${year.label} saved.`);
      onClose();
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Term dates for ${year.label}`} centered size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {form.values.terms.map((t, i) => (
            <Stack key={t.name} gap={4}>
              <Title order={3} fz="sm">
                {termLabels[t.name]} term
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {DATE_FIELDS.map((f, k) => (
                  <TextInput
                    key={f}
                    label={FIELD_LABELS[f]}
                    aria-label={`${termLabels[t.name]} ${FIELD_LABELS[f].toLowerCase()}`}
                    placeholder="dd/mm/yyyy"
                    data-autofocus={i === 0 && k === 0 ? true : undefined}
                    {...form.getInputProps(`terms.${i}.${f}`)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
          <Text size="xs" c="dimmed">
            Leave both half-term dates blank where a term has no half-term break. Assessments and collection
            points take their term from these dates.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save term dates
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const halfTerm = (t: Term) =>
  t.halfTermStartsOn && t.halfTermEndsOn
    ? `${formatDate(t.halfTermStartsOn)} to ${formatDate(t.halfTermEndsOn)}`
    : 'None';

/** A year's three terms with their half terms, and the way to correct them. */
export function TermDates({ year }: { year: AcademicYear }) {
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <Title order={3} fz="md">
          Term dates
        </Title>
        <Button variant="light" size="xs" onClick={() => setEditing(true)}>
          Edit term dates
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={`Term dates for ${year.label}`} withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th>Starts</Table.Th>
              <Table.Th>Half term</Table.Th>
              <Table.Th>Ends</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {year.terms.map((t) => (
              <Table.Tr key={t.name}>
                <Table.Td fw={500}>{termLabels[t.name]}</Table.Td>
                <Table.Td>{formatDate(t.startsOn)}</Table.Td>
                <Table.Td>{halfTerm(t)}</Table.Td>
                <Table.Td>{formatDate(t.endsOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <EditTermsModal year={year} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
