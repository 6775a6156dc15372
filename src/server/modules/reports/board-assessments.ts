/** The year groups at the end of key stages 2 and 4, whose results a board follows most closely. */
const END_OF_KEY_STAGE = new Set(['Y6', 'Y11']);

type Dated = { subject: string; yearGroup: string; takenOn: string };

/**
 * Which assessments a board report shows: for each subject and year group, only the latest taken in
 * the period (a board reads where things stand, not every data drop), and only Year 6 and Year 11
 * when the trust has either, else every year group. A trust with three drops a year in eleven year
 * groups would otherwise hand its board a hundred gap tables. Oldest first, as the report reads.
 */
export function boardAssessments<T extends Dated>(inPeriod: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const a of inPeriod) {
    const key = `${a.subject}\u0000${a.yearGroup}`;
    const held = latest.get(key);
    if (!held || a.takenOn > held.takenOn) latest.set(key, a);
  }
  const all = [...latest.values()];
  const ends = all.filter((a) => END_OF_KEY_STAGE.has(a.yearGroup));
  return (ends.length ? ends : all).sort((x, y) => x.takenOn.localeCompare(y.takenOn));
}
