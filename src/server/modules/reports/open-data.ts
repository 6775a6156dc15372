import { safeCsv } from '../../platform/csv-safe';

/**
 * School-level outcomes in the open-data tidy format of Explore Education Statistics: one row per
 * observation, the required time and geography columns first, then filters, then indicators, with
 * a companion meta file describing every filter and indicator. Pure, so the rules are tested
 * without a database.
 */
export type OpenDataSchool = { urn: string; name: string; laCode: string | null };

/** A published performance-tables row (DfE KS4 school-level file). */
export type PublishedRow = {
  year: number;
  urn: string;
  schoolName: string;
  laCode: string | null;
  measures: Record<string, number | null>;
  missing: Record<string, string>;
};

/** One of the trust's own figures: a group's count and mean in an assessment (null when suppressed). */
export type TrustFigure = {
  academicYear: string;
  urn: string;
  schoolName: string;
  laCode: string | null;
  assessment: string;
  breakdown: string;
  pupilCount: number | null;
  meanScore: number | null;
  /** Other pupils' mean minus this group's, for the focus group; not applicable for the others. */
  gap: number | null | 'z';
};

type Indicator = { col: string; label: string; unit: '' | '%' | 'pp' | 'numberstring'; dp: number };

const PUBLISHED: (Indicator & { measure: string })[] = [
  { col: 'pupil_count_published', measure: 'TPUP', label: 'Pupils at the end of KS4', unit: '', dp: 0 },
  { col: 'attainment8_average', measure: 'ATT8SCR', label: 'Average Attainment 8 score', unit: '', dp: 1 },
  { col: 'progress8_average', measure: 'P8MEA', label: 'Progress 8 score', unit: '', dp: 2 },
  {
    col: 'progress8_lower_ci',
    measure: 'P8CILOW',
    label: 'Progress 8 lower 95% confidence limit',
    unit: '',
    dp: 2,
  },
  {
    col: 'progress8_upper_ci',
    measure: 'P8CIUPP',
    label: 'Progress 8 upper 95% confidence limit',
    unit: '',
    dp: 2,
  },
  {
    col: 'engmath_94_percent',
    measure: 'PTL2BASICS_94',
    label: 'Grade 4 or above in English and maths',
    unit: '%',
    dp: 1,
  },
  {
    col: 'engmath_95_percent',
    measure: 'PTL2BASICS_95',
    label: 'Grade 5 or above in English and maths',
    unit: '%',
    dp: 1,
  },
  { col: 'ebacc_aps', measure: 'EBACCAPS', label: 'EBacc average point score', unit: '', dp: 2 },
];
const OWN: Indicator[] = [
  { col: 'pupil_count', label: 'Pupils with a result', unit: '', dp: 0 },
  { col: 'mean_score', label: 'Mean score', unit: '', dp: 2 },
  {
    col: 'gap_to_other_pupils',
    label: 'Gap to other pupils (their mean minus this group’s)',
    unit: '',
    dp: 2,
  },
];
const FILTERS = [
  {
    col: 'data_source',
    label: 'Source of the figures',
    hint: 'Published performance tables or the trust’s own assessments',
  },
  { col: 'assessment', label: 'Assessment', hint: 'The published measure set or the trust’s assessment' },
  { col: 'breakdown', label: 'Pupil group', hint: 'Total, or a pupil characteristic' },
];

export const GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'school_urn',
  'school_laestab',
  'school_name',
] as const;

/** 2019 (the summer the exams were sat) -> 201819; "2025/26" -> 202526. */
export function timePeriod(year: number | string): string {
  if (typeof year === 'number') return `${year - 1}${String(year).slice(2)}`;
  const m = /^(\d{4})\/(\d{2})$/.exec(year);
  return m ? `${m[1]}${m[2]}` : year.replace(/\D/g, '');
}

/** A number at its indicator's decimal places, or the DfE symbol for why it is absent. */
function value(v: number | null | undefined, dp: number, symbol: 'c' | 'x' | 'z'): string {
  return v === null || v === undefined || Number.isNaN(v) ? symbol : v.toFixed(dp);
}

/** The DfE's own reason a published value is missing: SUPP is suppressed ('c'), the rest not available. */
const missingSymbol = (code: string | undefined): 'c' | 'x' => (code === 'SUPP' ? 'c' : 'x');

export function buildOpenData(
  published: readonly PublishedRow[],
  own: readonly TrustFigure[],
): { data: string; meta: string; columns: string[] } {
  const columns = [
    ...GEOGRAPHY_COLUMNS,
    ...FILTERS.map((f) => f.col),
    ...PUBLISHED.map((i) => i.col),
    ...OWN.map((i) => i.col),
  ];
  const base = (period: string, s: { urn: string; schoolName: string; laCode: string | null }) => [
    period,
    'Academic year',
    'School',
    'E92000001',
    'England',
    s.urn,
    // The performance tables import keeps the LA code but not the establishment number.
    'x',
    s.schoolName,
  ];
  const rows: string[][] = [];
  for (const p of published)
    rows.push([
      ...base(timePeriod(p.year), p),
      'Published performance tables',
      'KS4 performance tables',
      'Total',
      ...PUBLISHED.map((i) => value(p.measures[i.measure], i.dp, missingSymbol(p.missing[i.measure]))),
      ...OWN.map(() => 'z'),
    ]);
  for (const f of own)
    rows.push([
      ...base(timePeriod(f.academicYear), f),
      'Trust assessment',
      f.assessment,
      f.breakdown,
      ...PUBLISHED.map(() => 'z'),
      value(f.pupilCount, 0, 'c'),
      value(f.meanScore, 2, 'c'),
      f.gap === 'z' ? 'z' : value(f.gap, 2, 'c'),
    ]);
  const meta = [
    [
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ],
    ...FILTERS.map((f) => [f.col, 'Filter', f.label, '', '', '', f.hint, '']),
    ...PUBLISHED.map((i) => [
      i.col,
      'Indicator',
      i.label,
      'Published KS4 outcomes',
      i.unit,
      String(i.dp),
      '',
      '',
    ]),
    ...OWN.map((i) => [i.col, 'Indicator', i.label, 'Trust assessments', i.unit, String(i.dp), '', '']),
  ];
  return { data: safeCsv([columns, ...rows]), meta: safeCsv(meta), columns };
}
