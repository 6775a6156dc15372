import type { ImportRecordsBody } from '../../../shared/contracts/attendance';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { orgRepository } from '../org/org.repository';
import type { Rejected } from './pupil-file';
import { fromBase64, runRecordImport } from './record-import';
import { recordsRepository as repo } from './records.repository';
import { parseStaffCsv } from './staff-file';

/**
 * Staff records from the trust's HR system, for workforce measures such as retention. A row's
 * school is its school_urn, matched to the trust's schools, or the school chosen for the import.
 */
export function createStaffImportService(db: Db) {
  return {
    async importStaff(actor: Actor, body: ImportRecordsBody) {
      const chosen = body.schoolId ? await orgRepository.findSchool(db, actor.trustId, body.schoolId) : null;
      if (body.schoolId && !chosen) throw notFound('School');
      const scope = chosen ? { trustId: actor.trustId, schoolId: chosen.id } : { trustId: actor.trustId };
      if (!can(actor, 'staff.import', scope)) throw forbidden();
      const bytes = fromBase64(body.contentBase64);
      return runRecordImport(
        db,
        actor,
        { kind: 'staff', filename: body.filename, bytes, dryRun: body.dryRun, schoolId: chosen?.id ?? null },
        async (tx) => {
          const parsed = parseStaffCsv(bytes);
          const schools = new Map((await repo.schoolsOfTrust(tx, actor.trustId)).map((s) => [s.urn, s.id]));
          const rejected: Rejected[] = [...parsed.rejected];
          const rows = parsed.rows.flatMap((r) => {
            const bad = (reason: string) => {
              rejected.push({ row: r.row, column: 'school_urn', value: r.urn ?? '', reason });
              return [];
            };
            if (!r.urn && !chosen) return bad('Give the school’s URN, or choose the school the file is for');
            const schoolId = r.urn ? schools.get(r.urn) : chosen!.id;
            if (!schoolId) return bad('No school of the trust has this URN');
            if (chosen && schoolId !== chosen.id)
              return bad('This row is for another school than the one chosen');
            return [{ ...r, schoolId }];
          });
          rejected.sort((a, b) => a.row - b.row);
          return {
            rowsRead: parsed.rowsRead,
            accepted: rows.length,
            rejected,
            write: (w, jobId) => repo.upsertStaff(w, actor.trustId, jobId, rows),
          };
        },
      );
    },
  };
}

export type StaffImportService = ReturnType<typeof createStaffImportService>;
