import { describe, expect, it } from 'vitest';
import { meanOf, pupilAttendance } from './attendance';

const session = (heldOn: string, ...attended: string[]) => ({ heldOn, attended: new Set(attended) });

describe('pupilAttendance', () => {
  const sessions = [
    session('2026-01-05', 'a', 'b'),
    session('2026-01-12', 'a'),
    session('2026-01-19', 'b'),
    session('2026-01-26', 'a', 'b'),
  ];

  it('counts only the sessions held while the pupil was in the group', () => {
    const [a, b] = pupilAttendance(
      [
        { pupilId: 'a', joinedOn: '2026-01-01', leftOn: '2026-01-12' },
        { pupilId: 'b', joinedOn: '2026-01-19', leftOn: null },
      ],
      sessions,
      10,
    );
    expect(a).toEqual({ pupilId: 'a', possible: 2, attended: 2, attendanceRate: 1, dosage: 0.2 });
    expect(b).toEqual({ pupilId: 'b', possible: 2, attended: 2, attendanceRate: 1, dosage: 0.2 });
  });

  it('gives no rate before any session and no dosage when no sessions were planned', () => {
    const [a] = pupilAttendance([{ pupilId: 'a', joinedOn: '2026-02-01', leftOn: null }], sessions, 0);
    expect(a).toEqual({ pupilId: 'a', possible: 0, attended: 0, attendanceRate: null, dosage: null });
  });

  it('averages only the values that exist', () => {
    expect(meanOf([0.5, null, 1])).toBe(0.75);
    expect(meanOf([null])).toBeNull();
  });
});
