import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { auditService } from '../audit/audit.service';
import { dataRepository as jobs } from './data.repository';
import { presentJob } from './data.service';
import type { Rejected } from './pupil-file';

/** What an importer found in a file, checked against the trust, and how to write it. */
export type Checked = {
  rowsRead: number;
  accepted: number;
  rejected: Rejected[];
  write: (tx: Db, jobId: string) => Promise<void>;
  audit?: Record<string, unknown>;
};

/**
 * The one shape of a small-file import: check everything (inside the transaction, so the pupils
 * or schools matched cannot change underneath), then write only a file with no rejected row,
 * together with its job and its audit entry carrying the file hash. A dry run checks and stops.
 */
export async function runRecordImport(
  db: Db,
  actor: Actor,
  job: { kind: string; filename: string; bytes: Uint8Array; dryRun: boolean; schoolId?: string | null },
  check: (tx: Db) => Promise<Checked>,
) {
  const sha256 = createHash('sha256').update(job.bytes).digest('hex');
  const { jobId, rejected, audit } = await db.transaction().execute(async (tx) => {
    const c = await check(tx);
    const ok = c.rejected.length === 0;
    const status = !ok ? 'rejected' : job.dryRun ? 'validated' : 'committed';
    const { id } = await jobs.insertJob(tx, {
      trustId: actor.trustId,
      kind: job.kind,
      filename: job.filename,
      sha256,
      year: null,
      dryRun: job.dryRun,
      status,
      rowsRead: c.rowsRead,
      rowsAccepted: ok ? c.accepted : 0,
      rowsRejected: new Set(c.rejected.map((r) => r.row)).size,
      rejected: c.rejected.slice(0, 5000),
      createdBy: actor.via === 'system' ? null : actor.personId,
    });
    if (status === 'committed') await c.write(tx, id);
    await auditService.record(tx, actor, {
      action: 'import',
      entityType: 'import_job',
      entityId: id,
      schoolId: job.schoolId ?? null,
      changes: { kind: job.kind, filename: job.filename, sha256, status, rows: c.rowsRead, ...c.audit },
    });
    return { jobId: id, rejected: c.rejected, audit: c.audit };
  });
  const row = (await jobs.findJobRow(db, actor.trustId, jobId))!;
  return { ...presentJob(row), rejected: rejected.slice(0, 200), audit };
}

/** Decodes a base64 body field; a string that is not base64 is a 400, not a crash. */
export const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
