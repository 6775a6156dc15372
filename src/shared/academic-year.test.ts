import { describe, expect, it } from 'vitest';
import { academicYearLabel, academicYearOfDay, academicYearStart } from './academic-year';

describe('the academic year', () => {
  it('starts on 1 September', () => {
    expect(academicYearStart('2025-08-31')).toBe(2024);
    expect(academicYearStart('2025-09-01')).toBe(2025);
    expect(academicYearStart('2026-01-15')).toBe(2025);
  });

  it('is named by the two years it spans, across a century', () => {
    expect(academicYearLabel(2025)).toBe('2025/26');
    expect(academicYearLabel(2009)).toBe('2009/10');
    expect(academicYearLabel(2099)).toBe('2099/00');
  });

  it('gives the first and last days of the year containing a day', () => {
    expect(academicYearOfDay('2026-03-02')).toEqual({
      startYear: 2025,
      start: '2025-09-01',
      end: '2026-08-31',
      label: '2025/26',
    });
  });
});
