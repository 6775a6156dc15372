/**
 * The last guard before a case study leaves the people who wrote it: no text in it may identify a
 * pupil. Pure, so it is tested on its own; the service runs it on every publish.
 */
export type PupilIdentifiers = {
  id: string;
  upn: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string;
}[];

export type PupilDataFinding = { field: string; kind: 'upn' | 'pupil_id' | 'pupil_name' | 'date_of_birth' };

/** A unique pupil number: a check letter, eleven digits, then a digit or letter. */
const UPN = /\b[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]\b/i;

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Every way a date of birth might be written in free text. */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  if (!y || !m || !d) return [iso];
  return [iso, `${d}/${m}/${y}`, `${d}.${m}.${y}`, `${d}-${m}-${y}`];
}

export function findPupilData(fields: Record<string, string>, pupils: PupilIdentifiers): PupilDataFinding[] {
  const found: PupilDataFinding[] = [];
  const names = pupils
    .map((p) => normalise(`${p.given_name} ${p.family_name}`))
    .filter((n) => n.trim().length > 3);
  const upns = new Set(pupils.map((p) => p.upn?.toUpperCase()).filter((u): u is string => !!u));
  const ids = pupils.map((p) => p.id.toLowerCase());
  const dates = pupils.flatMap((p) => dateForms(p.date_of_birth));
  for (const [field, raw] of Object.entries(fields)) {
    if (!raw) continue;
    const text = normalise(raw);
    const upper = raw.toUpperCase();
    if (UPN.test(raw) || [...upns].some((u) => upper.includes(u))) found.push({ field, kind: 'upn' });
    if (ids.some((id) => text.includes(id))) found.push({ field, kind: 'pupil_id' });
    if (names.some((n) => text.includes(n))) found.push({ field, kind: 'pupil_name' });
    if (dates.some((d) => raw.includes(d))) found.push({ field, kind: 'date_of_birth' });
  }
  return found;
}
