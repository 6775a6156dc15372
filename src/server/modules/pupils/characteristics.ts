/**
 * A pupil's characteristics over time, as pure rules: periods that partition the pupil's life,
 * resolving them as at a date, changing them from a date, the Ever-6 disadvantage rule and the DfE
 * prior attainment band. The repository stores what these functions return.
 */
export const SEN_NEEDS = [
  'SPLD',
  'MLD',
  'SLD',
  'PMLD',
  'SEMH',
  'SLCN',
  'HI',
  'VI',
  'MSI',
  'PD',
  'ASD',
  'OTH',
] as const;
export type SenNeed = (typeof SEN_NEEDS)[number];
export type Band = 'low' | 'middle' | 'high';

export type Characteristics = {
  disadvantaged: boolean;
  fsm: boolean;
  pupilPremium: boolean;
  lookedAfter: boolean;
  adoptedFromCare: boolean;
  serviceChild: boolean;
  sen: 'N' | 'K' | 'E';
  senPrimaryNeed: SenNeed | null;
  eal: boolean;
  ethnicity: string;
  ks2Reading: number | null;
  ks2Maths: number | null;
  ks2FineLevel: number | null;
  priorAttainmentBand: Band | null;
};
export const CHARACTERISTIC_KEYS = [
  'disadvantaged',
  'fsm',
  'pupilPremium',
  'lookedAfter',
  'adoptedFromCare',
  'serviceChild',
  'sen',
  'senPrimaryNeed',
  'eal',
  'ethnicity',
  'ks2Reading',
  'ks2Maths',
  'ks2FineLevel',
  'priorAttainmentBand',
] as const satisfies readonly (keyof Characteristics)[];

/** From and to are ISO dates, both inclusive; `to` null means the period is still in force. */
export type Period = { from: string; to: string | null; values: Characteristics };

const DAY = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const dayBefore = (iso: string) => shift(iso, -1);
export const dayAfter = (iso: string) => shift(iso, 1);
/** The same day `years` earlier; 29 February falls back to the 28th. */
export const yearsBefore = (iso: string, years: number) =>
  `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

export const sameValues = (a: Characteristics, b: Characteristics) =>
  CHARACTERISTIC_KEYS.every((k) => a[k] === b[k]);

const covers = (p: Period, date: string) => p.from <= date && (p.to === null || date <= p.to);

/** The values in force on `date`, or null when no period covers it (the caller falls back to current). */
export function characteristicsAsAt(history: readonly Period[], date: string): Characteristics | null {
  return history.find((p) => covers(p, date))?.values ?? null;
}

/** Problems with a history as a partition of time: sorted, contiguous, no overlap, only the last open. */
export function partitionProblems(history: readonly Period[]): string[] {
  const problems: string[] = [];
  history.forEach((p, i) => {
    if (p.to !== null && p.to < p.from) problems.push(`The period from ${p.from} ends before it starts`);
    const next = history[i + 1];
    if (!next) return;
    if (p.to === null) problems.push(`The period from ${p.from} is open but another follows it`);
    else if (next.from <= p.to) problems.push(`The periods from ${p.from} and ${next.from} overlap`);
    else if (next.from !== dayAfter(p.to)) problems.push(`There is a gap after ${p.to}`);
  });
  if (history.length && history.at(-1)!.to !== null) problems.push('The last period must be open');
  return problems;
}

/** Adjacent periods with the same values become one, so re-stating a value never adds a row. */
function mergeAdjacent(history: readonly Period[]): Period[] {
  const out: Period[] = [];
  for (const p of history) {
    const last = out.at(-1);
    if (last && sameValues(last.values, p.values)) out[out.length - 1] = { ...last, to: p.to };
    else out.push(p);
  }
  return out;
}

/**
 * The history after learning that, from `date`, `patch` holds: the period covering `date` is split
 * there (closing the day before) and the part from `date` takes the new values, up to where that
 * period ended. A date before the first period changes the first period. Restating what is already
 * held returns the history unchanged, which makes re-imports idempotent.
 */
export function applyChange(
  history: readonly Period[],
  date: string,
  patch: Partial<Characteristics>,
): Period[] {
  if (!history.length) throw new Error('applyChange needs a history with at least one period');
  const at = history[0]!.from > date ? history[0]!.from : date;
  const i = history.findIndex((p) => covers(p, at));
  if (i < 0) throw new Error(`No period covers ${at}`);
  const p = history[i]!;
  const values = { ...p.values, ...patch };
  if (sameValues(values, p.values)) return [...history];
  const replaced =
    p.from === at
      ? [{ ...p, values }]
      : [
          { ...p, to: dayBefore(at) },
          { from: at, to: p.to, values },
        ];
  return mergeAdjacent([...history.slice(0, i), ...replaced, ...history.slice(i + 1)]);
}

export type FsmInstance = { start: string; end: string | null };
/** A dated SEN provision record (CTF SENhistory): the provision from `start` until the next record. */
export type SenChange = { start: string; sen: 'N' | 'K' | 'E' };

/**
 * DfE disadvantage (FSM6CLA1A): free school meals at any point in the six years up to `asAt`, or
 * looked after, or adopted from care. A period counts when it started by `asAt` and had not ended
 * before the window opened.
 */
export function isDisadvantaged(
  p: { fsm: readonly FsmInstance[]; lookedAfter: boolean; adoptedFromCare: boolean },
  asAt: string,
): boolean {
  if (p.lookedAfter || p.adoptedFromCare) return true;
  const windowStart = yearsBefore(asAt, 6);
  return p.fsm.some((f) => f.start <= asAt && (f.end === null || f.end >= windowStart));
}

export const onFsm = (fsm: readonly FsmInstance[], asAt: string) =>
  fsm.some((f) => f.start <= asAt && (f.end === null || f.end >= asAt));

/**
 * The dates up to `until` on which FSM or Ever-6 disadvantage changed, with the values from each:
 * every FSM start, the day after every end, and six years after that, when disadvantage lapses.
 */
export function fsmChanges(
  p: { fsm: readonly FsmInstance[]; lookedAfter: boolean; adoptedFromCare: boolean },
  until: string,
): { date: string; fsm: boolean; disadvantaged: boolean }[] {
  const dates = new Set<string>();
  for (const f of p.fsm) {
    dates.add(f.start);
    if (f.end) {
      dates.add(dayAfter(f.end));
      dates.add(dayAfter(`${Number(f.end.slice(0, 4)) + 6}${f.end.slice(4)}`.replace(/-02-29$/, '-02-28')));
    }
  }
  return [...dates]
    .filter((d) => d <= until)
    .sort()
    .map((date) => ({ date, fsm: onFsm(p.fsm, date), disadvantaged: isDisadvantaged(p, date) }));
}

/**
 * KS2 fine level for KS4 cohorts from 2022 on (methods.md): the mean of the reading and maths
 * scaled scores, or the one score a pupil has.
 */
export function ks2FineLevel(reading: number | null, maths: number | null): number | null {
  if (reading !== null && maths !== null) return (reading + maths) / 2;
  return reading ?? maths;
}

/**
 * The DfE prior attainment band from a KS2 fine level. On the scaled-score scale (80-120): below
 * the expected standard (under 100) is low, 100 to under 110 middle, 110 and above high. A pre-2016
 * fine level on the old level scale (under 7) bands at level 4 and 5: under 4 low, under 5 middle.
 */
export function priorAttainmentBand(fineLevel: number | null): Band | null {
  if (fineLevel === null) return null;
  const [middle, high] = fineLevel >= 10 ? [100, 110] : [4, 5];
  return fineLevel < middle ? 'low' : fineLevel < high ? 'middle' : 'high';
}
