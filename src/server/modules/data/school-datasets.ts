import { parse } from 'csv-parse/sync';
import type { schoolDatasets } from '../../../shared/contracts/data';
import { parseKs2 } from './ks2-file';
import { type Ks4Row, NO_DATA_CODES, type Rejected } from './ks4-file';

/**
 * The DfE's other school-level downloads: the January census (pupil numbers, SEN, EAL, FSM), absence
 * (overall and persistent) and the latest Ofsted rating. Pure: text in, rows and rejected rows out,
 * in the same shape as the KS4 file so they are stored and shown beside it. Each file also carries
 * England rows by phase (URN or LA given as NAT, the phase in ESTAB); those become national rows.
 */
export type SchoolDataset = (typeof schoolDatasets)[number];

const SPECS: Record<Exclude<SchoolDataset, 'ks2'>, { required: string[]; measures: string[] }> = {
  census: {
    required: ['URN', 'LA', 'NOR'],
    measures: [
      'NOR',
      'NORG',
      'NORB',
      'PSENELSE',
      'PSENELK',
      'TSENELSE',
      'TSENELK',
      'NUMEAL',
      'PNUMEAL',
      'NUMFSMEVER',
      'PNUMFSMEVER',
    ],
  },
  absence: { required: ['URN', 'LA', 'PERCTOT', 'PPERSABS10'], measures: ['PERCTOT', 'PPERSABS10'] },
  ofsted: { required: ['URN', 'Rating'], measures: ['OFSTED_RATING'] },
};

/** Ofsted's judgements as the numbers inspectors use (1 = outstanding); the name is kept as text too. */
const OFSTED: Record<string, number> = {
  outstanding: 1,
  good: 2,
  'requires improvement': 3,
  satisfactory: 3,
  inadequate: 4,
};
const PHASES: Record<string, string> = {
  PRI: 'State-funded primary',
  SEC: 'State-funded secondary',
  SPE: 'State-funded special',
};

const toNumber = (raw: string) => (/^-?\d+(\.\d+)?%?$/.test(raw) ? Number(raw.replace(/%$/, '')) : null);

export function parseSchoolDataset(
  dataset: SchoolDataset,
  text: string,
): { rows: Ks4Row[]; rejected: Rejected[]; rowsRead: number } {
  // The KS2 tables share the KS4 file's layout (RECTYPE rows), not the census and absence layout.
  if (dataset === 'ks2') return parseKs2(text);
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
    const reason = `The file is not valid CSV: ${(err as Error).message}`;
    return { rows: [], rejected: [{ row: 1, column: '', value: '', reason }], rowsRead: 0 };
  }
  const spec = SPECS[dataset];
  const header = records[0] ? Object.keys(records[0]) : [];
  const missingColumns = spec.required.filter((c) => !header.includes(c));
  if (records.length === 0 || missingColumns.length) {
    const reason = records.length ? 'Missing required column(s)' : 'The file has no rows';
    return {
      rows: [],
      rejected: [{ row: 1, column: missingColumns.join(', '), value: '', reason }],
      rowsRead: records.length,
    };
  }
  const rows: Ks4Row[] = [];
  const rejected: Rejected[] = [];
  records.forEach((r, i) => {
    const row = i + 2;
    const national = r.URN === 'NAT' || r.LA === 'NAT';
    const urn = (r.URN ?? '').trim();
    if (!national && !/^\d{6}$/.test(urn)) {
      rejected.push({ row, column: 'URN', value: urn, reason: 'A school row needs a six-digit URN' });
      return;
    }
    const measures: Record<string, number | null> = {};
    const missing: Record<string, string> = {};
    if (dataset === 'ofsted') {
      const rating = (r.Rating ?? '').trim();
      const grade = OFSTED[rating.toLowerCase()];
      if (grade === undefined && rating.toLowerCase() !== 'unknown' && rating !== '') {
        rejected.push({
          row,
          column: 'Rating',
          value: rating,
          reason: 'Not an Ofsted judgement (or Unknown)',
        });
        return;
      }
      measures.OFSTED_RATING = grade ?? null;
      if (grade === undefined) missing.OFSTED_RATING = rating || 'blank';
    } else {
      for (const m of spec.measures.filter((c) => header.includes(c))) {
        const raw = (r[m] ?? '').trim();
        if (NO_DATA_CODES.has(raw.toUpperCase())) {
          measures[m] = null;
          missing[m] = raw || 'blank';
          continue;
        }
        const n = toNumber(raw);
        if (n === null) {
          rejected.push({ row, column: m, value: raw, reason: 'Not a number or a known no-data code' });
          return;
        }
        measures[m] = n;
      }
    }
    const phase = PHASES[(r.ESTAB ?? '').trim()] ?? 'All';
    rows.push({
      row,
      recordLevel: national ? 'national_state_funded' : 'school',
      laCode: national ? null : r.LA?.trim() || null,
      urn: national ? null : urn,
      // England rows come one per phase; the phase names them.
      schoolName: national ? `England: ${phase.toLowerCase()}` : null,
      measures,
      missing,
    });
  });
  return { rows, rejected, rowsRead: records.length };
}
