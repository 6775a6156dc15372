import { academicYearLabel, academicYearStart } from '../../../shared/academic-year';
import type { AttendanceSummary, StaffRetention } from '../../../shared/contracts/attendance';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { recordsRepository as repo } from '../data/records.repository';
import { orgRepository } from '../org/org.repository';
import { attendanceByGroup, retention } from './measures';

/**
 * Attendance by pupil group and staff retention, per school the reader may analyse. Pupil-level
 * readers see every group; governors and trustees see groups under the threshold hidden with their
 * partner, as elsewhere in the analysis.
 */
export function createAttendanceService(db: Db, suppressionThreshold: number, clock: () => Date) {
  async function readable(actor: Actor, schoolId: string | undefined) {
    if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) throw notFound('School');
    const schools = (await orgRepository.listSchools(db, actor.trustId)).filter(
      (s) =>
        (!schoolId || s.id === schoolId) &&
        can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: s.id }),
    );
    if (!schools.length) throw forbidden();
    return schools;
  }

  return {
    async summary(actor: Actor, q: { academicYear?: number; schoolId?: string }): Promise<AttendanceSummary> {
      const schools = await readable(actor, q.schoolId);
      const years = [
        ...new Set(
          (await repo.attendanceStarts(db, actor.trustId)).map((r) => academicYearStart(r.period_start)),
        ),
      ].sort((a, b) => b - a);
      const year = q.academicYear ?? years[0] ?? null;
      const pupilLevel = schools.every((s) =>
        can(actor, 'pupil.read', { trustId: actor.trustId, schoolId: s.id }),
      );
      const threshold = pupilLevel ? null : suppressionThreshold;
      if (year === null)
        return { academicYear: null, label: null, years, suppressionThreshold: threshold, schools: [] };
      const totals = await repo.pupilTotals(
        db,
        actor.trustId,
        `${year}-09-01`,
        `${year + 1}-08-31`,
        schools.map((s) => s.id),
      );
      return {
        academicYear: year,
        label: academicYearLabel(year),
        years,
        suppressionThreshold: threshold,
        schools: schools
          .map((s) => ({
            schoolId: s.id,
            schoolName: s.name,
            groups: attendanceByGroup(
              totals
                .filter((t) => t.school_id === s.id)
                .map((t) => ({
                  possible: Number(t.possible),
                  attended: Number(t.attended),
                  disadvantaged: t.disadvantaged,
                  sen: t.sen as 'N' | 'K' | 'E',
                  eal: t.eal,
                })),
              threshold,
            ),
          }))
          .filter((s) => (s.groups[0]?.pupils ?? 0) > 0 || s.groups[0]?.suppressed),
      };
    },

    async staffRetention(actor: Actor, q: { schoolId?: string }): Promise<StaffRetention> {
      const schools = await readable(actor, q.schoolId);
      const staff = await repo.staffOfSchools(
        db,
        actor.trustId,
        schools.map((s) => s.id),
      );
      const today = clock().toISOString().slice(0, 10);
      const thisYear = academicYearStart(today);
      return {
        schools: schools.flatMap((s) => {
          const mine = staff
            .filter((r) => r.school_id === s.id)
            .map((r) => ({ staffRef: r.staff_ref, startedOn: r.started_on, leftOn: r.left_on }));
          if (!mine.length) return [];
          // As with pupils: a reader without pupil-level access (a governor, a trustee) sees no
          // figure resting on fewer staff than the threshold, where one leaver could be recognised.
          const protect = !can(actor, 'pupil.read', { trustId: actor.trustId, schoolId: s.id });
          const first = Math.min(...mine.map((a) => academicYearStart(a.startedOn)));
          const years = [];
          for (let y = Math.max(first, thisYear - 5); y <= thisYear; y++) {
            const r = retention(mine, y);
            if (r.inPostAtStart === 0) continue;
            const suppressed = protect && r.inPostAtStart < suppressionThreshold;
            years.push({
              academicYear: y,
              label: academicYearLabel(y),
              inPostAtStart: suppressed ? null : r.inPostAtStart,
              stillInPost: suppressed ? null : r.stillInPost,
              retentionPct: suppressed ? null : r.pct,
              suppressed,
              inProgress: `${y + 1}-08-31` >= today,
            });
          }
          return [{ schoolId: s.id, schoolName: s.name, years }];
        }),
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
