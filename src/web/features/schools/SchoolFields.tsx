import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { phaseOptions, type SchoolFormValues } from './school-form';

/** The fields shared by "Add a school" and "Edit details". */
export function SchoolFields({ form }: { form: UseFormReturnType<SchoolFormValues> }) {
  return (
    <>
      <TextInput label="School name" required maxLength={200} {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="URN"
          description="The six-digit unique reference number from Get Information about Schools"
          required
          inputMode="numeric"
          maxLength={6}
          {...form.getInputProps('urn')}
        />
        <Select
          label="Phase"
          description="Sets the school's year groups when it is added"
          placeholder="Choose a phase"
          required
          data={phaseOptions}
          allowDeselect={false}
          {...form.getInputProps('phase')}
        />
        <TextInput
          label="Local authority"
          required
          maxLength={100}
          {...form.getInputProps('localAuthority')}
        />
        <TextInput
          label="Joined the trust"
          description="Day/month/year. Leave blank if you do not know."
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          maxLength={10}
          {...form.getInputProps('joinedTrustOn')}
        />
      </SimpleGrid>
    </>
  );
}
