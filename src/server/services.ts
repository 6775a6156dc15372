import { writeImportedSummaries } from './modules/analysis/analysis.repository';
import { createAnalysisService } from './modules/analysis/analysis.service';
import { createAttendanceService } from './modules/attendance/attendance.service';
import { createAuditReader } from './modules/audit/audit.reader';
import { createAuthService } from './modules/auth/auth.service';
import { createCalendarService, linkPlannedAssessments } from './modules/calendar/calendar.service';
import { createAttendanceImportService } from './modules/data/attendance-import.service';
import { createDataService } from './modules/data/data.service';
import { createDataExportService } from './modules/data/data-export.service';
import { createGiasImportService } from './modules/data/gias-import.service';
import { createMappedImportService } from './modules/data/mapping/mapped-import.service';
import { createMappingTemplatesService } from './modules/data/mapping/mapping-templates.service';
import { createResultsImportService } from './modules/data/results-import.service';
import { createStaffImportService } from './modules/data/staff-import.service';
import { createDemoService } from './modules/demo/demo.service';
import { createGenerateService } from './modules/demo/generate/generate.service';
import { createEvaluationService } from './modules/evaluation/evaluation.service';
import { createEvaluationViews } from './modules/evaluation/evaluation-views.service';
import { createFrameworksService } from './modules/frameworks/frameworks.service';
import { createGradeSetsService } from './modules/grade-sets/grade-sets.service';
import { createInterventionImpactService } from './modules/interventions/intervention-impact.service';
import { createInterventionsService } from './modules/interventions/interventions.service';
import { createLibraryService } from './modules/library/library.service';
import { createMonitoringService } from './modules/monitoring/monitoring.service';
import { createSchoolAgendaService } from './modules/monitoring/school-agenda.service';
import { createOrgService } from './modules/org/org.service';
import { createPeopleService } from './modules/people/people.service';
import { createPlanEditsService } from './modules/planning/plan-edits.service';
import { createPlanSupportService } from './modules/planning/plan-support.service';
import { type Clock, createPlanningService } from './modules/planning/planning.service';
import { createPlanningViews } from './modules/planning/planning-views.service';
import { createPupilRecordService } from './modules/pupils/record.service';
import { createReportsService } from './modules/reports/reports.service';
import { createSurveyImportService } from './modules/surveys/survey-import.service';
import { createSurveyViews } from './modules/surveys/survey-views.service';
import { createSurveysService } from './modules/surveys/surveys.service';
import type { Config } from './platform/config';
import type { Db } from './platform/db/database';
import type { Mailer } from './platform/mail/mailer';

/** Every service, wired once; the HTTP routes and the CLI both call these, never the database. */
/** The largest results file accepted (a million-line export is about 70 MB). */
export const IMPORT_MAX_BYTES = 250_000_000;

/** `clock` is the one source of "today" for due and overdue rules, so tests can move time. */
export function createServices(db: Db, config: Config, mailer: Mailer, clock: Clock = () => new Date()) {
  const auth = createAuthService(db, config, mailer);
  const frameworks = createFrameworksService(db);
  const evaluation = createEvaluationService(db);
  const planningViews = createPlanningViews(db, clock);
  const data = createDataService(db, clock);
  const evaluationViews = createEvaluationViews(db);
  const planning = createPlanningService(db, clock);
  const analysis = createAnalysisService(db, config.suppressionThreshold);
  const results = createResultsImportService(db, {
    maxBytes: IMPORT_MAX_BYTES,
    // The analysis summaries, and the calendar's links from planned assessments to the imported
    // ones, follow every committed results import, in its transaction.
    afterWrite: [
      (tx, trustId, written) => writeImportedSummaries(tx, trustId, written),
      (tx, trustId) => linkPlannedAssessments(tx, trustId),
    ],
  });
  const mappingTemplates = createMappingTemplatesService(db);
  const surveys = createSurveysService(db);
  const calendar = createCalendarService(db, clock);
  const pupilRecords = createPupilRecordService(db, clock);
  return {
    auth,
    pupilRecords,
    org: createOrgService(db),
    people: createPeopleService(db, auth),
    audit: createAuditReader(db),
    demo: createDemoService(db, { evaluation, frameworks, data, calendar }, clock),
    generate: createGenerateService(db, clock),
    frameworks,
    evaluation,
    evaluationViews,
    planning,
    planEdits: createPlanEditsService(db, { planning }),
    planningViews,
    planSupport: createPlanSupportService(db),
    monitoring: createMonitoringService(db, { views: planningViews, mailer, config, clock }),
    schoolAgenda: createSchoolAgendaService(db, clock),
    data,
    dataExport: createDataExportService(db),
    attendanceImports: createAttendanceImportService(db),
    staffImports: createStaffImportService(db),
    giasImports: createGiasImportService(db),
    attendance: createAttendanceService(db, config.suppressionThreshold, clock),
    calendar,
    gradeSets: createGradeSetsService(db),
    results,
    mappingTemplates,
    // Files in a school's own layout go through a mapping into the same results importer.
    mappedImport: createMappedImportService(db, {
      results,
      templates: mappingTemplates,
      maxBytes: IMPORT_MAX_BYTES,
      clock,
    }),
    analysis,
    reports: createReportsService(
      db,
      { analysis, evaluation, evaluationViews, planning, planningViews },
      { suppressionThreshold: config.suppressionThreshold, clock },
    ),
    library: createLibraryService(db, { planning }),
    interventions: createInterventionsService(db, config.suppressionThreshold),
    interventionImpact: createInterventionImpactService(db, config.suppressionThreshold),
    surveys,
    surveyImports: createSurveyImportService(db),
    surveyViews: createSurveyViews(db, surveys, config.suppressionThreshold),
  };
}

export type Services = ReturnType<typeof createServices>;
