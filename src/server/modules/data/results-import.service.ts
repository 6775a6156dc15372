import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportResultsQuery } from '../../../shared/contracts/data';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { gradeSetsForTrust } from '../grade-sets/grade-sets.service';
import { orgRepository } from '../org/org.repository';
import { CsvFormatError, csvChunks } from './csv-chunks';
import { dataRepository as jobs } from './data.repository';
import type { Rejected } from './pupil-file';
import { resultsRepository as repo } from './results.repository';
import { createPupilMatcher, createResultReader, gradeSetTable, readResultHeader } from './results-file';
import { createResultsWriter, type WrittenResults } from './results-writer';
import { fileTooLarge } from './upload';
import { decodeWindows1252 } from './windows-1252';

const KEEP_REJECTED = 5_000;

/** Hooks other modules attach to a committed import, inside its transaction (e.g. summaries). */
export type ResultsWrittenHook = (tx: Db, trustId: string, written: WrittenResults) => Promise<void>;

/** Thrown inside the transaction to roll it back while carrying the verdict out. */
class Verdict {
  constructor(readonly status: 'rejected' | 'validated') {}
}

/**
 * Bytes in, UTF-8 text out. MIS exports are UTF-8 or Windows-1252; the first chunk decides, since a
 * stream cannot be re-read once half of it is written.
 */
async function* decode(source: AsyncIterable<Buffer>, meter: (b: Buffer) => void): AsyncGenerator<string> {
  // Windows-1252 is one byte a character, so each chunk decodes on its own; Node's own decoder for
  // it would turn curly quotes and dashes into control characters (see windows-1252.ts).
  let decode: ((chunk: Buffer) => string) | null = null;
  let utf8: TextDecoder | null = null;
  for await (const chunk of source) {
    meter(chunk);
    if (!decode) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, Math.max(0, chunk.length - 4)));
        const d = new TextDecoder('utf-8');
        utf8 = d;
        decode = (c) => d.decode(c, { stream: true });
      } catch {
        decode = decodeWindows1252;
      }
    }
    yield decode(chunk);
  }
  if (utf8) yield utf8.decode();
}

export function createResultsImportService(
  db: Db,
  opts: { maxBytes: number; afterWrite: ResultsWrittenHook[] },
) {
  return {
    /**
     * Streams a results file into the trust, all or nothing. Lines are checked as they arrive and
     * written in large batches inside one transaction; any invalid line rolls it all back and the
     * job reports every problem. A server stopped mid-import leaves nothing behind (the job stays
     * 'running' until start-up marks it failed). Re-importing a result replaces its value.
     */
    async importResults(
      actor: Actor,
      q: ImportResultsQuery,
      body: Readable,
      onProgress?: (linesRead: number) => void,
    ) {
      if (q.schoolId && !(await orgRepository.findSchool(db, actor.trustId, q.schoolId)))
        throw notFound('School');
      const scope = q.schoolId
        ? { trustId: actor.trustId, schoolId: q.schoolId }
        : { trustId: actor.trustId };
      if (!can(actor, 'pupil.import', scope)) throw forbidden();

      const { id: jobId } = await jobs.insertJob(db, {
        trustId: actor.trustId,
        kind: 'results',
        filename: q.filename,
        sha256: '',
        year: null,
        dryRun: q.dryRun,
        status: 'running',
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        rejected: [],
        createdBy: actor.via === 'system' ? null : actor.personId,
      });
      const hash = createHash('sha256');
      let bytes = 0;
      const counts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
      const rejected: Rejected[] = [];
      const reject = (r: Rejected[]) => {
        counts.rejected += 1;
        for (const x of r) if (rejected.length < KEEP_REJECTED) rejected.push(x);
      };
      const finish = (on: Db, status: string, failure?: string) =>
        jobs.finishJob(on, actor.trustId, jobId, {
          status,
          sha256: hash.digest('hex'),
          rowsRead: counts.read,
          rowsAccepted: status === 'committed' || status === 'validated' ? counts.accepted : 0,
          rowsRejected: counts.rejected,
          rowsSkipped: counts.skipped,
          rejected,
          ...(failure ? { failure } : {}),
        });

      try {
        await db.transaction().execute(async (tx) => {
          const pupils = await repo.pupilsOfTrust(tx, actor.trustId);
          // The trust's own grade sets beside the built-in ones: a file may name any of them.
          const gradeSets = gradeSetTable(await gradeSetsForTrust(tx, actor.trustId));
          const match = createPupilMatcher(pupils, q.schoolId ?? null);
          const writer = createResultsWriter(tx, actor.trustId, jobId, pupils);
          // Per assessment met in the file: its id, or null when its grade set clashes with the stored one.
          const assessmentIds: (string | null)[] = [];
          const storedGradeSets: string[] = [];
          const text = decode(body, (chunk) => {
            bytes += chunk.length;
            if (bytes > opts.maxBytes) throw fileTooLarge(opts.maxBytes);
            hash.update(chunk);
          });
          let reader: ReturnType<typeof createResultReader> | null = null;
          let line = 0;
          try {
            file: for await (const records of csvChunks(text))
              for (const fields of records) {
                line += 1;
                if (!reader) {
                  const header = readResultHeader(fields);
                  if (!header.ok) {
                    const column = header.missing.join(', ');
                    reject([{ row: 1, column, value: '', reason: 'Missing required column(s)' }]);
                    break file;
                  }
                  reader = createResultReader(header.at, gradeSets);
                  continue;
                }
                counts.read += 1;
                const r = reader.read(fields, line);
                if (r.kind === 'skipped') {
                  counts.skipped += 1;
                  continue;
                }
                if (r.kind === 'rejected') {
                  reject(r.problems);
                  continue;
                }
                if (assessmentIds[r.assessment] === undefined) {
                  const key = reader.assessments[r.assessment]!;
                  const found = await repo.findOrCreateAssessment(tx, actor.trustId, key);
                  assessmentIds[r.assessment] = found.gradeSet === key.gradeSet ? found.id : null;
                  storedGradeSets[r.assessment] = found.gradeSet;
                  if (found.gradeSet === key.gradeSet) writer.assessment(r.assessment, found);
                }
                const assessmentId = assessmentIds[r.assessment];
                if (!assessmentId) {
                  const stored = storedGradeSets[r.assessment]!;
                  const reason = `The trust already records this assessment on the ${stored} grade set`;
                  reject([{ row: line, column: 'grade_set', value: fields.join(','), reason }]);
                  continue;
                }
                const pupil = match(r.upn, r.assessment, line);
                if ('reason' in pupil) {
                  reject([{ row: line, column: 'upn', value: r.upn, reason: pupil.reason }]);
                  continue;
                }
                counts.accepted += 1;
                // Once any line is bad the file is rejected: keep checking, stop writing.
                if (counts.rejected || q.dryRun) continue;
                if (writer.add(r.assessment, pupil.index, r.value)) {
                  await writer.flush();
                  onProgress?.(counts.read);
                }
              }
            await writer.drain();
          } catch (err) {
            if (!(err instanceof CsvFormatError)) throw err;
            reject([
              { row: line + 1, column: '', value: '', reason: `Not valid CSV: ${(err as Error).message}` },
            ]);
          }
          if (!reader && counts.rejected === 0)
            reject([{ row: 1, column: '', value: '', reason: 'The file is empty' }]);
          if (counts.rejected) throw new Verdict('rejected');
          if (q.dryRun) throw new Verdict('validated');
          const written = await writer.finish();
          for (const hook of opts.afterWrite) await hook(tx, actor.trustId, written);
          await finish(tx, 'committed');
          await auditService.record(tx, actor, {
            action: 'import',
            entityType: 'import_job',
            entityId: jobId,
            ...(q.schoolId ? { schoolId: q.schoolId } : {}),
            changes: { kind: 'results', filename: q.filename, status: 'committed', rows: counts.read },
          });
        });
      } catch (err) {
        if (err instanceof Verdict) await finish(db, err.status);
        else {
          const why = err instanceof AppError ? err.message : 'The import stopped on an unexpected error.';
          await finish(db, 'failed', why);
          throw err;
        }
      }
      const job = await jobs.findJobRow(db, actor.trustId, jobId);
      return { job: job!, rejected: rejected.slice(0, 200) };
    },
  };
}
