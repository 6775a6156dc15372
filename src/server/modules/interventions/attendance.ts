/**
 * Attendance at an intervention's sessions. A pupil's rate counts only the sessions held while they
 * were in the group (joined on or before the day, not yet left), so joining late is not an absence;
 * dosage is sessions attended over sessions planned, the measure of how much of the programme they got.
 */
export type Membership = {
  readonly pupilId: string;
  readonly joinedOn: string;
  readonly leftOn: string | null;
};
export type SessionMarks = { readonly heldOn: string; readonly attended: ReadonlySet<string> };
export type PupilAttendance = {
  readonly pupilId: string;
  readonly possible: number;
  readonly attended: number;
  readonly attendanceRate: number | null;
  readonly dosage: number | null;
};

export const inGroupOn = (m: Membership, day: string): boolean =>
  m.joinedOn <= day && (m.leftOn === null || day <= m.leftOn);

export function pupilAttendance(
  members: readonly Membership[],
  sessions: readonly SessionMarks[],
  plannedSessions: number,
): PupilAttendance[] {
  return members.map((m) => {
    const held = sessions.filter((s) => inGroupOn(m, s.heldOn));
    const attended = held.filter((s) => s.attended.has(m.pupilId)).length;
    return {
      pupilId: m.pupilId,
      possible: held.length,
      attended,
      attendanceRate: held.length ? attended / held.length : null,
      dosage: plannedSessions > 0 ? attended / plannedSessions : null,
    };
  });
}

/** Mean of the non-null values, or null when there are none. */
export function meanOf(xs: readonly (number | null)[]): number | null {
  const present = xs.filter((x): x is number => x !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}
