/**
 * Unique Pupil Numbers (DfE): a check letter then 12 characters (LA 3, establishment 4, year 2,
 * serial 3). Check letter per data-formats.md: weights 2-13 on characters 2-13, sum mod 23, mapped
 * to A-Z without I, O and S. The last serial character may be a letter in temporary UPNs.
 */
const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function charValue(c: string): number | null {
  if (/\d/.test(c)) return Number(c);
  const i = LETTERS.indexOf(c);
  return i >= 0 ? i : null;
}

export function upnCheckLetter(rest: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = charValue(rest[i]!);
    if (v === null) return null;
    sum += v * (i + 2);
  }
  return LETTERS[sum % 23] ?? null;
}

export function isValidUpn(upn: string): boolean {
  const u = upn.trim().toUpperCase();
  return u.length === 13 && upnCheckLetter(u.slice(1)) === u[0];
}
