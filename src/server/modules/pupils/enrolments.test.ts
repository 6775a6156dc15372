import { describe, expect, it } from 'vitest';
import { enrolmentProblems, moveTo, recordStay, schoolAsAt } from './enrolments';

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

describe('recordStay', () => {
  const moved = [
    { schoolId: 'A', start: '2014-05-01', end: '2025-08-31' },
    { schoolId: 'B', start: '2025-09-01', end: null },
  ];

  it('places a new pupil from the entry date, or from the date given when the file has none', () => {
    expect(recordStay([], 'A', '2014-05-01', { entry: '2021-09-03' })).toEqual([
      { schoolId: 'A', start: '2021-09-03', end: null },
    ]);
    expect(recordStay([], 'A', '2014-05-01', { entry: null, leftOn: null })).toEqual(start);
  });

  it('closes the stay at the school on the leaving date, and re-dates its start from the entry date', () => {
    expect(recordStay(start, 'A', '2026-01-01', { leftOn: '2026-07-22' })).toEqual([
      { schoolId: 'A', start: '2014-05-01', end: '2026-07-22' },
    ]);
    expect(recordStay(start, 'A', '2026-01-01', { entry: '2019-09-04', leftOn: null })).toEqual([
      { schoolId: 'A', start: '2019-09-04', end: null },
    ]);
  });

  it('closes an earlier stay when a leaver list names a pupil who is at another school now', () => {
    expect(recordStay(moved, 'A', '2026-01-01', { leftOn: '2025-07-18' })).toEqual([
      { schoolId: 'A', start: '2014-05-01', end: '2025-07-18' },
      moved[1],
    ]);
  });

  it('leaves a pupil enrolled elsewhere alone when a leaver list gives no entry date to place them', () => {
    expect(recordStay(moved, 'C', '2026-01-01', { leftOn: '2020-07-18' })).toEqual(moved);
    expect(recordStay(moved, 'C', '2026-01-01', { entry: '2010-01-01', leftOn: '2012-07-18' })[0]).toEqual({
      schoolId: 'C',
      start: '2010-01-01',
      end: '2012-07-18',
    });
  });

  it('is idempotent: the same row again changes nothing', () => {
    const once = recordStay(start, 'A', '2026-01-01', { entry: '2019-09-04', leftOn: '2026-07-22' });
    expect(recordStay(once, 'A', '2026-02-01', { entry: '2019-09-04', leftOn: '2026-07-22' })).toEqual(once);
  });

  it('reopens an ended stay when the school lists the pupil on roll with the same entry date', () => {
    const left = [{ schoolId: 'A', start: '2019-09-04', end: '2026-07-22' }];
    expect(recordStay(left, 'A', '2026-09-01', { entry: '2019-09-04', leftOn: null })).toEqual([
      { schoolId: 'A', start: '2019-09-04', end: null },
    ]);
    // Without an entry date the pupil has come back: a new stay from the file's date.
    expect(recordStay(left, 'A', '2026-09-01', { leftOn: null })).toEqual([
      ...left,
      { schoolId: 'A', start: '2026-09-01', end: null },
    ]);
  });
});

describe('enrolmentProblems', () => {
  it('finds a stay that ends before it starts and stays that overlap', () => {
    expect(enrolmentProblems([{ schoolId: 'A', start: '2020-01-01', end: '2019-01-01' }])).toHaveLength(1);
    expect(
      enrolmentProblems([
        { schoolId: 'A', start: '2019-01-01', end: null },
        { schoolId: 'B', start: '2020-01-01', end: null },
      ]),
    ).toHaveLength(1);
    expect(
      enrolmentProblems([
        { schoolId: 'A', start: '2014-05-01', end: '2025-08-31' },
        { schoolId: 'B', start: '2025-09-01', end: null },
      ]),
    ).toEqual([]);
  });
});
