import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionOverdue, addDays, checkState, onTrack } from './schedule';

describe('checkState', () => {
  it('moves a check from planned to due to overdue as the days pass, until it is recorded', () => {
    const check = { due_on: '2026-11-20', recorded_on: null };
    expect(checkState(check, '2026-10-01')).toBe('planned');
    expect(checkState(check, '2026-11-10')).toBe('due');
    expect(checkState(check, '2026-11-20')).toBe('due');
    expect(checkState(check, '2026-11-21')).toBe('overdue');
    expect(checkState({ ...check, recorded_on: '2026-11-25' }, '2026-12-01')).toBe('recorded');
  });
});

describe('actionOverdue', () => {
  it('counts only unfinished actions past their date', () => {
    expect(actionOverdue({ due_on: '2026-11-01', status: 'in_progress' }, '2026-11-02')).toBe(true);
    expect(actionOverdue({ due_on: '2026-11-01', status: 'done' }, '2026-11-02')).toBe(false);
    expect(actionOverdue({ due_on: '2026-11-02', status: 'not_started' }, '2026-11-02')).toBe(false);
  });
});

describe('onTrack', () => {
  const outcome = {
    numeric: true,
    direction: 'up',
    baseline_value: '40',
    baseline_on: '2026-09-01',
    target_value: '60',
    target_on: '2027-07-01',
  };
  it('compares the latest value with the straight line from baseline to target', () => {
    expect(onTrack(outcome, { value: '52', on: '2027-02-01' })).toBe(true);
    expect(onTrack(outcome, { value: '45', on: '2027-02-01' })).toBe(false);
    expect(
      onTrack(
        { ...outcome, direction: 'down', baseline_value: '20', target_value: '10' },
        { value: '14', on: '2027-02-01' },
      ),
    ).toBe(true);
    expect(onTrack({ ...outcome, numeric: false }, { value: 'better', on: '2027-02-01' })).toBeNull();
    expect(onTrack(outcome, null)).toBeNull();
  });

  it('always counts reaching the target as on track (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 600 }),
        (b, t, day) => {
          const up = t >= b;
          const o = {
            ...outcome,
            direction: up ? 'up' : 'down',
            baseline_value: String(b),
            target_value: String(t),
          };
          expect(onTrack(o, { value: String(t), on: addDays('2026-09-01', day) })).toBe(true);
        },
      ),
    );
  });
});
