import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportResultsQuery } from '../../../shared/contracts/data';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { dataRepository as jobs } from './data.repository';
import type { Rejected } from './pupil-file';
import { resultsRepository as repo, type StagedBatch } from './results.repository';
import { createResultReader, readResultHeader } from './results-file';

const BATCH = 20_000;
const KEEP_REJECTED = 5_000;

/** Hooks other modules attach to a committed import, inside its transaction (e.g. summaries). */
export type ResultsWrittenHook = (tx: Db, trustId: string, assessmentIds: string[]) => Promise<void>;

/** Thrown inside the transaction to roll it back while carrying the verdict out. */
class Verdict {
  constructor(
    readonly status: 'rejected' | 'validated',
    readonly rejected: Rejected[],
  ) {}
}

/**
 * Bytes in, UTF-8 text out. MIS exports are UTF-8 or Windows-1252; the first chunk decides, since a
 * stream cannot be re-read once half of it is written to staging.
 */
async function* decode(source: AsyncIterable<Buffer>, meter: (b: Buffer) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of source) {
    meter(chunk);
    if (!decoder) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, Math.max(0, chunk.length - 4)));
        decoder = new TextDecoder('utf-8');
      } catch {
        decoder = new TextDecoder('windows-1252');
      }
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

export function createResultsImportService(
  db: Db,
  opts: { maxBytes: number; afterWrite: ResultsWrittenHook[] },
) {
  return {
    /**
     * Streams a results file into the trust, all or nothing: any invalid line rejects the whole file
     * with a report of every problem, and a server stopped mid-import leaves nothing behind (the job
     * stays 'running' until start-up marks it failed). Re-importing a result replaces its value.
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
          await repo.createStaging(tx);
          const text = decode(body, (chunk) => {
            bytes += chunk.length;
            if (bytes > opts.maxBytes)
              throw new AppError(413, 'file_too_large', `The file is larger than ${opts.maxBytes / 1e6} MB.`);
            hash.update(chunk);
          });
          const lines = parse({
            bom: true,
            delimiter: [',', ';', '\t'],
            relax_column_count: true,
            skip_empty_lines: true,
          });
          const feeding = (async () => {
            try {
              for await (const t of text)
                if (!lines.write(t)) await new Promise((r) => lines.once('drain', r));
              lines.end();
            } catch (err) {
              lines.destroy(err as Error);
            }
          })();

          let reader: ReturnType<typeof createResultReader> | null = null;
          let batch: StagedBatch = { lines: [], upns: [], assessments: [], values: [] };
          let line = 0;
          try {
            for await (const fields of lines as AsyncIterable<string[]>) {
              line += 1;
              if (!reader) {
                const header = readResultHeader(fields);
                if (!header.ok) {
                  reject([
                    {
                      row: 1,
                      column: header.missing.join(', '),
                      value: '',
                      reason: 'Missing required column(s)',
                    },
                  ]);
                  break;
                }
                reader = createResultReader(header.at);
                continue;
              }
              counts.read += 1;
              const r = reader.read(fields, line);
              if (r.kind === 'skipped') counts.skipped += 1;
              else if (r.kind === 'rejected') reject(r.problems);
              else if (counts.rejected === 0) {
                counts.accepted += 1;
                batch.lines.push(line);
                batch.upns.push(r.upn);
                batch.assessments.push(r.assessment);
                batch.values.push(r.value);
                if (batch.lines.length >= BATCH) {
                  await repo.appendStaging(tx, batch);
                  onProgress?.(counts.read);
                  batch = { lines: [], upns: [], assessments: [], values: [] };
                }
              }
            }
          } catch (err) {
            if (err instanceof AppError) throw err;
            reject([
              { row: line + 1, column: '', value: '', reason: `Not valid CSV: ${(err as Error).message}` },
            ]);
          }
          await feeding;
          if (!reader && counts.rejected === 0)
            reject([{ row: 1, column: '', value: '', reason: 'The file is empty' }]);
          if (counts.rejected) throw new Verdict('rejected', rejected);
          await repo.appendStaging(tx, batch);

          for (const u of await repo.unknownPupils(tx, actor.trustId, q.schoolId ?? null, KEEP_REJECTED))
            reject([
              {
                row: u.line,
                column: 'upn',
                value: u.upn,
                reason: u.elsewhere
                  ? 'This pupil is at another school'
                  : 'No pupil with this UPN in the trust',
              },
            ]);
          for (const d of await repo.duplicateLines(tx, KEEP_REJECTED))
            reject([
              {
                row: d.line,
                column: 'upn',
                value: d.upn,
                reason: `Same pupil and assessment as line ${d.first}`,
              },
            ]);
          const keys = reader!.assessments;
          const found = await repo.findOrCreateAssessments(tx, actor.trustId, keys);
          found.forEach((f, i) => {
            if (f.gradeSet !== keys[i]!.gradeSet)
              reject([
                {
                  row: keys[i]!.firstLine,
                  column: 'grade_set',
                  value: keys[i]!.gradeSet,
                  reason: `${keys[i]!.name} (${keys[i]!.subject}) is already recorded on the ${f.gradeSet} grade set`,
                },
              ]);
          });
          if (counts.rejected) throw new Verdict('rejected', rejected);
          if (q.dryRun) throw new Verdict('validated', []);

          const ids = found.map((f) => f.id);
          await repo.writeResults(tx, actor.trustId, ids);
          for (const hook of opts.afterWrite) await hook(tx, actor.trustId, ids);
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
          await finish(
            db,
            'failed',
            err instanceof AppError ? err.message : 'The import stopped on an unexpected error.',
          );
          throw err;
        }
      }
      const job = await jobs.findJobRow(db, actor.trustId, jobId);
      return { job: job!, rejected: rejected.slice(0, 200) };
    },
  };
}
