/**
 * Choosing comparison pupils for an intervention: for each intervention pupil, the not-yet-chosen
 * pupil with the same disadvantaged status whose baseline score is nearest (1:1, without replacement).
 * Matching on prior attainment and disadvantage is what the EEF DIY evaluation guide suggests when
 * groups cannot be randomised; it makes the groups alike at the start on the things measured.
 */
export type Candidate = {
  readonly id: string;
  readonly baseline: number;
  readonly disadvantaged: boolean;
  /** What ties are broken on; defaults to the id. A key taken from the data (such as the UPN) makes
   * the match the same however the rows were stored, where random ids would not. */
  readonly tieKey?: string;
};
export type Match = { readonly treatedId: string; readonly comparisonId: string; readonly distance: number };

/**
 * Greedy nearest-neighbour matching. Intervention pupils are taken in order of baseline (then id), so
 * the result does not depend on the order the lists arrive in; ties between candidates go to the lower
 * tie key. A pupil with no candidate left in their disadvantaged group stays unmatched.
 */
export function matchComparison(treated: readonly Candidate[], pool: readonly Candidate[]): Match[] {
  const key = (x: Candidate) => x.tieKey ?? x.id;
  const byKey = (a: Candidate, b: Candidate) =>
    a.baseline - b.baseline || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const remaining = new Map<boolean, Candidate[]>([
    [true, pool.filter((p) => p.disadvantaged).sort(byKey)],
    [false, pool.filter((p) => !p.disadvantaged).sort(byKey)],
  ]);
  const matches: Match[] = [];
  for (const t of [...treated].sort(byKey)) {
    const candidates = remaining.get(t.disadvantaged) ?? [];
    let best = -1;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      const distance = Math.abs(c.baseline - t.baseline);
      const bestDistance =
        best === -1 ? Number.POSITIVE_INFINITY : Math.abs(candidates[best]!.baseline - t.baseline);
      if (distance < bestDistance || (distance === bestDistance && key(c) < key(candidates[best]!))) best = i;
    }
    if (best === -1) continue;
    const [chosen] = candidates.splice(best, 1);
    matches.push({
      treatedId: t.id,
      comparisonId: chosen!.id,
      distance: Math.abs(chosen!.baseline - t.baseline),
    });
  }
  return matches;
}
