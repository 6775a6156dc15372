type RoundSubjects = { subjects: { schoolId: string | null; status: string }[] };

/**
 * The round the planning page opens on: the newest with an agreed evaluation the reader can plan from,
 * else the newest of all. Undefined while a newer round is still loading, so the choice does not jump.
 */
export function defaultRoundId(
  newestFirst: readonly string[],
  details: readonly (RoundSubjects | undefined)[],
  canPlanFrom: (schoolId: string | null) => boolean,
): string | undefined {
  for (const [i, id] of newestFirst.entries()) {
    const d = details[i];
    if (!d) return undefined;
    if (d.subjects.some((s) => s.status === 'agreed' && canPlanFrom(s.schoolId))) return id;
  }
  return newestFirst[0];
}
