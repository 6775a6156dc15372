/**
 * The analysis summaries (result_summaries: n, sum and sum of squares per assessment x school x
 * disadvantaged x SEN x EAL x sex) built while results stream in, so an import into assessments that
 * had no results need not re-read a million rows to summarise them. refreshResultSummaries
 * (analysis.repository.ts) stays the definition: summary-accumulator.test.ts checks that both give
 * the same rows, and anything this cannot see (an assessment that already had results) goes there.
 * Pure: no database.
 */

/** The characteristics the summaries group by. */
export type Characteristics = {
  schoolId: string;
  disadvantaged: boolean;
  sen: string;
  eal: boolean;
  sex: string;
};

export type SummaryRow = Characteristics & {
  assessmentId: string;
  n: number;
  total: number;
  totalSquares: number;
};

/**
 * Which group a pupil's result counts in, for an assessment taken on a date, as a number from
 * `groups`. The only place that decides a pupil's characteristics for the summaries, so that taking
 * them as at the assessment date (from a characteristics history) changes this function alone.
 */
export type GroupOf = (pupilIndex: number, takenOn: string) => number;

/** Distinct characteristic combinations, numbered as they are first met. */
export function createGroups() {
  const list: Characteristics[] = [];
  const byKey = new Map<string, number>();
  return {
    list,
    number(c: Characteristics): number {
      const key = `${c.schoolId}|${c.disadvantaged}|${c.sen}|${c.eal}|${c.sex}`;
      let n = byKey.get(key);
      if (n === undefined) {
        n = list.push(c) - 1;
        byKey.set(key, n);
      }
      return n;
    },
  };
}

/** Pupils' characteristics as held on their record now, whatever the assessment date. */
export function currentCharacteristics(pupils: readonly Characteristics[]) {
  const groups = createGroups();
  const groupOfPupil = Int32Array.from(pupils, (p) => groups.number(p));
  const groupOf: GroupOf = (pupilIndex) => groupOfPupil[pupilIndex]!;
  return { groups: groups.list, groupOf };
}

/**
 * Accumulates results per tracked assessment (numbered as the caller numbers them) and group.
 * Results of assessments not tracked are ignored: the caller refreshes those from the table.
 */
export function createSummaryAccumulator(groups: readonly Characteristics[], groupOf: GroupOf) {
  type Sums = { n: number; total: number; totalSquares: number };
  const tracked: ({ takenOn: string; byGroup: Map<number, Sums> } | undefined)[] = [];
  return {
    track(assessment: number, takenOn: string) {
      tracked[assessment] = { takenOn, byGroup: new Map() };
    },
    isTracked: (assessment: number) => tracked[assessment] !== undefined,
    add(assessment: number, pupilIndex: number, value: number) {
      const a = tracked[assessment];
      if (!a) return;
      const g = groupOf(pupilIndex, a.takenOn);
      const s = a.byGroup.get(g);
      if (s) {
        s.n += 1;
        s.total += value;
        s.totalSquares += value * value;
      } else a.byGroup.set(g, { n: 1, total: value, totalSquares: value * value });
    },
    /** The summary rows of every tracked assessment, given each one's id. */
    rows(idOf: (assessment: number) => string): SummaryRow[] {
      return tracked.flatMap((a, assessment) =>
        a ? [...a.byGroup].map(([g, s]) => ({ assessmentId: idOf(assessment), ...groups[g]!, ...s })) : [],
      );
    },
  };
}
