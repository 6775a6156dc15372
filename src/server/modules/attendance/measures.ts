/**
 * Attendance and workforce measures. Pure, so the rules are tested at their boundaries.
 */

/**
 * Persistent absence (DfE): missing 10% or more of possible sessions. Compared in whole numbers
 * (missed x 10 >= possible) so 0.1 is never at the mercy of floating point: 17 missed of 170 is
 * persistent, 16 of 170 is not. A pupil with no possible sessions is not counted either way.
 */
export function isPersistentlyAbsent(possible: number, attended: number): boolean {
  return possible > 0 && (possible - attended) * 10 >= possible;
}

export type PupilAttendance = {
  possible: number;
  attended: number;
  disadvantaged: boolean;
  sen: 'N' | 'K' | 'E';
  eal: boolean;
};
export type GroupKey = 'all' | 'disadvantaged' | 'not_disadvantaged' | 'sen' | 'no_sen' | 'eal' | 'not_eal';
export type GroupFigures = {
  group: GroupKey;
  /** Null when the group, or its partner, is under the suppression threshold for this audience. */
  pupils: number | null;
  attendancePct: number | null;
  persistentAbsencePct: number | null;
  suppressed: boolean;
};

const PAIRS: [GroupKey, GroupKey, (p: PupilAttendance) => boolean][] = [
  ['disadvantaged', 'not_disadvantaged', (p) => p.disadvantaged],
  ['sen', 'no_sen', (p) => p.sen !== 'N'],
  ['eal', 'not_eal', (p) => p.eal],
];

const round1 = (x: number) => Math.round(x * 10) / 10;

function figures(group: GroupKey, pupils: PupilAttendance[]): GroupFigures {
  const counted = pupils.filter((p) => p.possible > 0);
  const possible = counted.reduce((s, p) => s + p.possible, 0);
  const attended = counted.reduce((s, p) => s + p.attended, 0);
  const pa = counted.filter((p) => isPersistentlyAbsent(p.possible, p.attended)).length;
  return {
    group,
    pupils: counted.length,
    attendancePct: possible ? round1((100 * attended) / possible) : null,
    persistentAbsencePct: counted.length ? round1((100 * pa) / counted.length) : null,
    suppressed: false,
  };
}

const hidden = (group: GroupKey): GroupFigures => ({
  group,
  pupils: null,
  attendancePct: null,
  persistentAbsencePct: null,
  suppressed: true,
});

/**
 * One school's attendance by group, from each pupil's totals over the period. With a threshold
 * (governors and trustees), a group under it is hidden together with its partner, so the whole
 * school's figure cannot be used to work the small group out.
 */
export function attendanceByGroup(pupils: PupilAttendance[], threshold: number | null): GroupFigures[] {
  const all = figures('all', pupils);
  const out = [threshold !== null && (all.pupils ?? 0) < threshold ? hidden('all') : all];
  for (const [a, b, test] of PAIRS) {
    const fa = figures(a, pupils.filter(test));
    const fb = figures(
      b,
      pupils.filter((p) => !test(p)),
    );
    const small = threshold !== null && ((fa.pupils ?? 0) < threshold || (fb.pupils ?? 0) < threshold);
    out.push(small ? hidden(a) : fa, small ? hidden(b) : fb);
  }
  return out;
}

export type Appointment = { staffRef: string; startedOn: string; leftOn: string | null };

/**
 * Staff retention over an academic year (1 September to 31 August): of the people in post on
 * 1 September, the share still in post after 31 August. Leaving on 31 August itself, the usual
 * end of a teacher's contract, counts as leaving that year. People are counted once each however
 * many appointments they hold at the school.
 *
 * Worked example, 2024/25: A started 2019 and is still here; B started 2022 and left 31/08/2025;
 * C started 01/09/2024 (in post on day one); D started 01/01/2025 (not in post on 1 September, so
 * not counted). In post at the start: A, B, C = 3; still in post after 31 August: A and C = 2;
 * retention 2 / 3 = 66.7%.
 */
export function retention(
  appointments: readonly Appointment[],
  startYear: number,
): { inPostAtStart: number; stillInPost: number; pct: number | null } {
  const start = `${startYear}-09-01`;
  const end = `${startYear + 1}-08-31`;
  const atStart = new Set<string>();
  const stayed = new Set<string>();
  for (const a of appointments) {
    if (a.startedOn > start || (a.leftOn !== null && a.leftOn < start)) continue;
    atStart.add(a.staffRef);
    if (a.leftOn === null || a.leftOn > end) stayed.add(a.staffRef);
  }
  const n = atStart.size;
  return { inPostAtStart: n, stillInPost: stayed.size, pct: n ? round1((100 * stayed.size) / n) : null };
}
