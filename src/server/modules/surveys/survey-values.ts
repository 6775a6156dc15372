/** Reading the cells of a survey export: submission times and respondent characteristics. */

const pad = (n: number | string) => String(n).padStart(2, '0');

function build(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

const hour = (h: string, ampm: string | undefined) => {
  const n = Number(h);
  if (!ampm) return n;
  const pm = ampm.toLowerCase() === 'pm';
  return (n % 12) + (pm ? 12 : 0);
};

/**
 * A submission time as the form wrote it, to 'YYYY-MM-DDTHH:MM:SS' (the form's own clock; no
 * zone). Accepts ISO and yyyy/mm/dd (Google Forms), and dd/mm/yyyy (UK locale), read as the
 * American mm/dd/yyyy only when the day cannot be the first number. Null when it is not a time.
 */
export function parseSubmitted(raw: string): string | null {
  const v = raw.trim();
  const iso =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?(?:\s*(?:Z|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?)?$/i.exec(
      v,
    );
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ampm] = iso;
    return build(Number(y), Number(mo), Number(d), hour(h, ampm), Number(mi), Number(s));
  }
  const dmy =
    /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i.exec(v);
  if (!dmy) return null;
  const [, a, b, yy, h = '0', mi = '0', s = '0', ampm] = dmy;
  const year = yy!.length === 2 ? 2000 + Number(yy) : Number(yy);
  const [day, month] = Number(a) > 12 || Number(b) <= 12 ? [Number(a), Number(b)] : [Number(b), Number(a)];
  return build(year, month, day, hour(h, ampm), Number(mi), Number(s));
}

/** Yes/no answers; null for no answer or "prefer not to say"; undefined when unreadable. */
export function parseFlag(raw: string): boolean | null | undefined {
  const v = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  if (['', 'prefer not to say', "don't know", 'dont know', 'not sure', 'unknown'].includes(v)) return null;
  return undefined;
}

/** SEN as yes/no or the DfE provision codes (N, K = SEN support, E = EHC plan). */
export function parseSen(raw: string): boolean | null | undefined {
  const v = raw.trim().toLowerCase();
  if (['k', 'e', 'sen support', 'ehcp', 'ehc plan'].includes(v)) return true;
  if (v === 'none') return false;
  return parseFlag(raw);
}

/** "Year 7", "Y7", "7", "Yr 7" to "Y7"; "Reception" to "R". */
export function parseYearGroup(raw: string): string | null | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'prefer not to say') return null;
  if (v === 'r' || v === 'reception') return 'R';
  const m = /^(?:year|yr|y)?\s*(\d{1,2})$/.exec(v);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 13 ? `Y${n}` : undefined;
}

/** Girl/female to F, boy/male to M; any other answer (other, prefer not to say) is not recorded. */
export function parseSex(raw: string): 'M' | 'F' | null {
  const v = raw.trim().toLowerCase();
  if (['f', 'female', 'girl'].includes(v)) return 'F';
  if (['m', 'male', 'boy'].includes(v)) return 'M';
  return null;
}
