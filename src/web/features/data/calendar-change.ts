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
  const run = async (change: () => Promise<CalendarYear>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(calendarYearQuery(yearId).queryKey, await change());
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
}
