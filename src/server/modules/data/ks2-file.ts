import { parsePerformanceTable, type TableSpec } from './performance-table';

/**
 * The DfE KS2 performance tables school-level file (england_ks2final/provisional.csv): reading,
 * writing and maths at the expected and higher standards, average scaled scores and the progress
 * measures with their confidence limits. Laid out like the KS4 file (RECTYPE rows for schools, local
 * authorities and England), so it is read the same way.
 */
export const KS2_MEASURES = [
  'TELIG',
  'PTRWM_EXP',
  'PTRWM_HIGH',
  'READ_AVERAGE',
  'GPS_AVERAGE',
  'MAT_AVERAGE',
  'READPROG',
  'READPROG_LOWER',
  'READPROG_UPPER',
  'WRITPROG',
  'WRITPROG_LOWER',
  'WRITPROG_UPPER',
  'MATPROG',
  'MATPROG_LOWER',
  'MATPROG_UPPER',
  // Disadvantaged breakdowns, present in final releases only.
  'PTRWM_EXP_FSM6CLA1A',
  'PTRWM_EXP_NOTFSM6CLA1A',
  'READPROG_FSM6CLA1A',
  'MATPROG_FSM6CLA1A',
] as const;

const PERCENTAGES = new Set(['PTRWM_EXP', 'PTRWM_HIGH', 'PTRWM_EXP_FSM6CLA1A', 'PTRWM_EXP_NOTFSM6CLA1A']);
const SCALED = new Set(['READ_AVERAGE', 'GPS_AVERAGE', 'MAT_AVERAGE']);

const KS2: TableSpec = {
  required: ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'PTRWM_EXP'],
  measures: KS2_MEASURES,
  check: (m, n) => {
    if (PERCENTAGES.has(m) && (n < 0 || n > 100)) return 'A percentage must be between 0 and 100';
    if (SCALED.has(m) && (n < 80 || n > 120)) return 'An average scaled score must be between 80 and 120';
    return null;
  },
};

/** Some releases spell the non-disadvantaged columns "NotFSM6CLA1A": headers are matched in capitals. */
export const parseKs2 = (text: string) => parsePerformanceTable(upperCaseHeader(text), KS2);

function upperCaseHeader(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text.toUpperCase() : text.slice(0, end).toUpperCase() + text.slice(end);
}
