import { describe, expect, it } from 'vitest';
import type { WeekItem } from '../../../shared/contracts/planning';
import { agendaSummary, itemTitle } from './agenda-text';

describe('agenda text', () => {
  it('leaves out what is nil', () => {
    expect(agendaSummary(0, 0, 0, '09/12/2026')).toBe(
      'Nothing is due in the next fortnight and nothing is overdue.',
    );
    expect(agendaSummary(2, 1, 0, '09/12/2026')).toBe('2 overdue. 1 item due by 09/12/2026.');
    expect(agendaSummary(0, 3, 1, '09/12/2026')).toBe(
      'Nothing overdue. 3 items due by 09/12/2026. 1 outcome behind the line.',
    );
  });

  it('names a check by its method once, as the badge already says it is a check', () => {
    const item = { kind: 'check', title: 'Impact check: lesson visits' } as WeekItem;
    expect(itemTitle(item)).toBe('Lesson visits');
    expect(itemTitle({ ...item, kind: 'action', title: 'Buy the texts' })).toBe('Buy the texts');
  });
});
