import { describe, expect, it } from 'vitest';
import { academicYear, addDays, todayIso } from './plan-dates';

describe('plan dates', () => {
  it('puts September to August in one academic year', () => {
    expect(academicYear('2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-08-31', label: '2026/27' });
    expect(academicYear('2027-08-31').label).toBe('2026/27');
    expect(academicYear('2026-08-31').label).toBe('2025/26');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it("reads today from the reader's own calendar", () => {
    expect(todayIso(new Date(2026, 10, 5, 23, 30))).toBe('2026-11-05');
  });
});
