import type { Breakdown, QuestionResult, SurveyResults } from '../../../shared/contracts/surveys';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { groupsOf, likertResult, type QuestionRow, textCount } from './survey-results';
import { surveysRepository as repo } from './surveys.repository';
import type { SurveysService } from './surveys.service';

/**
 * A survey's results for a reader: only the schools they may see, every breakdown suppressed for
 * every reader, and free text only for staff of a school where enough people responded.
 */
export function createSurveyViews(db: Db, surveys: SurveysService, threshold: number) {
  return {
    async results(actor: Actor, surveyId: string, breakdown: Breakdown): Promise<SurveyResults> {
      const { survey, scope } = await surveys.load(actor, surveyId);
      const schoolIds = scope.schools.map((s) => s.id);
      const [questions, answers, counts] = await Promise.all([
        repo.listQuestions(db, actor.trustId, survey.id),
        repo.answers(db, actor.trustId, survey.id, schoolIds),
        repo.responseCounts(db, actor.trustId, [survey.id]),
      ]);
      const respondentsAt = new Map(counts.map((c) => [c.school_id, c.n]));
      const respondents = schoolIds.reduce((t, id) => t + (respondentsAt.get(id) ?? 0), 0);
      // Schools with no responses are left out of a school breakdown (they hold nothing to compare).
      const responding = scope.schools.filter((s) => (respondentsAt.get(s.id) ?? 0) > 0);
      const groups = groupsOf(breakdown, answers, responding);

      const result = (q: (typeof questions)[number]): QuestionResult => {
        const row: QuestionRow = {
          id: q.id,
          text: q.text,
          kind: q.kind as QuestionRow['kind'],
          scaleLabels: q.scale_labels,
        };
        const mine = answers.filter((a) => a.questionId === q.id);
        const base = { questionId: q.id, text: q.text, kind: row.kind, scaleLabels: row.scaleLabels };
        if (row.kind === 'likert')
          return {
            ...base,
            ...likertResult(row, mine, groups, threshold),
            textCount: null,
            textAnswers: null,
            textNote: null,
          };
        const overall = textCount(mine, threshold);
        const readable = responding.filter((s) => s.canReadText);
        const shown = readable.filter((s) => (respondentsAt.get(s.id) ?? 0) >= threshold);
        const textAnswers = shown.map((s) => ({
          schoolId: s.id,
          schoolName: s.name,
          // Sorted, not in submission order, so an answer cannot be matched to when it was sent.
          answers: mine
            .filter((a) => a.schoolId === s.id && a.text !== null)
            .map((a) => a.text ?? '')
            .sort((x, y) => x.localeCompare(y)),
        }));
        const textNote =
          readable.length === 0
            ? 'Written answers are shown to staff of the school only.'
            : shown.length < readable.length
              ? `Written answers are not shown for a school where fewer than ${threshold} people responded.`
              : null;
        return {
          ...base,
          overall,
          groups: [],
          textCount: overall.n,
          textAnswers: readable.length ? textAnswers : null,
          textNote,
        };
      };
      return {
        surveyId: survey.id,
        breakdown,
        suppressionThreshold: threshold,
        respondents: respondents < threshold ? null : respondents,
        questions: questions.map(result),
      };
    },
  };
}
