import { Select, type SelectProps } from '@mantine/core';
import { type OwnerOption, useOwnerOptions } from './plan-people';

type Props = Omit<SelectProps, 'data'> & {
  schoolId: string | null;
  known?: OwnerOption[];
};

/** A searchable list of the people who may own work in this school's plan. */
export function OwnerSelect({ schoolId, known, description, ...props }: Props) {
  const { options, loading, limited } = useOwnerOptions(schoolId, known);
  return (
    <Select
      searchable
      data={options}
      nothingFoundMessage="Nobody by that name works here"
      placeholder={loading ? 'Loading people…' : 'Choose a person'}
      description={
        limited
          ? 'You can choose yourself or someone already named in this plan. A school leader can name others.'
          : description
      }
      {...props}
    />
  );
}
