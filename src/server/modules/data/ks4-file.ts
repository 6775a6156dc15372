import { parsePerformanceTable, type TableSpec } from './performance-table';

export { type Ks4Row, NO_DATA_CODES, type Rejected } from './performance-table';

/**
 * The DfE KS4 performance tables school-level file (e.g. england_ks4provisional.csv): the headline
 * measures read from it. Missing values carry the DfE's reason code rather than a blank.
 */
export const KS4_MEASURES = [
  'TPUP',
  'ATT8SCR',
  'P8PUP',
  'P8MEA',
  'P8CILOW',
  'P8CIUPP',
  'PTL2BASICS_94',
  'PTL2BASICS_95',
  'EBACCAPS',
  'PTEBACC_E_PTQ_EE',
  'PTEBACC_94',
  'PTEBACC_95',
  'P8_BANDING',
  // Present only in some releases (final data): the disadvantaged breakdowns.
  'ATT8SCR_FSM6CLA1A',
  'ATT8SCR_NFSM6CLA1A',
  'P8MEA_FSM6CLA1A',
  'P8MEA_NFSM6CLA1A',
] as const;

const KS4: TableSpec = {
  required: ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'ATT8SCR', 'P8MEA'],
  measures: KS4_MEASURES,
  // DfE bands Progress 8 from 1 (well above average) to 5 (well below).
  check: (m, n) =>
    m === 'P8_BANDING' && ![1, 2, 3, 4, 5].includes(n) ? 'Banding must be 1 to 5 or a no-data code' : null,
};

export const parseKs4 = (text: string) => parsePerformanceTable(text, KS4);
