import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { RejectedRowJson } from '../../platform/db/schema';
import type { AnswerRow } from './survey-results';

const surveyColumns = [
  's.id',
  's.school_id',
  's.title',
  's.audience',
  's.academic_year',
  's.opens_on',
  's.closes_on',
  's.version',
  'sc.name as school_name',
] as const;

export type NewResponse = {
  submittedOn: string;
  fingerprint: string;
  yearGroup: string | null;
  disadvantaged: boolean | null;
  sen: boolean | null;
  eal: boolean | null;
  sex: string | null;
  answers: { questionId: string; value: number | null; text: string | null }[];
};

export const surveysRepository = {
  listSurveys(db: Db, trustId: string) {
    return db
      .selectFrom('surveys as s')
      .leftJoin('schools as sc', 'sc.id', 's.school_id')
      .where('s.trust_id', '=', trustId)
      .select(surveyColumns)
      .orderBy('s.created_at', 'desc')
      .execute();
  },

  findSurvey(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('surveys as s')
      .leftJoin('schools as sc', 'sc.id', 's.school_id')
      .where('s.trust_id', '=', trustId)
      .where('s.id', '=', id)
      .select(surveyColumns)
      .executeTakeFirst();
  },

  insertSurvey(
    db: Db,
    s: {
      trustId: string;
      schoolId: string | null;
      title: string;
      audience: string;
      academicYear: string;
      opensOn: string | null;
      closesOn: string | null;
    },
  ) {
    return db
      .insertInto('surveys')
      .values({
        trust_id: s.trustId,
        school_id: s.schoolId,
        title: s.title,
        audience: s.audience,
        academic_year: s.academicYear,
        opens_on: s.opensOn,
        closes_on: s.closesOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Responses per survey and school, to count what each reader may see. */
  responseCounts(db: Db, trustId: string, surveyIds: string[]) {
    if (surveyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('survey_responses')
      .where('trust_id', '=', trustId)
      .where('survey_id', 'in', surveyIds)
      .groupBy(['survey_id', 'school_id'])
      .select(['survey_id', 'school_id', sql<number>`count(*)::int`.as('n')])
      .execute();
  },

  listQuestions(db: Db, trustId: string, surveyId: string) {
    return db
      .selectFrom('survey_questions as q')
      .leftJoin('framework_components as c', 'c.id', 'q.component_id')
      .where('q.trust_id', '=', trustId)
      .where('q.survey_id', '=', surveyId)
      .select([
        'q.id',
        'q.position',
        'q.text',
        'q.kind',
        'q.scale_labels',
        'q.statement_id',
        'q.component_id',
        'c.code as component_code',
      ])
      .orderBy('q.position')
      .execute();
  },

  async insertQuestions(
    db: Db,
    trustId: string,
    surveyId: string,
    questions: { position: number; text: string; kind: string; scaleLabels: string[] }[],
  ): Promise<string[]> {
    if (questions.length === 0) return [];
    const rows = await db
      .insertInto('survey_questions')
      .values(
        questions.map((q) => ({
          trust_id: trustId,
          survey_id: surveyId,
          position: q.position,
          text: q.text,
          kind: q.kind,
          scale_labels: JSON.stringify(q.scaleLabels),
        })),
      )
      .returning(['id', 'position'])
      .execute();
    return questions.map((q) => rows.find((r) => r.position === q.position)?.id ?? '');
  },

  listImports(db: Db, trustId: string, surveyId: string) {
    return db
      .selectFrom('survey_imports')
      .where('trust_id', '=', trustId)
      .where('survey_id', '=', surveyId)
      .selectAll()
      .orderBy('created_at', 'desc')
      .execute();
  },

  findImport(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('survey_imports')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  insertImport(
    db: Db,
    i: {
      trustId: string;
      surveyId: string;
      schoolId: string;
      filename: string;
      sha256: string;
      source: string;
      dryRun: boolean;
      status: string;
      rowsRead: number;
      rowsAccepted: number;
      rowsRejected: number;
      rowsSkipped: number;
      rejected: RejectedRowJson[];
      createdBy: string | null;
    },
  ) {
    return db
      .insertInto('survey_imports')
      .values({
        trust_id: i.trustId,
        survey_id: i.surveyId,
        school_id: i.schoolId,
        filename: i.filename,
        file_sha256: i.sha256,
        source: i.source,
        dry_run: i.dryRun,
        status: i.status,
        rows_read: i.rowsRead,
        rows_accepted: i.rowsAccepted,
        rows_rejected: i.rowsRejected,
        rows_skipped: i.rowsSkipped,
        rejected: JSON.stringify(i.rejected),
        created_by: i.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async setImportCounts(db: Db, trustId: string, id: string, accepted: number, skipped: number) {
    await db
      .updateTable('survey_imports')
      .set({ rows_accepted: accepted, rows_skipped: skipped })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  /** Which of these fingerprints the survey already holds for the school. */
  async knownFingerprints(db: Db, trustId: string, surveyId: string, schoolId: string, prints: string[]) {
    if (prints.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom('survey_responses')
      .where('trust_id', '=', trustId)
      .where('survey_id', '=', surveyId)
      .where('school_id', '=', schoolId)
      .where('fingerprint', 'in', prints)
      .select('fingerprint')
      .execute();
    return new Set(rows.map((r) => r.fingerprint));
  },

  /**
   * Writes responses and their answers; a fingerprint already present (a concurrent import of the
   * same file) is skipped by the unique constraint. Returns how many responses were written.
   */
  async insertResponses(
    db: Db,
    ids: { trustId: string; surveyId: string; schoolId: string; importId: string },
    responses: NewResponse[],
  ): Promise<number> {
    let written = 0;
    // Batches keep each statement well under PostgreSQL's 65,535 parameter limit.
    for (let i = 0; i < responses.length; i += 500) {
      const batch = responses.slice(i, i + 500);
      const inserted = await db
        .insertInto('survey_responses')
        .values(
          batch.map((r) => ({
            trust_id: ids.trustId,
            survey_id: ids.surveyId,
            school_id: ids.schoolId,
            import_id: ids.importId,
            submitted_on: r.submittedOn,
            fingerprint: r.fingerprint,
            year_group: r.yearGroup,
            disadvantaged: r.disadvantaged,
            sen: r.sen,
            eal: r.eal,
            sex: r.sex,
          })),
        )
        .onConflict((oc) => oc.columns(['survey_id', 'school_id', 'fingerprint']).doNothing())
        .returning(['id', 'fingerprint'])
        .execute();
      written += inserted.length;
      const idOf = new Map(inserted.map((r) => [r.fingerprint, r.id]));
      const answers = batch.flatMap((r) => {
        const responseId = idOf.get(r.fingerprint);
        return responseId
          ? r.answers.map((a) => ({
              trust_id: ids.trustId,
              response_id: responseId,
              question_id: a.questionId,
              value: a.value,
              text: a.text,
            }))
          : [];
      });
      for (let j = 0; j < answers.length; j += 2000)
        await db
          .insertInto('survey_answers')
          .values(answers.slice(j, j + 2000))
          .execute();
    }
    return written;
  },

  /** Removes exactly the responses an import wrote (their answers go with them by cascade). */
  async deleteResponsesOfImport(db: Db, trustId: string, importId: string): Promise<number> {
    const r = await db
      .deleteFrom('survey_responses')
      .where('trust_id', '=', trustId)
      .where('import_id', '=', importId)
      .executeTakeFirst();
    await db
      .updateTable('survey_imports')
      .set({ status: 'deleted' })
      .where('trust_id', '=', trustId)
      .where('id', '=', importId)
      .execute();
    return Number(r.numDeletedRows);
  },

  /** Every answer to the survey in the given schools, with the respondent's characteristics. */
  answers(db: Db, trustId: string, surveyId: string, schoolIds: string[]): Promise<AnswerRow[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
      .where('r.trust_id', '=', trustId)
      .where('a.trust_id', '=', trustId)
      .where('r.survey_id', '=', surveyId)
      .where('r.school_id', 'in', schoolIds)
      .select([
        'a.question_id as questionId',
        'r.school_id as schoolId',
        'a.value',
        'a.text',
        'r.year_group as yearGroup',
        'r.disadvantaged',
        'r.sen',
        'r.eal',
        'r.sex',
      ])
      .execute();
  },

  findQuestion(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('survey_questions')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(['id', 'survey_id'])
      .executeTakeFirst();
  },

  /** Whether the statement belongs to the trust (true when none is given). */
  async statementExists(db: Db, trustId: string, statementId: string | null): Promise<boolean> {
    if (!statementId) return true;
    const row = await db
      .selectFrom('tool_statements')
      .where('trust_id', '=', trustId)
      .where('id', '=', statementId)
      .select('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The trust's framework component with this code. */
  async componentIdOf(db: Db, trustId: string, code: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('framework_components')
      .where('trust_id', '=', trustId)
      .where('code', '=', code)
      .select('id')
      .executeTakeFirst();
    return row?.id;
  },

  /** Moves the survey on one version if it is still at `version`; false when someone got there first. */
  async bumpVersion(db: Db, trustId: string, surveyId: string, version: number): Promise<boolean> {
    const r = await db
      .updateTable('surveys')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
      .where('trust_id', '=', trustId)
      .where('id', '=', surveyId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async setQuestionLinks(
    db: Db,
    trustId: string,
    id: string,
    statementId: string | null,
    componentId: string | null,
  ) {
    await db
      .updateTable('survey_questions')
      .set({ statement_id: statementId, component_id: componentId })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },
};
