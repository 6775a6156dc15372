import type { PupilCharacteristicsTable } from '../../platform/db/schema';
import type { Band, Characteristics, SenNeed } from './characteristics';

type Row = Omit<
  PupilCharacteristicsTable,
  'id' | 'trust_id' | 'pupil_id' | 'effective_from' | 'effective_to'
>;

/** A stored characteristics row (history or the current columns of pupils) as values, and back. */
export const valuesOfRow = (r: Row): Characteristics => ({
  disadvantaged: r.disadvantaged,
  fsm: r.fsm,
  pupilPremium: r.pupil_premium,
  lookedAfter: r.looked_after,
  adoptedFromCare: r.adopted_from_care,
  serviceChild: r.service_child,
  sen: r.sen as Characteristics['sen'],
  senPrimaryNeed: r.sen_primary_need as SenNeed | null,
  eal: r.eal,
  ethnicity: r.ethnicity,
  ks2Reading: r.ks2_reading,
  ks2Maths: r.ks2_maths,
  ks2FineLevel: r.ks2_fine_level,
  priorAttainmentBand: r.prior_attainment_band as Band | null,
});

export const rowOfValues = (v: Characteristics): Row => ({
  disadvantaged: v.disadvantaged,
  fsm: v.fsm,
  pupil_premium: v.pupilPremium,
  looked_after: v.lookedAfter,
  adopted_from_care: v.adoptedFromCare,
  service_child: v.serviceChild,
  sen: v.sen,
  sen_primary_need: v.senPrimaryNeed,
  eal: v.eal,
  ethnicity: v.ethnicity,
  ks2_reading: v.ks2Reading,
  ks2_maths: v.ks2Maths,
  ks2_fine_level: v.ks2FineLevel,
  prior_attainment_band: v.priorAttainmentBand,
});

/** The characteristic columns, as held on pupils (current) and on each history row. */
export const CHARACTERISTIC_COLUMNS = [
  'disadvantaged',
  'fsm',
  'pupil_premium',
  'looked_after',
  'adopted_from_care',
  'service_child',
  'sen',
  'sen_primary_need',
  'eal',
  'ethnicity',
  'ks2_reading',
  'ks2_maths',
  'ks2_fine_level',
  'prior_attainment_band',
] as const satisfies readonly (keyof Row)[];
