import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export type NewSubject = {
  toolVersionId: string;
  schoolId: string | null;
  departmentId: string | null;
  liaisonPersonId: string | null;
};

export type NewResponse = {
  statementId: string;
  selfValue: number | null;
  carriedForward: boolean;
  previousAgreedValue: number | null;
  leftLastTime: boolean;
  notJudgedNote: string;
};

const roundColumns = [
  'r.id',
  'r.name',
  'r.cycle',
  'r.opens_on',
  'r.closes_on',
  'r.status',
  'r.previous_round_id',
  'r.version',
] as const;

function subjectsQuery(db: Db, trustId: string) {
  return (
    db
      .selectFrom('round_subjects as rs')
      .innerJoin('tool_versions as v', 'v.id', 'rs.tool_version_id')
      .innerJoin('evaluation_tools as t', 't.id', 'v.tool_id')
      .leftJoin('schools as s', 's.id', 'rs.school_id')
      .leftJoin('departments as d', 'd.id', 'rs.department_id')
      .leftJoin('people as l', 'l.id', 'rs.liaison_person_id')
      .where('rs.trust_id', '=', trustId)
      .select([
        'rs.id',
        'rs.round_id',
        'rs.tool_version_id',
        'rs.school_id',
        'rs.department_id',
        'rs.liaison_person_id',
        'rs.status',
        'rs.version',
        'v.name as tool_name',
        'v.completed_by',
        'v.area as tool_area',
        'v.scale',
        't.key as tool_key',
        's.name as school_name',
        's.phase as school_phase',
        'd.name as department_name',
        'l.name as liaison_name',
      ])
      // One pass over the evaluation's responses gives all four progress counts.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('responses as x')
            .whereRef('x.round_subject_id', '=', 'rs.id')
            .select([
              sql<number>`count(*)::int`.as('statements'),
              sql<number>`(count(*) filter (where not x.not_judged and x.self_value is not null))::int`.as(
                'judged',
              ),
              sql<number>`(count(*) filter (where x.not_judged))::int`.as('left_for_next_time'),
              sql<number>`(count(*) filter (where x.agreed_value is not null))::int`.as('agreed'),
            ])
            .as('progress'),
        (join) => join.onTrue(),
      )
      .select(['progress.statements', 'progress.judged', 'progress.left_for_next_time', 'progress.agreed'])
  );
}

export type SubjectRow = Awaited<ReturnType<typeof evaluationRepository.listSubjects>>[number];

export const evaluationRepository = {
  insertRound(
    db: Db,
    r: {
      trustId: string;
      name: string;
      cycle: string;
      opensOn: string;
      closesOn: string;
      previousRoundId: string | null;
    },
  ) {
    return db
      .insertInto('rounds')
      .values({
        trust_id: r.trustId,
        name: r.name,
        cycle: r.cycle,
        opens_on: r.opensOn,
        closes_on: r.closesOn,
        previous_round_id: r.previousRoundId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  listRounds(db: Db, trustId: string) {
    return db
      .selectFrom('rounds as r')
      .where('r.trust_id', '=', trustId)
      .select(roundColumns)
      .select((eb) =>
        eb
          .selectFrom('round_subjects as rs')
          .whereRef('rs.round_id', '=', 'r.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('subject_count'),
      )
      .orderBy('r.opens_on', 'desc')
      .orderBy('r.created_at', 'desc')
      .execute();
  },

  findRound(db: Db, trustId: string, roundId: string) {
    return db
      .selectFrom('rounds as r')
      .where('r.trust_id', '=', trustId)
      .where('r.id', '=', roundId)
      .select(roundColumns)
      .select((eb) =>
        eb
          .selectFrom('round_subjects as rs')
          .whereRef('rs.round_id', '=', 'r.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('subject_count'),
      )
      .executeTakeFirst();
  },

  async closeRound(db: Db, trustId: string, roundId: string, version: number): Promise<boolean> {
    const r = await db
      .updateTable('rounds')
      .set({ status: 'closed', version: version + 1 })
      .where('trust_id', '=', trustId)
      .where('id', '=', roundId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  insertSubjects(db: Db, trustId: string, roundId: string, subjects: NewSubject[]) {
    return db
      .insertInto('round_subjects')
      .values(
        subjects.map((s) => ({
          trust_id: trustId,
          round_id: roundId,
          tool_version_id: s.toolVersionId,
          school_id: s.schoolId,
          department_id: s.departmentId,
          liaison_person_id: s.liaisonPersonId,
        })),
      )
      .returning(['id', 'tool_version_id', 'school_id', 'department_id'])
      .execute();
  },

  listSubjects(db: Db, trustId: string, roundId: string) {
    return subjectsQuery(db, trustId)
      .where('rs.round_id', '=', roundId)
      .orderBy('s.name')
      .orderBy('v.name')
      .orderBy('d.name')
      .execute();
  },

  findSubject(db: Db, trustId: string, subjectId: string) {
    return subjectsQuery(db, trustId).where('rs.id', '=', subjectId).executeTakeFirst();
  },

  async setSubjectStatus(
    db: Db,
    trustId: string,
    subjectId: string,
    version: number,
    status: 'draft' | 'submitted' | 'agreed',
  ): Promise<boolean> {
    const r = await db
      .updateTable('round_subjects')
      .set({
        status,
        version: version + 1,
        submitted_at: status === 'submitted' ? sql<Date>`now()` : undefined,
        agreed_at: status === 'agreed' ? sql<Date>`now()` : undefined,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', subjectId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async insertResponses(db: Db, trustId: string, subjectId: string, rows: NewResponse[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('responses')
      .values(
        rows.map((r) => ({
          trust_id: trustId,
          round_subject_id: subjectId,
          statement_id: r.statementId,
          self_value: r.selfValue,
          carried_forward: r.carriedForward,
          previous_agreed_value: r.previousAgreedValue,
          left_last_time: r.leftLastTime,
          not_judged_note: r.notJudgedNote,
          agreed_value: null,
        })),
      )
      .execute();
  },

  listResponses(db: Db, trustId: string, subjectIds: readonly string[]) {
    if (!subjectIds.length) return Promise.resolve([]);
    // In the tool's own order, so every screen and export lists statements as the tool does.
    return db
      .selectFrom('responses as x')
      .innerJoin('tool_statements as st', 'st.id', 'x.statement_id')
      .innerJoin('tool_aspects as asp', 'asp.id', 'st.aspect_id')
      .where('x.trust_id', '=', trustId)
      .where('x.round_subject_id', 'in', subjectIds)
      .selectAll('x')
      .select((eb) =>
        eb
          .selectFrom('response_comments as c')
          .whereRef('c.response_id', '=', 'x.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('comment_count'),
      )
      .orderBy('x.round_subject_id')
      .orderBy('asp.position')
      .orderBy('st.position')
      .execute();
  },

  /** Only what the heatmap needs, for every subject of a round, in one query. */
  listAgreedCells(db: Db, trustId: string, roundId: string) {
    return db
      .selectFrom('responses as x')
      .innerJoin('round_subjects as rs', 'rs.id', 'x.round_subject_id')
      .where('rs.trust_id', '=', trustId)
      .where('rs.round_id', '=', roundId)
      .select(['x.round_subject_id', 'x.statement_id', 'x.agreed_value', 'x.not_judged'])
      .execute();
  },

  findResponse(db: Db, trustId: string, responseId: string) {
    return db
      .selectFrom('responses as x')
      .innerJoin('round_subjects as rs', 'rs.id', 'x.round_subject_id')
      .innerJoin('rounds as r', 'r.id', 'rs.round_id')
      .where('x.trust_id', '=', trustId)
      .where('x.id', '=', responseId)
      .selectAll('x')
      .select([
        'rs.school_id',
        'rs.department_id',
        'rs.liaison_person_id',
        'rs.status as subject_status',
        'rs.tool_version_id',
        'r.status as round_status',
      ])
      .executeTakeFirst();
  },

  async updateResponse(
    db: Db,
    trustId: string,
    responseId: string,
    version: number,
    changes: Partial<{
      self_value: number | null;
      self_reason: string;
      evidence: string;
      not_judged: boolean;
      not_judged_note: string;
      carried_forward: boolean;
      agreed_value: number | null;
      agreed_rationale: string;
    }>,
    personId: string | null,
  ): Promise<boolean> {
    const r = await db
      .updateTable('responses')
      .set({ ...changes, version: version + 1, updated_by: personId, updated_at: sql<Date>`now()` })
      .where('trust_id', '=', trustId)
      .where('id', '=', responseId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** Agreed judgements of the previous round, keyed by tool key, subject and statement code. */
  previousAgreed(db: Db, trustId: string, roundId: string) {
    return db
      .selectFrom('responses as x')
      .innerJoin('round_subjects as rs', 'rs.id', 'x.round_subject_id')
      .innerJoin('tool_versions as v', 'v.id', 'rs.tool_version_id')
      .innerJoin('evaluation_tools as t', 't.id', 'v.tool_id')
      .innerJoin('tool_statements as st', 'st.id', 'x.statement_id')
      .where('rs.trust_id', '=', trustId)
      .where('rs.round_id', '=', roundId)
      .select([
        't.key as tool_key',
        'rs.school_id',
        'rs.department_id',
        'rs.liaison_person_id',
        'st.code',
        'x.agreed_value',
        'x.not_judged',
        'x.not_judged_note',
      ])
      .execute();
  },

  listComments(db: Db, trustId: string, responseId: string) {
    return db
      .selectFrom('response_comments as c')
      .leftJoin('people as p', 'p.id', 'c.author_id')
      .where('c.trust_id', '=', trustId)
      .where('c.response_id', '=', responseId)
      .select(['c.id', 'c.body', 'c.created_at', 'p.name as author_name'])
      .orderBy('c.created_at')
      .execute();
  },

  insertComment(db: Db, trustId: string, responseId: string, authorId: string | null, body: string) {
    return db
      .insertInto('response_comments')
      .values({ trust_id: trustId, response_id: responseId, author_id: authorId, body })
      .returning(['id', 'body', 'created_at'])
      .executeTakeFirstOrThrow();
  },

  latestVersionIdOfTool(db: Db, trustId: string, toolVersionId: string) {
    return db
      .selectFrom('tool_versions as v')
      .innerJoin('tool_versions as latest', 'latest.tool_id', 'v.tool_id')
      .where('v.trust_id', '=', trustId)
      .where('v.id', '=', toolVersionId)
      .orderBy('latest.version', 'desc')
      .select('latest.id')
      .executeTakeFirst();
  },
};
