import type { FastifyInstance } from 'fastify';
import { registerAnalysisRoutes } from '../../modules/analysis/analysis.routes';
import { registerAttendanceRoutes } from '../../modules/attendance/attendance.routes';
import { registerAuditRoutes } from '../../modules/audit/audit.routes';
import { registerAuthRoutes } from '../../modules/auth/auth.routes';
import { registerCalendarRoutes } from '../../modules/calendar/calendar.routes';
import { registerDataRoutes } from '../../modules/data/data.routes';
import { registerMappingRoutes } from '../../modules/data/mapping/mapping.routes';
import { registerEvaluationRoutes } from '../../modules/evaluation/evaluation.routes';
import { registerFrameworkRoutes } from '../../modules/frameworks/frameworks.routes';
import { registerGradeSetRoutes } from '../../modules/grade-sets/grade-sets.routes';
import { registerInterventionRoutes } from '../../modules/interventions/interventions.routes';
import { registerLibraryRoutes } from '../../modules/library/library.routes';
import { registerMonitoringRoutes } from '../../modules/monitoring/monitoring.routes';
import { registerOrgRoutes } from '../../modules/org/org.routes';
import { registerPeopleRoutes } from '../../modules/people/people.routes';
import { registerPlanEditRoutes } from '../../modules/planning/plan-edits.routes';
import { registerPlanSupportRoutes } from '../../modules/planning/plan-support.routes';
import { registerPlanningRoutes } from '../../modules/planning/planning.routes';
import { registerPupilRoutes } from '../../modules/pupils/pupils.routes';
import { registerReportsRoutes } from '../../modules/reports/reports.routes';
import { registerSurveyRoutes } from '../../modules/surveys/surveys.routes';
import type { Services } from '../../services';
import type { Config } from '../config';

export async function registerRoutes(
  api: FastifyInstance,
  services: Services,
  config: Config,
): Promise<void> {
  api.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  await api.register(
    async (v1) => {
      registerAuthRoutes(v1, services, config);
      registerOrgRoutes(v1, services);
      registerPeopleRoutes(v1, services);
      registerAuditRoutes(v1, services);
      registerFrameworkRoutes(v1, services);
      registerEvaluationRoutes(v1, services);
      registerPlanningRoutes(v1, services);
      registerPlanSupportRoutes(v1, services);
      registerPlanEditRoutes(v1, services);
      registerDataRoutes(v1, services);
      registerMappingRoutes(v1, services);
      registerAttendanceRoutes(v1, services);
      registerCalendarRoutes(v1, services);
      registerPupilRoutes(v1, services);
      registerGradeSetRoutes(v1, services);
      registerMonitoringRoutes(v1, services);
      registerAnalysisRoutes(v1, services);
      registerLibraryRoutes(v1, services);
      registerReportsRoutes(v1, services);
      registerInterventionRoutes(v1, services);
      registerSurveyRoutes(v1, services);
    },
    { prefix: '/v1' },
  );
}
