import type { Db } from '../../platform/db/database';
import { conflict } from '../../platform/errors';
import type { PupilRow } from '../data/pupil-file';
import { applyChange, type Period, partitionProblems, sameValues } from './characteristics';
import { type Enrolment, enrolmentProblems, recordStay } from './enrolments';
import { changesOfRow, NO_CHARACTERISTICS } from './import-changes';
import { pupilHistoryRepository as repo } from './pupils.repository';

const sameHistory = (a: readonly Period[], b: readonly Period[]) =>
  a.length === b.length &&
  a.every((p, i) => p.from === b[i]!.from && p.to === b[i]!.to && sameValues(p.values, b[i]!.values));
const sameEnrolments = (a: readonly Enrolment[], b: readonly Enrolment[]) =>
  a.length === b.length &&
  a.every((e, i) => e.schoolId === b[i]!.schoolId && e.start === b[i]!.start && e.end === b[i]!.end);

/**
 * Writes the characteristics history and enrolments an imported file implies, inside the import's
 * transaction, after the pupils themselves are upserted: each row's dated changes are applied to the
 * pupil's periods, which must still partition time (else the import stops with a 409 and nothing is
 * written), and only pupils whose history changed are rewritten, so a re-import writes nothing.
 * The pupils' current columns then follow their open period and enrolment. Returns every school
 * the pupils were or are at, whose analysis summaries the caller must refresh.
 */
export async function recordImportedHistory(
  tx: Db,
  trustId: string,
  schoolId: string,
  rows: readonly PupilRow[],
  today: string,
): Promise<string[]> {
  const pupils = await repo.pupilsByUpn(
    tx,
    trustId,
    rows.map((r) => r.upn),
  );
  const ids = [...pupils.values()].map((p) => p.id);
  const histories = await repo.historiesOf(tx, trustId, ids);
  const enrolments = await repo.enrolmentsOf(tx, trustId, ids);
  const newHistories = new Map<string, Period[]>();
  const newEnrolments = new Map<string, Enrolment[]>();
  const schools = new Set([schoolId]);
  for (const row of rows) {
    const pupil = pupils.get(row.upn);
    if (!pupil) continue;
    const changes = changesOfRow(row, today);
    const held = histories.get(pupil.id) ?? [];
    // A pupil new to the history starts from birth with the file's latest values.
    const start = held.length
      ? held
      : [{ from: pupil.dateOfBirth, to: null, values: { ...NO_CHARACTERISTICS, ...changes.at(-1)!.patch } }];
    const next = changes.reduce<Period[]>((h, c) => applyChange(h, c.date, c.patch), start);
    const problems = partitionProblems(next);
    if (problems.length)
      throw conflict(
        `The characteristics history of pupil ${row.upn} would not be consistent: ${problems[0]}`,
      );
    if (!sameHistory(held, next)) newHistories.set(pupil.id, next);

    const was = enrolments.get(pupil.id) ?? [];
    const now = recordStay(was, schoolId, was.length ? changes.at(-1)!.date : pupil.dateOfBirth, {
      entry: row.entryDate,
      leftOn: row.leftOn,
    });
    const wrong = enrolmentProblems(now);
    if (wrong.length)
      throw conflict(`The enrolments of pupil ${row.upn} would not be consistent: ${wrong[0]}`);
    for (const e of [...was, ...now]) schools.add(e.schoolId);
    if (!sameEnrolments(was, now)) newEnrolments.set(pupil.id, now);
  }
  await repo.replaceHistories(tx, trustId, newHistories);
  await repo.replaceEnrolments(tx, trustId, newEnrolments);
  await repo.syncCurrent(tx, trustId, ids);
  return [...schools];
}
