import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CalendarYear } from '../../../shared/contracts/calendar';
import { calendarYearQuery } from './calendar.api';

/**
 * Runs a change to a year's calendar (each answers with the whole updated year, which replaces
 * the cached one), keeping whether it is under way and what went wrong.
 */
export function useCalendarChange(yearId: string) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** `onError` takes a refusal instead of `error` (a form that shows it against its fields). */
  const run = async (
    change: () => Promise<CalendarYear>,
    onError: (err: unknown) => void = setError,
  ): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(calendarYearQuery(yearId).queryKey, await change());
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
}

/** Taking one item off a year's calendar, asked first in a ConfirmDialog given `dialog`. */
export function useCalendarRemoval<T>(yearId: string, remove: (item: T) => Promise<CalendarYear>) {
  const [removing, setRemoving] = useState<T | null>(null);
  const { busy, error, run, clearError } = useCalendarChange(yearId);
  return {
    removing,
    ask: (item: T) => {
      clearError();
      setRemoving(item);
    },
    dialog: {
      opened: removing !== null,
      onClose: () => setRemoving(null),
      onConfirm: async () => {
        if (removing !== null && (await run(() => remove(removing)))) setRemoving(null);
      },
      loading: busy,
      error,
    },
  };
}

/** The bin button in a calendar table's row; `label` names what it removes, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label="Remove from the calendar">
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
