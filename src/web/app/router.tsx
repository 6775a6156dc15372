import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { AdminSchoolsPage } from '../features/admin/AdminSchoolsPage';
import { PeoplePage } from '../features/admin/PeoplePage';
import { AnalysisPage } from '../features/analysis/AnalysisPage';
import { AttendancePage } from '../features/attendance/AttendancePage';
import { AuthLayout } from '../features/auth/AuthLayout';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetPasswordPage } from '../features/auth/SetPasswordPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DataPage } from '../features/data/DataPage';
import { CoveragePage } from '../features/evaluation/CoveragePage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';
import { HeatmapPage } from '../features/evaluation/HeatmapPage';
import { prefetchHeatmap } from '../features/evaluation/heatmap-prefetch';
import { NewRoundPage } from '../features/evaluation/NewRoundPage';
import { RoundPage } from '../features/evaluation/RoundPage';
import { RoundsPage } from '../features/evaluation/RoundsPage';
import { SchoolSummaryPage } from '../features/evaluation/SchoolSummaryPage';
import { ToolLibraryPage } from '../features/frameworks/ToolLibraryPage';
import { ToolPage } from '../features/frameworks/ToolPage';
import { InterventionPage } from '../features/interventions/InterventionPage';
import { InterventionsPage } from '../features/interventions/InterventionsPage';
import { CaseStudyEditorPage } from '../features/library/CaseStudyEditor';
import { CaseStudyPage } from '../features/library/CaseStudyPage';
import { LearnPage } from '../features/library/LearnPage';
import { ToolkitPage } from '../features/library/ToolkitPage';
import { MonitorPage } from '../features/monitor/MonitorPage';
import { CapacityPage } from '../features/planning/CapacityPage';
import { FromJudgementsPage } from '../features/planning/FromJudgementsPage';
import { PlanPage } from '../features/planning/PlanPage';
import { PlansPage } from '../features/planning/PlansPage';
import { PupilPage } from '../features/pupils/PupilPage';
import { PupilsPage } from '../features/pupils/PupilsPage';
import { BoardDashboardPage } from '../features/reports/BoardDashboardPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SchoolPage } from '../features/schools/SchoolPage';
import { SurveyPage } from '../features/surveys/SurveyPage';
import { SurveysPage } from '../features/surveys/SurveysPage';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

export const router = createBrowserRouter([
  {
    element: <AuthLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <SetPasswordPage purpose="reset" /> },
      { path: '/accept-invitation', element: <SetPasswordPage purpose="invitation" /> },
    ],
  },
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'schools/:schoolId', element: <SchoolPage /> },
      { path: 'evaluate', element: <RoundsPage /> },
      { path: 'evaluate/tools', element: <ToolLibraryPage /> },
      { path: 'evaluate/tools/:toolId', element: <ToolPage /> },
      { path: 'evaluate/rounds/new', element: <NewRoundPage /> },
      { path: 'evaluate/rounds/:roundId', element: <RoundPage /> },
      { path: 'evaluate/rounds/:roundId/heatmap', element: <HeatmapPage />, loader: prefetchHeatmap },
      { path: 'evaluate/rounds/:roundId/coverage', element: <CoveragePage /> },
      { path: 'evaluate/rounds/:roundId/schools/:schoolId', element: <SchoolSummaryPage /> },
      { path: 'evaluate/evaluations/:subjectId', element: <EvaluationPage /> },
      { path: 'plan', element: <PlansPage /> },
      { path: 'plan/from-judgements', element: <FromJudgementsPage /> },
      { path: 'plan/capacity', element: <CapacityPage /> },
      { path: 'plan/interventions', element: <InterventionsPage /> },
      { path: 'plan/interventions/:interventionId', element: <InterventionPage /> },
      { path: 'plan/:planId', element: <PlanPage /> },
      { path: 'monitor', element: <MonitorPage /> },
      { path: 'analyse', element: <AnalysisPage /> },
      { path: 'analyse/attendance', element: <AttendancePage /> },
      { path: 'analyse/surveys', element: <SurveysPage /> },
      { path: 'analyse/surveys/:surveyId', element: <SurveyPage /> },
      { path: 'learn', element: <LearnPage /> },
      { path: 'learn/toolkit', element: <ToolkitPage /> },
      { path: 'learn/case-studies/:caseStudyId', element: <CaseStudyPage /> },
      { path: 'learn/case-studies/:caseStudyId/edit', element: <CaseStudyEditorPage /> },
      { path: 'board', element: <BoardDashboardPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'admin', element: <Navigate to="/admin/people" replace /> },
      { path: 'admin/schools', element: <AdminSchoolsPage /> },
      { path: 'admin/people', element: <PeoplePage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'pupils', element: <PupilsPage /> },
      { path: 'pupils/:pupilId', element: <PupilPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
