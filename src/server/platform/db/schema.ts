import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely. Dates (`date` columns) travel as 'YYYY-MM-DD' strings on both databases. */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date | string>;
type Version = ColumnType<number, never, number>;

export interface TrustsTable {
  id: Generated<string>;
  name: string;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SchoolsTable {
  id: Generated<string>;
  trust_id: string;
  urn: string;
  name: string;
  phase: string;
  local_authority: string;
  joined_trust_on: string | null;
  status: Generated<string>;
  version: Version;
  /** From GIAS (migration 0016): the type of establishment, open and close dates, statutory ages. */
  establishment_type_code: string | null;
  establishment_type: string | null;
  opened_on: string | null;
  closed_on: string | null;
  statutory_low_age: number | null;
  statutory_high_age: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DepartmentsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  name: string;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface YearGroupsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  code: string;
  name: string;
  sort_order: number;
}

export interface PeopleTable {
  id: Generated<string>;
  trust_id: string;
  email: string;
  name: string;
  job_title: Generated<string>;
  password_hash: string | null;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  digest_enabled: Generated<boolean>;
  digest_last_sent_on: string | null;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  trust_id: string;
  person_id: string;
  role: string;
  school_id: string | null;
  department_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  trust_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  trust_id: string;
  person_id: string;
  purpose: 'password_reset' | 'invitation';
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  trust_id: string;
  person_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string | null;
  actor_person_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: ColumnType<unknown, string, never>;
  at: CreatedAt;
}

export interface FrameworkComponentsTable {
  id: Generated<string>;
  trust_id: string;
  framework: string;
  framework_name: string;
  code: string;
  strand: string | null;
  label: string;
  position: number;
}

export interface EvidenceSourcesTable {
  id: Generated<string>;
  trust_id: string;
  label: string;
  position: number;
  archived: Generated<boolean>;
}

export interface EvaluationToolsTable {
  id: Generated<string>;
  trust_id: string;
  key: string;
  status: Generated<string>;
  created_at: CreatedAt;
}

export type ScalePointJson = { value: number; label: string; descriptor: string };
export type ScaleJson = { name: string; points: ScalePointJson[]; secureValue: number };

export interface ToolVersionsTable {
  id: Generated<string>;
  trust_id: string;
  tool_id: string;
  version: number;
  name: string;
  area: string;
  completed_by: string;
  description: string;
  scale: ColumnType<ScaleJson, string, string>;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface ToolAspectsTable {
  id: Generated<string>;
  trust_id: string;
  tool_version_id: string;
  position: number;
  title: string;
  description: string;
}

export interface ToolStatementsTable {
  id: Generated<string>;
  trust_id: string;
  tool_version_id: string;
  aspect_id: string;
  position: number;
  code: string;
  text: string;
  guidance: string;
  tags: string[];
}

export interface RoundsTable {
  id: Generated<string>;
  trust_id: string;
  name: string;
  cycle: string;
  opens_on: string;
  closes_on: string;
  status: Generated<string>;
  previous_round_id: string | null;
  version: Version;
  created_at: CreatedAt;
}

export interface RoundSubjectsTable {
  id: Generated<string>;
  trust_id: string;
  round_id: string;
  tool_version_id: string;
  school_id: string | null;
  department_id: string | null;
  liaison_person_id: string | null;
  status: Generated<string>;
  version: Version;
  submitted_at: Date | null;
  agreed_at: Date | null;
}

export type EvidenceJson = { sourceId: string; note: string }[];

export interface ResponsesTable {
  id: Generated<string>;
  trust_id: string;
  round_subject_id: string;
  statement_id: string;
  self_value: number | null;
  self_reason: Generated<string>;
  evidence: ColumnType<EvidenceJson, string | undefined, string>;
  not_judged: Generated<boolean>;
  not_judged_note: Generated<string>;
  agreed_value: number | null;
  agreed_rationale: Generated<string>;
  carried_forward: Generated<boolean>;
  previous_agreed_value: number | null;
  left_last_time: Generated<boolean>;
  version: Version;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ResponseCommentsTable {
  id: Generated<string>;
  trust_id: string;
  response_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface PlansTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string | null;
  department_id: string | null;
  title: string;
  period_start: string;
  period_end: string;
  owner_person_id: string | null;
  review_every_weeks: Generated<number>;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
}

export type PhaseNotesJson = Partial<Record<'explore' | 'prepare' | 'deliver' | 'sustain', string>>;

export interface PrioritiesTable {
  id: Generated<string>;
  trust_id: string;
  plan_id: string;
  title: string;
  rationale: Generated<string>;
  phase: Generated<string>;
  status: Generated<string>;
  statement_ids: ColumnType<string[], string[] | undefined, string[]>;
  source_response_id: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  phase_notes: ColumnType<PhaseNotesJson, string | undefined, string>;
  owner_person_id: string | null;
  position: Generated<number>;
  version: Version;
  created_at: CreatedAt;
}

export interface PhaseMovesTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  from_phase: string;
  to_phase: string;
  reason: string;
  moved_by: string | null;
  moved_at: CreatedAt;
}

export interface OutcomesTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  description: string;
  measure: string;
  unit: Generated<string>;
  numeric: Generated<boolean>;
  direction: Generated<string>;
  group_label: Generated<string>;
  baseline_value: string;
  baseline_on: string;
  target_value: string;
  target_on: string;
  version: Version;
}

export interface PlanActionsTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  description: string;
  owner_person_id: string | null;
  starts_on: string;
  due_on: string;
  resources: Generated<string>;
  status: Generated<string>;
  version: Version;
}

export type CheckValuesJson = { outcomeId: string; value: string }[];

export interface ImpactChecksTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  outcome_ids: ColumnType<string[], string[] | undefined, string[]>;
  due_on: string;
  method: string;
  owner_person_id: string | null;
  recorded_on: string | null;
  findings: Generated<string>;
  values: ColumnType<CheckValuesJson, string | undefined, string>;
  rag: string | null;
  response: string | null;
  response_detail: Generated<string>;
  version: Version;
}

export interface DeimplementationsTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  check_id: string | null;
  stopped_on: string;
  reason: string;
  evidence: Generated<string>;
  time_freed: Generated<string>;
  money_freed: Generated<string>;
}

export type RejectedRowJson = { row: number; column: string; value: string; reason: string };

/** A saved column mapping (its document is validated by the importMapping contract on the way in and out). */
export interface ImportMappingsTable {
  id: Generated<string>;
  trust_id: string;
  name: string;
  source: Generated<string>;
  layout: string;
  mapping: ColumnType<unknown, string, string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImportJobsTable {
  id: Generated<string>;
  trust_id: string;
  kind: string;
  filename: string;
  file_sha256: string;
  year: number | null;
  dry_run: boolean;
  status: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rejected: ColumnType<RejectedRowJson[], string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  rows_skipped: Generated<number>;
  finished_at: Date | null;
  failure: string | null;
}

export interface AttendanceRecordsTable {
  id: Generated<string>;
  trust_id: string;
  pupil_id: string;
  school_id: string;
  period_start: string;
  period_end: string;
  possible_sessions: number;
  attended_sessions: number;
  authorised_absence: number | null;
  unauthorised_absence: number | null;
  import_job_id: string;
}

export interface BehaviourPointsTable {
  id: Generated<string>;
  trust_id: string;
  pupil_id: string;
  school_id: string;
  recorded_on: string;
  category: string;
  points: number;
  note: string | null;
  import_job_id: string;
}

export interface StaffRecordsTable {
  id: Generated<string>;
  trust_id: string;
  staff_ref: string;
  school_id: string;
  role: string;
  started_on: string;
  left_on: string | null;
  fte: number;
  import_job_id: string;
}

export interface PublishedOutcomesTable {
  id: Generated<string>;
  trust_id: string;
  import_job_id: string;
  dataset: string;
  year: number;
  record_level: string;
  la_code: string | null;
  urn: string | null;
  school_name: string | null;
  measures: ColumnType<Record<string, number | null>, string, string>;
  missing: ColumnType<Record<string, string>, string, string>;
}

export interface MeetingsTable {
  id: Generated<string>;
  trust_id: string;
  person_id: string;
  kind: string;
  school_id: string | null;
  held_on: string;
  notes: Generated<string>;
  actions_agreed: Generated<string>;
  next_on: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MeetingItemsTable {
  id: Generated<string>;
  trust_id: string;
  meeting_id: string;
  item_kind: string;
  item_id: string | null;
  title: string;
  note: Generated<string>;
  decision: Generated<string>;
}

export interface BarriersTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  risk: string;
  likelihood: string;
  impact: string;
  warning_sign: Generated<string>;
  contingency: Generated<string>;
  owner_person_id: string | null;
}

export interface SupportRecordsTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  kind: string;
  provider_person_id: string | null;
  recipient_person_id: string | null;
  started_on: string;
  sessions_held: Generated<number>;
  notes: Generated<string>;
}

export interface FidelityMeasuresTable {
  id: Generated<string>;
  trust_id: string;
  priority_id: string;
  name: string;
  unit: Generated<string>;
  target: number | null;
}

export interface FidelityValuesTable {
  id: Generated<string>;
  trust_id: string;
  measure_id: string;
  recorded_on: string;
  value: number;
  note: Generated<string>;
}

export interface PupilsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  upn: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: string;
  year_group: string;
  disadvantaged: boolean;
  fsm: boolean;
  sen: string;
  eal: boolean;
  ethnicity: string;
  ks2_reading: number | null;
  ks2_maths: number | null;
  pupil_premium: Generated<boolean>;
  looked_after: Generated<boolean>;
  adopted_from_care: Generated<boolean>;
  service_child: Generated<boolean>;
  sen_primary_need: Generated<string | null>;
  ks2_fine_level: Generated<number | null>;
  prior_attainment_band: Generated<string | null>;
}

/** A pupil's school over time (migration 0015); the open one (end_date null) is the current school. */
export interface EnrolmentsTable {
  id: Generated<string>;
  trust_id: string;
  pupil_id: string;
  school_id: string;
  start_date: string;
  end_date: string | null;
}

/** A pupil's characteristics over a period (migration 0015); effective_to null = still in force. */
export interface PupilCharacteristicsTable {
  id: Generated<string>;
  trust_id: string;
  pupil_id: string;
  effective_from: string;
  effective_to: string | null;
  disadvantaged: boolean;
  fsm: boolean;
  pupil_premium: boolean;
  looked_after: boolean;
  adopted_from_care: boolean;
  service_child: boolean;
  sen: string;
  sen_primary_need: string | null;
  eal: boolean;
  ethnicity: string;
  ks2_reading: number | null;
  ks2_maths: number | null;
  ks2_fine_level: number | null;
  prior_attainment_band: string | null;
}

export interface AssessmentsTable {
  id: Generated<string>;
  trust_id: string;
  name: string;
  subject: string;
  year_group: string;
  academic_year: string;
  collection_point: string;
  grade_set: string;
  taken_on: string;
  assessment_type: ColumnType<string | null, string | null | undefined, string | null>;
  planned_assessment_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AcademicYearsTable {
  id: Generated<string>;
  trust_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  version: Version;
  created_at: CreatedAt;
}

export interface TermsTable {
  id: Generated<string>;
  trust_id: string;
  academic_year_id: string;
  name: 'autumn' | 'spring' | 'summer';
  starts_on: string;
  ends_on: string;
  half_term_starts_on: string | null;
  half_term_ends_on: string | null;
}

export interface CollectionPointsTable {
  id: Generated<string>;
  trust_id: string;
  academic_year_id: string;
  name: string;
  collect_on: string;
  year_groups: string[];
  version: Version;
  created_at: CreatedAt;
}

export interface PlannedAssessmentsTable {
  id: Generated<string>;
  trust_id: string;
  academic_year_id: string;
  collection_point_id: string | null;
  name: string;
  subject: string;
  year_group: string;
  assessment_type: string;
  planned_on: string;
  grade_set: string | null;
  version: Version;
  created_at: CreatedAt;
}

/** A trust-defined grade set's scale as stored; the shape is the `gradeScale` contract. */
export type GradeScaleJson =
  | { kind: 'ordered'; grades: { code: string; value: number; aliases?: string[] }[] }
  | { kind: 'range'; min: number | null; max: number | null; step: number | null; suffix: string | null };

export interface GradeSetsTable {
  id: Generated<string>;
  trust_id: string;
  key: string;
  name: string;
  scale: ColumnType<GradeScaleJson, string, string>;
  non_results: ColumnType<string[], string, string>;
  version: Version;
  created_at: CreatedAt;
}

export interface ResultsTable {
  trust_id: string;
  assessment_id: string;
  pupil_id: string;
  value: number;
  /** The import job that last wrote the result (null for results written otherwise). */
  import_job_id: string | null;
}

export type CaseStudyDemographicsJson = Record<string, number | null>;
export type EefPhaseJson = { phase: string; summary: string }[];
export type ImpactJson = {
  kind: string;
  measure: string;
  group: string;
  unit: string;
  before: string;
  beforeOn: string | null;
  after: string;
  afterOn: string | null;
  target: string | null;
  source: string;
}[];
export type ContactJson = { name: string; role: string; email: string }[];

export interface CaseStudiesTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string | null;
  source_priority_id: string | null;
  title: string;
  school_count: Generated<number>;
  region: Generated<string>;
  phase: Generated<string>;
  demographics: ColumnType<CaseStudyDemographicsJson, string | undefined, string>;
  problem: Generated<string>;
  approach: Generated<string>;
  eef_phases: ColumnType<EefPhaseJson, string | undefined, string>;
  impact: ColumnType<ImpactJson, string | undefined, string>;
  measure_kinds: ColumnType<string[], string[] | undefined, string[]>;
  lessons: Generated<string>;
  do_differently: Generated<string>;
  contacts: ColumnType<ContactJson, string | undefined, string>;
  component_codes: ColumnType<string[], string[] | undefined, string[]>;
  statement_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<string>;
  visibility: Generated<string>;
  review_note: Generated<string>;
  created_by: string | null;
  reviewed_by: string | null;
  published_at: Date | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  search: ColumnType<string, never, never>;
}

export interface ToolkitStrandsTable {
  id: Generated<string>;
  trust_id: string;
  slug: string;
  name: string;
  summary: Generated<string>;
  cost: number;
  evidence_strength: number;
  months_impact: number;
  position: Generated<number>;
  version: Version;
}

export interface PriorityToolkitStrandsTable {
  trust_id: string;
  priority_id: string;
  strand_id: string;
  note: Generated<string>;
}

/** Sufficient statistics of results per assessment x school x characteristics (migration 0009). */
export interface ResultSummariesTable {
  trust_id: string;
  assessment_id: string;
  school_id: string;
  disadvantaged: boolean;
  sen: string;
  eal: boolean;
  sex: string;
  n: number;
  total: number;
  total_squares: number;
}

/** The interventions register (migration 0018). */
export interface InterventionsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  priority_id: string | null;
  name: string;
  type: string;
  starts_on: string;
  ends_on: string | null;
  lead_person_id: string | null;
  planned_sessions: number;
  notes: Generated<string>;
  status: Generated<string>;
  baseline_assessment_id: string | null;
  outcome_assessment_id: string | null;
  matched_comparison: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InterventionPupilsTable {
  trust_id: string;
  intervention_id: string;
  pupil_id: string;
  joined_on: string;
  left_on: string | null;
}

export interface InterventionSessionsTable {
  id: Generated<string>;
  trust_id: string;
  intervention_id: string;
  held_on: string;
}

export interface InterventionAttendanceTable {
  trust_id: string;
  session_id: string;
  pupil_id: string;
  attended: boolean;
}

/** Pupil, staff and parent voice (migration 0017); responses never hold who responded. */
export interface SurveysTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string | null;
  title: string;
  audience: string;
  academic_year: string;
  opens_on: string | null;
  closes_on: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SurveyQuestionsTable {
  id: Generated<string>;
  trust_id: string;
  survey_id: string;
  position: number;
  text: string;
  kind: string;
  scale_labels: ColumnType<string[], string, string>;
  statement_id: string | null;
  component_id: string | null;
}

export interface SurveyImportsTable {
  id: Generated<string>;
  trust_id: string;
  survey_id: string;
  school_id: string;
  filename: string;
  file_sha256: string;
  source: string;
  dry_run: boolean;
  status: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_skipped: number;
  rejected: ColumnType<RejectedRowJson[], string, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  trust_id: string;
  survey_id: string;
  school_id: string;
  import_id: string;
  submitted_on: string;
  fingerprint: string;
  year_group: string | null;
  disadvantaged: boolean | null;
  sen: boolean | null;
  eal: boolean | null;
  sex: string | null;
}

export interface SurveyAnswersTable {
  trust_id: string;
  response_id: string;
  question_id: string;
  value: number | null;
  text: string | null;
}

export interface Database {
  interventions: InterventionsTable;
  intervention_pupils: InterventionPupilsTable;
  intervention_sessions: InterventionSessionsTable;
  intervention_attendance: InterventionAttendanceTable;
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_imports: SurveyImportsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  case_studies: CaseStudiesTable;
  toolkit_strands: ToolkitStrandsTable;
  priority_toolkit_strands: PriorityToolkitStrandsTable;
  result_summaries: ResultSummariesTable;
  pupils: PupilsTable;
  enrolments: EnrolmentsTable;
  pupil_characteristics: PupilCharacteristicsTable;
  assessments: AssessmentsTable;
  academic_years: AcademicYearsTable;
  terms: TermsTable;
  collection_points: CollectionPointsTable;
  planned_assessments: PlannedAssessmentsTable;
  grade_sets: GradeSetsTable;
  results: ResultsTable;
  barriers: BarriersTable;
  support_records: SupportRecordsTable;
  fidelity_measures: FidelityMeasuresTable;
  fidelity_values: FidelityValuesTable;
  meetings: MeetingsTable;
  meeting_items: MeetingItemsTable;
  import_jobs: ImportJobsTable;
  import_mappings: ImportMappingsTable;
  attendance_records: AttendanceRecordsTable;
  behaviour_points: BehaviourPointsTable;
  staff_records: StaffRecordsTable;
  published_outcomes: PublishedOutcomesTable;
  plans: PlansTable;
  priorities: PrioritiesTable;
  phase_moves: PhaseMovesTable;
  outcomes: OutcomesTable;
  plan_actions: PlanActionsTable;
  impact_checks: ImpactChecksTable;
  deimplementations: DeimplementationsTable;
  framework_components: FrameworkComponentsTable;
  evidence_sources: EvidenceSourcesTable;
  evaluation_tools: EvaluationToolsTable;
  tool_versions: ToolVersionsTable;
  tool_aspects: ToolAspectsTable;
  tool_statements: ToolStatementsTable;
  rounds: RoundsTable;
  round_subjects: RoundSubjectsTable;
  responses: ResponsesTable;
  response_comments: ResponseCommentsTable;
  trusts: TrustsTable;
  schools: SchoolsTable;
  departments: DepartmentsTable;
  year_groups: YearGroupsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
}

export type SchoolRow = Selectable<SchoolsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewSchool = Insertable<SchoolsTable>;
