import type { DfeDataset, ImportKind } from './data.api';

/**
 * What each kind of file is, in the words a data manager uses, and the columns it must have (for a
 * CTF, which is XML, what is read from it).
 */
export const KINDS: Record<ImportKind, { label: string; help: string; columns: string; xml?: boolean }> = {
  results: {
    label: 'Assessment results',
    help: 'One line per pupil per assessment, exported from your MIS. New assessments are created as they appear; a result imported again replaces the old one.',
    columns:
      'upn, assessment, subject, year_group, academic_year, collection_point, grade_set (gcse, ks2_scaled, ks_ta, edsm, percentage, points or one of the trust’s own), date, result (A or X for absent)',
  },
  pupils: {
    label: 'Pupil list',
    help: 'A school’s pupils with their characteristics, matched by UPN: importing the list again updates them.',
    columns:
      'upn, given_name, family_name, date_of_birth, sex, year_group, disadvantaged, fsm, sen, eal, ethnicity (optional: ks2_reading, ks2_maths, entry_date, leaving_date; a leaving date takes the pupil off roll)',
  },
  ctf: {
    label: 'CTF (XML)',
    help: 'A DfE Common Transfer File, as your MIS exports it or a previous school sent it. Its pupils join the school you choose, matched by UPN: importing the file again updates them.',
    columns:
      'each pupil’s UPN, names, date of birth, sex and year; free school meals in the last six years and looked-after status (disadvantage); SEN provision; ethnicity; first language (EAL); KS2 reading and maths test scaled scores',
    xml: true,
  },
  attendance: {
    label: 'Attendance',
    help: 'Each pupil’s possible and attended sessions for a period (a term, a half term or a week), matched by UPN. Importing a period again replaces it.',
    columns:
      'upn, period_start, period_end, possible_sessions, attended_sessions (authorised_absence and unauthorised_absence optional); dates as dd/mm/yyyy or yyyy-mm-dd',
  },
  behaviour: {
    label: 'Behaviour points',
    help: 'Behaviour and attitude-to-learning points per pupil, matched by UPN. Notes must be about the pupil only.',
    columns: 'upn, date, category, points (note optional)',
  },
  staff: {
    label: 'Staff records',
    help: 'Appointments from your HR system, for retention and other workforce measures. Use HR references, never names or email addresses.',
    columns:
      'staff_ref, role (teacher, teaching assistant, leader or support), start_date, leave_date, school_urn, fte',
  },
  gias: {
    label: 'Schools (GIAS)',
    help: 'The DfE’s establishment and group links extracts, to add the trust’s schools and keep their details and join dates current.',
    columns:
      'URN, EstablishmentName, LA (name), TypeOfEstablishment (code), EstablishmentStatus (name), PhaseOfEducation (name)',
  },
  ks4_performance: {
    label: 'DfE downloads',
    help: 'A DfE school-level file for a year, as downloaded: it is kept for every school in England, so your schools can be set beside their local authority and the country. Importing a year again replaces it.',
    columns:
      'The DfE file as published (URN and the measures; no-data codes such as NA or SUPP are kept as reasons)',
  },
};

export const DFE_DATASETS: { value: DfeDataset; label: string }[] = [
  { value: 'ks4', label: 'KS4 performance tables' },
  { value: 'ks2', label: 'KS2 performance tables' },
  { value: 'census', label: 'School census (pupil numbers, SEN, EAL, FSM)' },
  { value: 'absence', label: 'Absence (overall and persistent)' },
  { value: 'ofsted', label: 'Ofsted ratings' },
];

const JOB_KINDS: Record<string, string> = {
  ks4_performance: 'KS4 performance tables',
  census: 'School census',
  absence: 'Absence',
  ofsted: 'Ofsted ratings',
  gias: 'Schools from GIAS',
};

export const kindLabel = (kind: string) => JOB_KINDS[kind] ?? KINDS[kind as ImportKind]?.label ?? kind;

/** The status of an import as a short label and a tone for its badge. */
export function statusOf(status: string): { label: string; tone: 'teal' | 'gray' | 'yellow' | 'brand' } {
  switch (status) {
    case 'committed':
      return { label: 'Imported', tone: 'teal' };
    case 'validated':
      return { label: 'Checked, not imported', tone: 'brand' };
    case 'rejected':
      return { label: 'Rejected, nothing imported', tone: 'yellow' };
    case 'running':
      return { label: 'Importing…', tone: 'brand' };
    case 'failed':
      return { label: 'Failed, nothing imported', tone: 'yellow' };
    default:
      return { label: 'Deleted', tone: 'gray' };
  }
}
