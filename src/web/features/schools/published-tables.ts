import type { z } from 'zod';
import type { publishedOutcome } from '../../../shared/contracts/data';

type Outcome = z.infer<typeof publishedOutcome>;
type Unit = '%' | 'score' | 'count' | 'progress' | 'band' | 'ofsted';
type Measure = { code: string; label: string; unit: Unit; low?: string; high?: string };

/** The measures a head would look for first in each DfE download, in the order they read them. */
const DATASETS: Record<string, { title: string; measures: Measure[] }> = {
  ks4: {
    title: 'Key stage 4 (performance tables)',
    measures: [
      { code: 'TPUP', label: 'Pupils at the end of key stage 4', unit: 'count' },
      { code: 'P8MEA', label: 'Progress 8', unit: 'progress', low: 'P8CILOW', high: 'P8CIUPP' },
      { code: 'P8_BANDING', label: 'Progress 8 band', unit: 'band' },
      { code: 'ATT8SCR', label: 'Attainment 8', unit: 'score' },
      { code: 'PTL2BASICS_94', label: 'Grade 4 or above in English and maths', unit: '%' },
      { code: 'PTL2BASICS_95', label: 'Grade 5 or above in English and maths', unit: '%' },
      { code: 'EBACCAPS', label: 'EBacc average point score', unit: 'score' },
      { code: 'PTEBACC_E_PTQ_EE', label: 'Entered for the EBacc', unit: '%' },
      { code: 'P8MEA_FSM6CLA1A', label: 'Progress 8: disadvantaged pupils', unit: 'progress' },
      { code: 'P8MEA_NFSM6CLA1A', label: 'Progress 8: other pupils', unit: 'progress' },
      { code: 'ATT8SCR_FSM6CLA1A', label: 'Attainment 8: disadvantaged pupils', unit: 'score' },
      { code: 'ATT8SCR_NFSM6CLA1A', label: 'Attainment 8: other pupils', unit: 'score' },
    ],
  },
  ks2: {
    title: 'Key stage 2 (performance tables)',
    measures: [
      { code: 'TELIG', label: 'Pupils at the end of key stage 2', unit: 'count' },
      { code: 'PTRWM_EXP', label: 'Expected standard in reading, writing and maths', unit: '%' },
      { code: 'PTRWM_HIGH', label: 'Higher standard in reading, writing and maths', unit: '%' },
      {
        code: 'READPROG',
        label: 'Reading progress',
        unit: 'progress',
        low: 'READPROG_LOWER',
        high: 'READPROG_UPPER',
      },
      {
        code: 'WRITPROG',
        label: 'Writing progress',
        unit: 'progress',
        low: 'WRITPROG_LOWER',
        high: 'WRITPROG_UPPER',
      },
      {
        code: 'MATPROG',
        label: 'Maths progress',
        unit: 'progress',
        low: 'MATPROG_LOWER',
        high: 'MATPROG_UPPER',
      },
      { code: 'READ_AVERAGE', label: 'Average scaled score: reading', unit: 'score' },
      { code: 'MAT_AVERAGE', label: 'Average scaled score: maths', unit: 'score' },
      {
        code: 'GPS_AVERAGE',
        label: 'Average scaled score: grammar, punctuation and spelling',
        unit: 'score',
      },
      { code: 'PTRWM_EXP_FSM6CLA1A', label: 'Expected standard: disadvantaged pupils', unit: '%' },
      { code: 'PTRWM_EXP_NOTFSM6CLA1A', label: 'Expected standard: other pupils', unit: '%' },
    ],
  },
  census: {
    title: 'School census',
    measures: [
      { code: 'NOR', label: 'Pupils on roll', unit: 'count' },
      { code: 'PNUMFSMEVER', label: 'Eligible for free school meals in the last six years', unit: '%' },
      { code: 'PSENELK', label: 'SEN support', unit: '%' },
      { code: 'PSENELSE', label: 'Education, health and care plan', unit: '%' },
      { code: 'PNUMEAL', label: 'English as an additional language', unit: '%' },
    ],
  },
  absence: {
    title: 'Absence',
    measures: [
      { code: 'PERCTOT', label: 'Overall absence', unit: '%' },
      { code: 'PPERSABS10', label: 'Persistently absent (10% or more)', unit: '%' },
    ],
  },
  ofsted: {
    title: 'Ofsted',
    measures: [{ code: 'OFSTED_RATING', label: 'Latest overall judgement', unit: 'ofsted' }],
  },
};

const REASONS: Record<string, string> = {
  SUPP: 'suppressed: too few pupils to publish',
  NE: 'no pupils entered',
  NA: 'not applicable',
  NP: 'not published',
  LOWCOV: 'not published: too few pupils with prior attainment',
  NEW: 'new school: no figures yet',
  blank: 'not given in the file',
  Unknown: 'not inspected under this name',
};
const BANDS = ['Well above average', 'Above average', 'Average', 'Below average', 'Well below average'];
const OFSTED = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];

export type Cell = { text: string; missing?: string };
export type PublishedTable = {
  dataset: string;
  title: string;
  year: number;
  columns: string[];
  rows: { label: string; cells: Cell[] }[];
};

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2)).replace('-', '−');

function format(o: Outcome | undefined, m: Measure): Cell {
  if (!o) return { text: '–' };
  const v = o.measures[m.code];
  if (v === undefined) return { text: '–' };
  if (v === null) {
    const code = o.missing[m.code] ?? 'blank';
    return { text: code === 'blank' ? '–' : code, missing: REASONS[code] ?? 'not available' };
  }
  switch (m.unit) {
    case '%':
      return { text: `${v.toFixed(1)}%` };
    case 'count':
      return { text: v.toLocaleString('en-GB') };
    case 'score':
      return { text: v.toFixed(1) };
    case 'band':
      return { text: BANDS[v - 1] ?? String(v) };
    case 'ofsted':
      return { text: OFSTED[v - 1] ?? String(v) };
    case 'progress': {
      const low = m.low ? o.measures[m.low] : null;
      const high = m.high ? o.measures[m.high] : null;
      const ci =
        typeof low === 'number' && typeof high === 'number' ? ` (${signed(low)} to ${signed(high)})` : '';
      return { text: `${signed(v)}${ci}` };
    }
  }
}

/** England's row for this school: the one for its phase where the file gives England by phase. */
function englandRow(rows: Outcome[], phase: string): Outcome | undefined {
  const national = rows.filter((r) => r.recordLevel === 'national_state_funded');
  const word = phase === 'special' ? 'special' : phase === 'primary' ? 'primary' : 'secondary';
  return (
    national.find((r) => r.schoolName?.toLowerCase().includes(word)) ??
    national.find((r) => !r.schoolName) ??
    national[0] ??
    rows.find((r) => r.recordLevel === 'national_all')
  );
}

/**
 * The school's latest published figures per DfE download, beside its local authority and England,
 * with the reason for every figure the DfE did not publish. Measures the file lacks are left out.
 */
export function publishedTables(outcomes: Outcome[], urn: string, phase: string): PublishedTable[] {
  const tables: PublishedTable[] = [];
  for (const [dataset, spec] of Object.entries(DATASETS)) {
    const mine = outcomes.filter((o) => o.dataset === dataset);
    const school = mine.filter((o) => o.urn === urn).sort((a, b) => b.year - a.year)[0];
    if (!school) continue;
    const sameYear = mine.filter((o) => o.year === school.year);
    const la = sameYear.find((o) => o.recordLevel === 'local_authority' && o.laCode === school.laCode);
    const england = englandRow(sameYear, phase);
    const columns = ['This school', ...(la ? ['Local authority'] : []), ...(england ? ['England'] : [])];
    const rows = spec.measures
      .filter((m) => m.code in school.measures)
      .map((m) => ({
        label: m.label,
        cells: [format(school, m), ...(la ? [format(la, m)] : []), ...(england ? [format(england, m)] : [])],
      }));
    if (rows.length) tables.push({ dataset, title: spec.title, year: school.year, columns, rows });
  }
  return tables;
}
