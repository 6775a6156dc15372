import type { ImportRecordsBody } from '../../../shared/contracts/attendance';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { findPupilData } from '../library/pupil-data';
import { orgRepository } from '../org/org.repository';
import { parseAttendanceCsv } from './attendance-file';
import { parseBehaviourCsv } from './behaviour-file';
import type { Rejected } from './pupil-file';
import { fromBase64, runRecordImport } from './record-import';
import { type MatchedPupil, recordsRepository as repo } from './records.repository';

/**
 * Attendance and behaviour files: rows per pupil, matched by UPN to the trust's pupils (and to one
 * school when the import is a school's). All or nothing through runRecordImport.
 */
export function createAttendanceImportService(db: Db) {
  async function authorise(actor: Actor, schoolId: string | undefined) {
    if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) throw notFound('School');
    const scope = schoolId ? { trustId: actor.trustId, schoolId } : { trustId: actor.trustId };
    if (!can(actor, 'pupil.import', scope)) throw forbidden();
  }

  /** Each row's pupil, or the reason it has none; another trust's pupil is simply not found. */
  async function matcher(tx: Db, actor: Actor, upns: string[], schoolId: string | undefined) {
    const pupils = new Map((await repo.pupilsByUpn(tx, actor.trustId, upns)).map((p) => [p.upn, p]));
    return (row: number, upn: string): MatchedPupil | Rejected => {
      const p = pupils.get(upn);
      if (!p) return { row, column: 'upn', value: upn, reason: 'No pupil with this UPN in the trust' };
      if (schoolId && p.school_id !== schoolId)
        return { row, column: 'upn', value: upn, reason: 'This pupil is not at the chosen school' };
      return p;
    };
  }

  return {
    async importAttendance(actor: Actor, body: ImportRecordsBody) {
      await authorise(actor, body.schoolId);
      const bytes = fromBase64(body.contentBase64);
      return runRecordImport(
        db,
        actor,
        { kind: 'attendance', filename: body.filename, bytes, dryRun: body.dryRun, schoolId: body.schoolId },
        async (tx) => {
          const parsed = parseAttendanceCsv(bytes);
          const match = await matcher(
            tx,
            actor,
            parsed.rows.map((r) => r.upn),
            body.schoolId,
          );
          const rejected = [...parsed.rejected];
          const rows = parsed.rows.flatMap((r) => {
            const p = match(r.row, r.upn);
            if ('reason' in p) {
              rejected.push(p);
              return [];
            }
            return [{ ...r, pupilId: p.id, schoolId: p.school_id }];
          });
          rejected.sort((a, b) => a.row - b.row);
          return {
            rowsRead: parsed.rowsRead,
            accepted: rows.length,
            rejected,
            write: (w, jobId) => repo.upsertAttendance(w, actor.trustId, jobId, rows),
          };
        },
      );
    },

    async importBehaviour(actor: Actor, body: ImportRecordsBody) {
      await authorise(actor, body.schoolId);
      const bytes = fromBase64(body.contentBase64);
      return runRecordImport(
        db,
        actor,
        { kind: 'behaviour', filename: body.filename, bytes, dryRun: body.dryRun, schoolId: body.schoolId },
        async (tx) => {
          const parsed = parseBehaviourCsv(bytes);
          const match = await matcher(
            tx,
            actor,
            parsed.rows.map((r) => r.upn),
            body.schoolId,
          );
          const rejected = [...parsed.rejected];
          const matched = parsed.rows.flatMap((r) => {
            const p = match(r.row, r.upn);
            if ('reason' in p) {
              rejected.push(p);
              return [];
            }
            return [{ ...r, pupilId: p.id, schoolId: p.school_id }];
          });
          // A note is about its own pupil: one naming another pupil of the school is held back.
          const noted = matched.filter((r) => r.note);
          const schoolIds = [...new Set(noted.map((r) => r.schoolId))];
          const classmates = await repo.pupilsOfSchools(tx, actor.trustId, schoolIds);
          for (const r of noted) {
            const others = classmates.filter((p) => p.school_id === r.schoolId && p.id !== r.pupilId);
            if (findPupilData({ note: r.note! }, others).length)
              rejected.push({
                row: r.row,
                column: 'note',
                value: r.note!,
                reason: 'The note identifies another pupil; keep notes about this pupil only',
              });
          }
          rejected.sort((a, b) => a.row - b.row);
          return {
            rowsRead: parsed.rowsRead,
            accepted: matched.length,
            rejected,
            write: (w, jobId) => repo.upsertBehaviour(w, actor.trustId, jobId, matched),
          };
        },
      );
    },
  };
}

export type AttendanceImportService = ReturnType<typeof createAttendanceImportService>;
