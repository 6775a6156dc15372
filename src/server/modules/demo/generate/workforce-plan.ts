import { normal, rng } from '../../data/synthetic';
import type { GenerateSpec, PlannedSchool } from './trust-plan';

export type StaffRole = 'teacher' | 'teaching_assistant' | 'leader' | 'support';
export type PlannedStaff = {
  schoolOrd: number;
  ref: string;
  role: StaffRole;
  startedOn: string;
  leftOn: string | null;
  fte: number;
};

/** Pupils per post, by phase: roughly the national staffing ratios. */
const PER_POST: Record<PlannedSchool['phase'], Record<StaffRole, number>> = {
  primary: { teacher: 21, teaching_assistant: 25, leader: 110, support: 60 },
  secondary: { teacher: 16, teaching_assistant: 70, leader: 150, support: 45 },
  all_through: { teacher: 17, teaching_assistant: 40, leader: 130, support: 50 },
  special: { teacher: 6, teaching_assistant: 3, leader: 40, support: 15 },
};
/** Yearly chance of leaving, by role: teachers about one in nine, as in the workforce census. */
const LEAVING: Record<StaffRole, number> = {
  teacher: 0.11,
  teaching_assistant: 0.13,
  leader: 0.07,
  support: 0.12,
};

/**
 * A school's staff records: the posts its size needs, filled by people who started years ago, each
 * leaving at the end of a summer term at their role's rate (more often in a school that is
 * struggling) and replaced from the next September. Same seed, same staff: nothing reads the clock
 * or Math.random.
 */
export function planStaff(spec: GenerateSpec, school: PlannedSchool): PlannedStaff[] {
  const r = rng(spec.seed * 104_729 + school.ord + 1);
  // A weak school (effect below zero) loses staff faster: up to half as often again.
  const strain = 1 + Math.min(0.5, Math.max(0, -school.effect));
  const out: PlannedStaff[] = [];
  let n = 0;
  const appoint = (role: StaffRole, startedOn: string) => {
    const fte = role === 'teacher' || role === 'leader' ? (r() < 0.8 ? 1 : 0.6) : r() < 0.5 ? 1 : 0.8;
    const s: PlannedStaff = {
      schoolOrd: school.ord,
      ref: `S${school.ord + 1}-${String(++n).padStart(4, '0')}`,
      role,
      startedOn,
      leftOn: null,
      fte,
    };
    out.push(s);
    return s;
  };
  // HR records reach back at least six years, so retention is real in every year a report shows,
  // including those before a recent joiner came into the trust.
  const from = Math.min(school.joinedYear, spec.currentYear - 6);
  for (const role of Object.keys(LEAVING) as StaffRole[]) {
    const posts = Math.max(1, Math.round(school.pupils / PER_POST[school.phase][role]));
    for (let p = 0; p < posts; p++) {
      // Length of service before joining: most a few years, some many.
      const years = Math.min(25, Math.floor(Math.abs(3 + 4 * normal(r))));
      let holder = appoint(role, `${from - years}-09-01`);
      for (let y = from; y < spec.currentYear; y++) {
        if (r() >= LEAVING[role] * strain) continue;
        holder.leftOn = `${y + 1}-08-31`;
        holder = appoint(role, `${y + 1}-09-01`);
      }
    }
  }
  return out;
}
