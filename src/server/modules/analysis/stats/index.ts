/**
 * The platform's statistical methods (see methods.md), as pure functions. Import from here rather than
 * from the individual modules.
 */

export type {
  Attainment8,
  QualificationResult,
  SubjectCategories,
  SubjectCategory,
} from './attainment8';
export { attainment8, GCSE_POINTS, GCSE_SUBJECT_CATEGORIES, gradePoints } from './attainment8';
export type { AssessmentAgreement, GroupSizeLabel, MissingData, Shift } from './data-quality';
export {
  assessmentAgreement,
  cohensKappa,
  duplicateKeys,
  groupSizeLabel,
  invalidGrades,
  MISSING_FLAG_RATE,
  missingData,
  pearson,
  SHIFT_FLAG_SD,
  SMALL_GROUP_SIZE,
  shiftCheck,
} from './data-quality';
export type { Gap, GroupSummary, MeanCi, Observation, ProportionCi, ProportionGap } from './descriptive';
export {
  asSummary,
  count,
  isPresent,
  mean,
  meanCi95,
  newcombe,
  present,
  sd,
  sizeOf,
  summarise,
  t975,
  welchGap,
  wilson,
} from './descriptive';
export type { EffectSize } from './effect-size';
export {
  BASELINE_IMBALANCE_THRESHOLD,
  baselineEquivalence,
  effectSize,
  effectSizeSe,
  hedgesG,
  monthsOfProgress,
  pooledSd,
} from './effect-size';
export type { GapIndexCount, GapIndexPupil } from './gap-index';
export { gapIndex, gapIndexFromCounts, meanRanks } from './gap-index';
export type { GapDirection, GapFlag, GapPoint, GapTrend, GroupMovement } from './gap-trend';
export { gapPoint, gapTrend } from './gap-trend';
export type { GapSentenceOptions } from './gap-trend-sentence';
export { describeGapTrend } from './gap-trend-sentence';
export type { Interval } from './interval';
export { excludesZero, Z95, Z95_ROUNDED } from './interval';
export type { InterventionImpact, InterventionImpactInput } from './intervention-impact';
export { interventionImpact, NO_COMPARISON_CAVEAT, NO_PRE_TEST_CAVEAT } from './intervention-impact';
export type {
  A8Estimate,
  ElementProgress8,
  Progress8Floor,
  PupilProgress,
  SchoolProgress8,
} from './progress8';
export {
  applyFloor,
  estimatedA8,
  findEstimate,
  ks2FineLevel,
  progress8Interval,
  pupilElementProgress8,
  pupilProgress8,
  schoolProgress8,
} from './progress8';
export type { Progress8Band } from './progress8-bands';
export { PROGRESS8_BAND_CODES, progress8Band } from './progress8-bands';
export { roundHalfAwayFromZero } from './round';
export type { Cell, SuppressedTable } from './suppression';
export {
  DEFAULT_SUPPRESSION_THRESHOLD,
  MIN_SUPPRESSION_THRESHOLD,
  SUPPRESSED,
  suppressCount,
  suppressedPercentage,
  suppressTable,
} from './suppression';
