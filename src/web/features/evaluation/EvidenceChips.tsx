import { Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import classes from './EvidenceChips.module.css';

export type EvidenceItem = { sourceId: string; note: string };
type Source = { id: string; label: string };

type Props = {
  sources: readonly Source[];
  value: EvidenceItem[];
  onChange: (value: EvidenceItem[]) => void;
  disabled?: boolean;
};

/** Where the judgement comes from: pick sources as chips, each with an optional short note. */
export function EvidenceChips({ sources, value, onChange, disabled }: Props) {
  const chosen = value.map((e) => e.sourceId);
  const labelOf = new Map(sources.map((s) => [s.id, s.label]));

  const toggle = (ids: string[]) =>
    onChange(ids.map((id) => value.find((e) => e.sourceId === id) ?? { sourceId: id, note: '' }));
  const setNote = (sourceId: string, note: string) =>
    onChange(value.map((e) => (e.sourceId === sourceId ? { ...e, note } : e)));

  return (
    <Stack gap={6}>
      <fieldset className={classes.fieldset}>
        <Text component="legend" size="sm" fw={500} mb={6}>
          Evidence
        </Text>
        <Chip.Group multiple value={chosen} onChange={toggle}>
          <Group gap={6}>
            {sources.map((s) => (
              <Chip key={s.id} value={s.id} size="sm" variant="outline" disabled={disabled}>
                {s.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
      {value.map((e) => (
        <TextInput
          key={e.sourceId}
          size="sm"
          label={`${labelOf.get(e.sourceId) ?? 'Evidence'}: note (optional)`}
          placeholder="For example: Year 8 and 9 books, November"
          maxLength={1000}
          value={e.note}
          disabled={disabled}
          onChange={(ev) => setNote(e.sourceId, ev.currentTarget.value)}
        />
      ))}
    </Stack>
  );
}
