import type { PupilRow } from '../data/pupil-file';
import {
  type Characteristics,
  fsmChanges,
  isDisadvantaged,
  ks2FineLevel,
  onFsm,
  priorAttainmentBand,
} from './characteristics';

export type DatedChange = { date: string; patch: Partial<Characteristics> };

/** What a pupil with no history starts from before a file's values are applied. */
export const NO_CHARACTERISTICS: Characteristics = {
  disadvantaged: false,
  fsm: false,
  pupilPremium: false,
  lookedAfter: false,
  adoptedFromCare: false,
  serviceChild: false,
  sen: 'N',
  senPrimaryNeed: null,
  eal: false,
  ethnicity: 'NOBT',
  ks2Reading: null,
  ks2Maths: null,
  ks2FineLevel: null,
  priorAttainmentBand: null,
};

/** The values a file states for a pupil; what it does not state is left out, so it is kept. */
export function patchOfRow(p: PupilRow): Partial<Characteristics> {
  const patch: Partial<Characteristics> = {
    disadvantaged: p.disadvantaged,
    fsm: p.fsm,
    // Without a column of its own, pupil premium follows disadvantage (its main route).
    pupilPremium: p.pupilPremium ?? p.disadvantaged,
    sen: p.sen,
    eal: p.eal,
    ethnicity: p.ethnicity,
  };
  if (p.lookedAfter !== undefined) patch.lookedAfter = p.lookedAfter;
  if (p.adoptedFromCare !== undefined) patch.adoptedFromCare = p.adoptedFromCare;
  if (p.serviceChild !== undefined) patch.serviceChild = p.serviceChild;
  // A pupil without SEN provision has no primary need, whatever a stale column says.
  if (p.sen === 'N') patch.senPrimaryNeed = null;
  else if (p.senPrimaryNeed !== undefined) patch.senPrimaryNeed = p.senPrimaryNeed;
  if (p.ks2Reading !== undefined || p.ks2Maths !== undefined) {
    patch.ks2Reading = p.ks2Reading ?? null;
    patch.ks2Maths = p.ks2Maths ?? null;
    patch.ks2FineLevel = p.ks2FineLevel ?? ks2FineLevel(patch.ks2Reading, patch.ks2Maths);
  } else if (p.ks2FineLevel !== undefined) patch.ks2FineLevel = p.ks2FineLevel;
  if (patch.ks2FineLevel !== undefined) patch.priorAttainmentBand = priorAttainmentBand(patch.ks2FineLevel);
  return patch;
}

/** The SEN part of a pupil's state: no provision means no primary need. */
const senPatch = (sen: 'N' | 'K' | 'E'): Partial<Characteristics> =>
  sen === 'N' ? { sen, senPrimaryNeed: null } : { sen };

/**
 * The dated changes a file row makes, oldest first. With a CTF's FSM periods or SEN records: the
 * state before them (from birth), then at every date where FSM, disadvantage or SEN provision
 * changes, the whole of that state as it was then (so re-applying a date restates rather than
 * drifts), then the file's values from its effective date (the row's, else `defaultDate`).
 */
export function changesOfRow(p: PupilRow, defaultDate: string): DatedChange[] {
  const date = p.effectiveFrom ?? defaultDate;
  const final = { date, patch: patchOfRow(p) };
  if (!p.fsmHistory && !p.senHistory) return [final];
  const fsm = p.fsmHistory && {
    fsm: p.fsmHistory,
    lookedAfter: p.lookedAfter ?? false,
    adoptedFromCare: p.adoptedFromCare ?? false,
  };
  const sen = p.senHistory;
  const senAt = (d: string) => sen?.filter((s) => s.start <= d).at(-1)?.sen ?? 'N';
  const stateAt = (d: string): Partial<Characteristics> => ({
    ...(fsm && { fsm: onFsm(fsm.fsm, d), disadvantaged: isDisadvantaged(fsm, d) }),
    ...(sen && senPatch(senAt(d))),
  });
  const before: Partial<Characteristics> = {
    ...(fsm && { fsm: false, disadvantaged: fsm.lookedAfter || fsm.adoptedFromCare }),
    ...(sen && senPatch('N')),
  };
  const dates = new Set([
    ...(fsm ? fsmChanges(fsm, date).map((c) => c.date) : []),
    ...(sen ?? []).map((s) => s.start),
  ]);
  return [
    { date: p.dateOfBirth, patch: before },
    ...[...dates]
      .filter((d) => d < date && d > p.dateOfBirth)
      .sort()
      .map((d) => ({ date: d, patch: stateAt(d) })),
    final,
  ];
}
