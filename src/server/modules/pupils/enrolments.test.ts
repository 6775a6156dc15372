import { describe, expect, it } from 'vitest';
import { moveTo, schoolAsAt } from './enrolments';

const start = [{ schoolId: 'A', start: '2014-05-01', end: null }];

describe('moveTo', () => {
  it('closes the open enrolment the day before a move and opens one at the new school', () => {
    const moved = moveTo(start, 'B', '2025-09-01');
    expect(moved).toEqual([
      { schoolId: 'A', start: '2014-05-01', end: '2025-08-31' },
      { schoolId: 'B', start: '2025-09-01', end: null },
    ]);
    expect(schoolAsAt(moved, '2025-08-31')).toBe('A');
    expect(schoolAsAt(moved, '2025-09-01')).toBe('B');
  });

  it('changes nothing when the pupil stays at the same school', () => {
    expect(moveTo(start, 'A', '2025-09-01')).toEqual(start);
  });

  it('corrects the school of the open enrolment when the move is dated on or before its start', () => {
    expect(moveTo(start, 'B', '2014-05-01')).toEqual([{ schoolId: 'B', start: '2014-05-01', end: null }]);
  });
});
