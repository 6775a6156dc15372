import type { Db } from '../../platform/db/database';
import { LineBuffer } from '../../platform/db/line-buffer';
import type { Characteristics, SummaryRow } from '../analysis/summary-accumulator';
import { createSummaryAccumulator, currentCharacteristics } from '../analysis/summary-accumulator';
import { type ResultBatch, resultsRepository as repo, resultLine } from './results.repository';

const BATCH = 20_000;

/** What an import wrote, for the summaries: rows accumulated for assessments that were empty, and the rest. */
export type WrittenResults = {
  accumulatedIds: string[];
  accumulated: SummaryRow[];
  refresh: string[];
};

const emptyBatch = (): ResultBatch => ({ direct: new LineBuffer(), staged: new LineBuffer() });

/**
 * Writes an import's accepted results inside its transaction, in batches with one batch in flight:
 * on PostgreSQL the server ingests one COPY while the next batch is read and checked. Results for an
 * assessment that had none go straight into `results`, and their summaries are accumulated on the
 * way; results for an assessment that had some are staged and merged (they may replace values).
 */
export function createResultsWriter(
  tx: Db,
  trustId: string,
  jobId: string,
  pupils: readonly (Characteristics & { id: string })[],
) {
  const { groups, groupOf } = currentCharacteristics(pupils);
  const summaries = createSummaryAccumulator(groups, groupOf);
  const ids: string[] = [];
  const staging = { created: false };
  // Two batches, reused in turn: one is filled while the other is being written.
  const batches = [emptyBatch(), emptyBatch()] as const;
  let turn = 0;
  let batch = batches[0];
  let size = 0;
  let writing: Promise<void> = Promise.resolve();

  return {
    /** Registers assessment number `index` of the file as stored: its id, date, and whether it had results. */
    assessment(index: number, stored: { id: string; takenOn: string; empty: boolean }) {
      ids[index] = stored.id;
      if (stored.empty) summaries.track(index, stored.takenOn);
    },

    /** Adds one accepted result; true when the batch is full and `flush` should be awaited. */
    add(assessment: number, pupilIndex: number, value: number): boolean {
      const line = resultLine(trustId, ids[assessment]!, pupils[pupilIndex]!.id, value, jobId);
      if (summaries.isTracked(assessment)) {
        batch.direct.append(line);
        summaries.add(assessment, pupilIndex, value);
      } else batch.staged.append(line);
      size += 1;
      return size >= BATCH;
    },

    /** Sends the batch, once the previous one is written. */
    async flush() {
      await writing;
      writing = repo.writeBatch(tx, batch, staging);
      writing.catch(() => undefined); // awaited by the next flush or by finish; handled meanwhile
      // The other batch's write finished before this one started, so its buffers are free again.
      turn = 1 - turn;
      batch = batches[turn]!;
      batch.direct.reset();
      batch.staged.reset();
      size = 0;
    },

    /** Waits for the batch in flight, so that nothing is still writing when the file is judged. */
    drain: () => writing,

    /** Writes what is left and merges the staged results; returns what the summaries need. */
    async finish(): Promise<WrittenResults> {
      await writing;
      await repo.writeBatch(tx, batch, staging);
      if (staging.created) await repo.mergeStaged(tx);
      const accumulatedIds = ids.filter((_, i) => summaries.isTracked(i));
      return {
        accumulatedIds,
        accumulated: summaries.rows((i) => ids[i]!),
        refresh: ids.filter((id, i) => id !== undefined && !summaries.isTracked(i)),
      };
    },
  };
}
