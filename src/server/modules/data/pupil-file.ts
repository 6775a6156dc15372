import { parse } from 'csv-parse/sync';
import { fromSpreadsheetSafe } from '../../platform/csv-safe';
import { type FsmInstance, SEN_NEEDS, type SenChange, type SenNeed } from '../pupils/characteristics';
import { isValidUpn } from './upn';
import { decodeWindows1252 } from './windows-1252';

/**
 * Reading a school's pupil list exported from its MIS as CSV. Pure: bytes in, pupils or rejected
 * rows out. Tolerates what real exports do: a byte-order mark, Windows-1252 text, semicolon or tab
 * delimiters, dates as dd/mm/yyyy or ISO, Y/N or true/false flags, and header case and spacing.
 */
export type PupilRow = {
  upn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'M' | 'F';
  yearGroup: string;
  disadvantaged: boolean;
  fsm: boolean;
  sen: 'N' | 'K' | 'E';
  eal: boolean;
  ethnicity: string;
  /** KS2 scaled scores, only when the file has the column (undefined leaves the stored value alone). */
  ks2Reading?: number | null;
  ks2Maths?: number | null;
  /** Optional characteristics: undefined when the file says nothing, so the value held is kept. */
  pupilPremium?: boolean;
  lookedAfter?: boolean;
  adoptedFromCare?: boolean;
  serviceChild?: boolean;
  senPrimaryNeed?: SenNeed | null;
  ks2FineLevel?: number | null;
  /** The pupil's entry to and leaving of the school: undefined without the column, null when blank. */
  entryDate?: string | null;
  leftOn?: string | null;
  /** The date from which the file's values hold (a column, the CTF's date); the import date otherwise. */
  effectiveFrom?: string;
  /** Dated free school meals periods (CTF), which become FSM and disadvantage periods. */
  fsmHistory?: FsmInstance[];
  /** Dated SEN provision records (CTF), which become SEN periods. */
  senHistory?: SenChange[];
  /** Where the pupil is in the file (row or line), for rejections found when writing history. */
  row?: number;
};
export type Rejected = { row: number; column: string; value: string; reason: string };

const REQUIRED = ['upn', 'given_name', 'family_name', 'date_of_birth', 'sex', 'year_group'] as const;

/** Decodes UTF-8 (with or without BOM), falling back to Windows-1252 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Other names MIS exports give the enrolment columns. */
const HEADER_ALIASES: Record<string, string> = {
  admission_date: 'entry_date',
  date_of_admission: 'entry_date',
  date_of_entry: 'entry_date',
  date_of_leaving: 'leaving_date',
  leave_date: 'leaving_date',
};

/** Header names compared without case, spacing, hyphens or a byte-order mark. */
export const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** dd/mm/yyyy or yyyy-mm-dd to ISO, checking the day exists; null when it is not a date. */
export function parseDate(raw: string): string | null {
  const v = raw.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v) ?? null;
  const iso = m
    ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(v)
      ? v
      : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function flag(raw: string | undefined): boolean | null {
  const v = (raw ?? '').trim().toLowerCase();
  if (['y', 'yes', 'true', '1'].includes(v)) return true;
  if (['n', 'no', 'false', '0', ''].includes(v)) return false;
  return null;
}

/** A KS2 scaled score, null when blank, undefined when it is not one. */
function ks2Score(raw: string): number | null | undefined {
  const v = raw.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 80 && n <= 120 ? n : undefined;
}

export function parsePupilCsv(bytes: Uint8Array): {
  pupils: PupilRow[];
  rejected: Rejected[];
  rowsRead: number;
} {
  if (bytes.length === 0)
    return {
      pupils: [],
      rejected: [{ row: 1, column: '', value: '', reason: 'The file is empty' }],
      rowsRead: 0,
    };
  const text = decodeText(bytes);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map(normaliseHeader).map((h) => HEADER_ALIASES[h] ?? h),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      delimiter: detectDelimiter(text),
    });
  } catch (err) {
    return {
      pupils: [],
      rejected: [
        { row: 1, column: '', value: '', reason: `The file is not valid CSV: ${(err as Error).message}` },
      ],
      rowsRead: 0,
    };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      pupils: [],
      rejected: [{ row: 1, column: missing.join(', '), value: '', reason: 'Missing required column(s)' }],
      rowsRead: records.length,
    };
  }
  const pupils: PupilRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const row = i + 2;
    const bad = (column: string, reason: string) =>
      rejected.push({ row, column, value: r[column] ?? '', reason });
    const upn = (r.upn ?? '').toUpperCase();
    const before = rejected.length;
    if (!isValidUpn(upn)) bad('upn', 'Not a valid UPN (13 characters with a matching check letter)');
    else if (seen.has(upn)) bad('upn', `Duplicate of row ${seen.get(upn)}`);
    const dob = parseDate(r.date_of_birth ?? '');
    if (!dob) bad('date_of_birth', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
    const sex = (r.sex ?? '').toUpperCase();
    if (sex !== 'M' && sex !== 'F') bad('sex', 'Use M or F');
    const sen = (r.sen ?? 'N').toUpperCase() || 'N';
    if (!['N', 'K', 'E'].includes(sen)) bad('sen', 'Use N, K (SEN support) or E (EHC plan)');
    const flags = { disadvantaged: flag(r.disadvantaged), fsm: flag(r.fsm), eal: flag(r.eal) };
    for (const [k, v] of Object.entries(flags)) if (v === null) bad(k, 'Use Y or N');
    for (const k of ['given_name', 'family_name', 'year_group'] as const) if (!r[k]) bad(k, 'Required');
    const ks2: { ks2Reading?: number | null; ks2Maths?: number | null } = {};
    for (const [column, key] of [
      ['ks2_reading', 'ks2Reading'],
      ['ks2_maths', 'ks2Maths'],
    ] as const) {
      if (!(column in r)) continue;
      const v = ks2Score(r[column]!);
      if (v === undefined) bad(column, 'Use a KS2 scaled score from 80 to 120, or leave it blank');
      else ks2[key] = v;
    }
    const extra: Partial<PupilRow> = {};
    for (const [column, key] of [
      ['pupil_premium', 'pupilPremium'],
      ['looked_after', 'lookedAfter'],
      ['adopted_from_care', 'adoptedFromCare'],
      ['service_child', 'serviceChild'],
    ] as const) {
      if (!(column in r)) continue;
      const v = flag(r[column]);
      if (v === null) bad(column, 'Use Y or N');
      else extra[key] = v;
    }
    if ('sen_primary_need' in r) {
      const need = r.sen_primary_need!.toUpperCase();
      if (need && !(SEN_NEEDS as readonly string[]).includes(need))
        bad('sen_primary_need', `Use one of ${SEN_NEEDS.join(', ')}, or leave it blank`);
      else extra.senPrimaryNeed = (need || null) as SenNeed | null;
    }
    if ('ks2_fine_level' in r && r.ks2_fine_level !== '') {
      const n = Number(r.ks2_fine_level);
      if (!Number.isFinite(n) || n < 0 || n > 120)
        bad('ks2_fine_level', 'Use a KS2 fine level, or leave it blank');
      else extra.ks2FineLevel = n;
    } else if ('ks2_fine_level' in r) extra.ks2FineLevel = null;
    if (r.effective_date) {
      const d = parseDate(r.effective_date);
      if (!d) bad('effective_date', 'Not a date (use dd/mm/yyyy or yyyy-mm-dd)');
      else extra.effectiveFrom = d;
    }
    for (const [column, key] of [
      ['entry_date', 'entryDate'],
      ['leaving_date', 'leftOn'],
    ] as const) {
      if (!(column in r)) continue;
      const d = r[column] ? parseDate(r[column]) : null;
      if (r[column] && !d) bad(column, 'Not a date (use dd/mm/yyyy or yyyy-mm-dd), or leave it blank');
      else extra[key] = d;
    }
    if (extra.leftOn && extra.entryDate && extra.leftOn < extra.entryDate)
      bad('leaving_date', 'The leaving date is before the entry date');
    else if (extra.entryDate && dob && extra.entryDate < dob)
      bad('entry_date', 'The entry date is before the date of birth');
    if (rejected.length > before) return;
    seen.set(upn, row);
    pupils.push({
      upn,
      // Names are stored as text; a leading =, +, - or @ is harmless here and escaped again on export.
      givenName: fromSpreadsheetSafe(r.given_name!),
      familyName: fromSpreadsheetSafe(r.family_name!),
      dateOfBirth: dob!,
      sex: sex as 'M' | 'F',
      yearGroup: r.year_group!.toUpperCase().replace(/^YEAR\s*/, 'Y'),
      disadvantaged: flags.disadvantaged!,
      fsm: flags.fsm!,
      sen: sen as 'N' | 'K' | 'E',
      eal: flags.eal!,
      ethnicity: (r.ethnicity ?? '').toUpperCase() || 'NOBT',
      ...ks2,
      ...extra,
      row,
    });
  });
  return { pupils, rejected, rowsRead: records.length };
}
