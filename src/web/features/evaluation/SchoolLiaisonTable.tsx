import { Checkbox, Group, Select, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { phaseLabels, type School } from '../../../shared/contracts/org';
import type { RoundFormValues } from './round-form';

type Props = {
  form: UseFormReturnType<RoundFormValues>;
  schools: readonly School[];
  liaisonOptions: { value: string; label: string }[];
};

/** Which schools take part, each with the improvement lead who agrees its judgements. */
export function SchoolLiaisonTable({ form, schools, liaisonOptions }: Props) {
  const chosen = form.values.schoolIds;
  const all = chosen.length === schools.length;
  const setAllLiaisons = (personId: string | null) =>
    form.setFieldValue('liaisons', Object.fromEntries(schools.map((s) => [s.id, personId ?? ''])));

  return (
    <>
      <Group gap="lg" align="flex-end" mb="sm" wrap="wrap">
        <Checkbox
          label="All schools"
          checked={all}
          indeterminate={chosen.length > 0 && !all}
          onChange={() => form.setFieldValue('schoolIds', all ? [] : schools.map((s) => s.id))}
        />
        <Select
          label="Liaison for every school"
          description="Sets them all at once; change any school below"
          placeholder="Choose a liaison"
          data={liaisonOptions}
          clearable
          w={320}
          onChange={setAllLiaisons}
        />
      </Group>
      {form.errors.schoolIds && (
        <Text c="var(--mantine-color-error)" size="sm" role="alert" mb="xs">
          {form.errors.schoolIds}
        </Text>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" captionSide="top">
          <Table.Caption ta="left" c="dimmed" mb="xs">
            {chosen.length} of {schools.length} schools taking part
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">School</Table.Th>
              <Table.Th scope="col">Phase</Table.Th>
              <Table.Th scope="col">Liaison</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((s) => {
              const taking = chosen.includes(s.id);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Checkbox
                      label={s.name}
                      checked={taking}
                      onChange={() =>
                        form.setFieldValue(
                          'schoolIds',
                          taking ? chosen.filter((id) => id !== s.id) : [...chosen, s.id],
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>{phaseLabels[s.phase]}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Liaison for ${s.name}`}
                      placeholder="No liaison yet"
                      data={liaisonOptions}
                      clearable
                      disabled={!taking}
                      size="sm"
                      value={form.values.liaisons[s.id] || null}
                      onChange={(v) => form.setFieldValue(`liaisons.${s.id}`, v ?? '')}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
