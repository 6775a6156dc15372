import { parse } from 'csv-parse/sync';

/**
 * A DfE performance tables school-level download (KS4, KS2): one row per school, local authority
 * or England, told apart by RECTYPE. Pure: text in, typed rows and rejected rows out. Missing values
 * carry the DfE's reason code (NA, NE, SUPP, NP, LOWCOV, NEW or blank) rather than a bare null.
 */
export const NO_DATA_CODES = new Set(['NA', 'NE', 'SUPP', 'NP', 'LOWCOV', 'NEW', '']);

/** Which columns a release must have, which measures to read, and any rule a measure must meet. */
export type TableSpec = {
  required: readonly string[];
  measures: readonly string[];
  check?: (measure: string, value: number) => string | null;
};

const LEVELS: Record<
  string,
  'school' | 'special_school' | 'local_authority' | 'national_all' | 'national_state_funded'
> = {
  '1': 'school',
  '2': 'special_school',
  '4': 'local_authority',
  '5': 'national_all',
  '7': 'national_state_funded',
};

export type Ks4Row = {
  row: number;
  recordLevel: (typeof LEVELS)[string];
  laCode: string | null;
  urn: string | null;
  schoolName: string | null;
  measures: Record<string, number | null>;
  missing: Record<string, string>;
};
export type Rejected = { row: number; column: string; value: string; reason: string };

/** Reads "59.5%", "-0.08" or "47.2" as a number; anything else is not a number. */
function toNumber(raw: string): number | null {
  const v = raw.trim().replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

export function parsePerformanceTable(
  text: string,
  spec: TableSpec,
): { rows: Ks4Row[]; rejected: Rejected[]; rowsRead: number } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (err) {
    return {
      rows: [],
      rejected: [
        { row: 1, column: '', value: '', reason: `The file is not valid CSV: ${(err as Error).message}` },
      ],
      rowsRead: 0,
    };
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const missingColumns = spec.required.filter((c) => !header.includes(c));
  if (records.length === 0 || missingColumns.length) {
    return {
      rows: [],
      rejected: [
        {
          row: 1,
          column: missingColumns.join(', '),
          value: '',
          reason: records.length ? 'Missing required column(s)' : 'The file has no rows',
        },
      ],
      rowsRead: records.length,
    };
  }
  const present = spec.measures.filter((m) => header.includes(m));
  const rows: Ks4Row[] = [];
  const rejected: Rejected[] = [];
  records.forEach((r, i) => {
    const row = i + 2; // the header is line 1
    const level = LEVELS[r.RECTYPE ?? ''];
    if (!level) {
      rejected.push({
        row,
        column: 'RECTYPE',
        value: r.RECTYPE ?? '',
        reason: 'Unknown record type (expected 1, 2, 4, 5 or 7)',
      });
      return;
    }
    const isSchool = level === 'school' || level === 'special_school';
    const urn = (r.URN ?? '').trim();
    if (isSchool && !/^\d{6}$/.test(urn)) {
      rejected.push({ row, column: 'URN', value: urn, reason: 'A school row needs a six-digit URN' });
      return;
    }
    const measures: Record<string, number | null> = {};
    const missing: Record<string, string> = {};
    let bad = false;
    for (const m of present) {
      const raw = (r[m] ?? '').trim();
      if (NO_DATA_CODES.has(raw.toUpperCase())) {
        measures[m] = null;
        missing[m] = raw || 'blank';
        continue;
      }
      const n = toNumber(raw);
      const problem = n === null ? 'Not a number or a known no-data code' : (spec.check?.(m, n) ?? null);
      if (n === null || problem) {
        rejected.push({ row, column: m, value: raw, reason: problem ?? '' });
        bad = true;
        continue;
      }
      measures[m] = n;
    }
    if (bad) return;
    rows.push({
      row,
      recordLevel: level,
      laCode: r.LEA?.trim() || null,
      urn: isSchool ? urn : null,
      schoolName: isSchool ? (r.SCHNAME?.trim() ?? null) : null,
      measures,
      missing,
    });
  });
  return { rows, rejected, rowsRead: records.length };
}
