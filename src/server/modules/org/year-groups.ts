import type { phases } from '../../../shared/contracts/org';

type Phase = (typeof phases)[number];

const year = (n: number) => ({ code: `Y${n}`, name: `Year ${n}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => year(from + i));
const reception = { code: 'R', name: 'Reception' };

/** The year groups a new school starts with, by phase; schools edit them afterwards. */
export function defaultYearGroups(phase: Phase): { code: string; name: string }[] {
  switch (phase) {
    case 'primary':
      return [reception, ...range(1, 6)];
    case 'secondary':
      return range(7, 11);
    case 'all_through':
      return [reception, ...range(1, 13)];
    case 'special':
      return [reception, ...range(1, 14)];
    case 'alternative_provision':
      return range(7, 11);
  }
}
