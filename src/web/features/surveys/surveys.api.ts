import { queryOptions } from '@tanstack/react-query';
import {
  type Breakdown,
  type CreateSurveyBody,
  type ImportSurveyBody,
  surveyDetail,
  surveyImportResult,
  surveyList,
  surveyResults,
  surveySummary,
} from '../../../shared/contracts/surveys';
import { api } from '../../app/api';

export const surveysQuery = queryOptions({
  queryKey: ['surveys'],
  queryFn: async ({ signal }) => (await api('/surveys', { schema: surveyList, signal })).surveys,
});

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: ['surveys', id],
    queryFn: ({ signal }) => api(`/surveys/${id}`, { schema: surveyDetail, signal }),
  });

export const surveyResultsQuery = (id: string, breakdown: Breakdown) =>
  queryOptions({
    queryKey: ['surveys', id, 'results', breakdown],
    queryFn: ({ signal }) =>
      api(`/surveys/${id}/results`, { schema: surveyResults, query: { breakdown }, signal }),
    // Keep the last charts on screen while another breakdown loads.
    placeholderData: (previous) => previous,
  });

export const createSurvey = (body: CreateSurveyBody) =>
  api('/surveys', { method: 'POST', schema: surveySummary, body });

export const importSurvey = (id: string, body: ImportSurveyBody) =>
  api(`/surveys/${id}/imports`, { method: 'POST', schema: surveyImportResult, body });

export const deleteSurveyImport = (id: string) => api(`/survey-imports/${id}`, { method: 'DELETE' });

export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
