import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { ImpactJson } from '../../platform/db/schema';

export type CaseStudyValues = {
  title: string;
  schoolCount: number;
  region: string;
  phase: string;
  demographics: Record<string, number | null>;
  problem: string;
  approach: string;
  eefPhases: { phase: string; summary: string }[];
  impact: ImpactJson;
  lessons: string;
  doDifferently: string;
  contacts: { name: string; role: string; email: string }[];
  componentCodes: string[];
  statementIds: string[];
  visibility: string;
};

const columns = (v: Partial<CaseStudyValues>) => {
  const out: Record<string, unknown> = {};
  if (v.title !== undefined) out.title = v.title;
  if (v.schoolCount !== undefined) out.school_count = v.schoolCount;
  if (v.region !== undefined) out.region = v.region;
  if (v.phase !== undefined) out.phase = v.phase;
  if (v.demographics !== undefined) out.demographics = JSON.stringify(v.demographics);
  if (v.problem !== undefined) out.problem = v.problem;
  if (v.approach !== undefined) out.approach = v.approach;
  if (v.eefPhases !== undefined) out.eef_phases = JSON.stringify(v.eefPhases);
  if (v.impact !== undefined) {
    out.impact = JSON.stringify(v.impact);
    out.measure_kinds = [...new Set(v.impact.map((m) => m.kind))];
  }
  if (v.lessons !== undefined) out.lessons = v.lessons;
  if (v.doDifferently !== undefined) out.do_differently = v.doDifferently;
  if (v.contacts !== undefined) out.contacts = JSON.stringify(v.contacts);
  if (v.componentCodes !== undefined) out.component_codes = v.componentCodes;
  if (v.statementIds !== undefined) out.statement_ids = v.statementIds;
  if (v.visibility !== undefined) out.visibility = v.visibility;
  return out;
};

/** Which case studies a reader may see: published ones of their trust, shared ones of any trust, and drafts in scope. */
export type Visibility = {
  trustId: string;
  /** Drafts and those in review: of every school ('all'), of these schools, or none. */
  drafts: 'all' | string[];
};

function visibleTo(v: Visibility): RawBuilder<boolean> {
  const draftScope =
    v.drafts === 'all'
      ? sql`true`
      : v.drafts.length
        ? sql`cs.school_id = any(${v.drafts}::uuid[])`
        : sql`false`;
  return sql<boolean>`((cs.trust_id = ${v.trustId} and (cs.status = 'published' or ${draftScope}))
    or (cs.trust_id <> ${v.trustId} and cs.status = 'published' and cs.visibility = 'all_trusts'))`;
}

export type SearchFilters = {
  q?: string;
  component?: string;
  phase?: string;
  region?: string;
  measure?: string;
  status?: 'published' | 'mine';
  limit: number;
};

export type SummaryRow = {
  id: string;
  trust_id: string;
  trust_name: string;
  school_name: string | null;
  title: string;
  region: string;
  phase: string;
  status: string;
  visibility: string;
  component_codes: string[];
  measure_kinds: string[];
  snippet: string;
  rank: number;
  updated_at: Date;
};

const headlineOptions =
  'StartSel=[[, StopSel=]], MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

export const libraryRepository = {
  async insert(
    db: Db,
    c: CaseStudyValues & {
      trustId: string;
      schoolId: string | null;
      sourcePriorityId: string | null;
      createdBy: string | null;
      status?: string;
    },
  ): Promise<string> {
    const row = await db
      .insertInto('case_studies')
      .values({
        ...(columns(c) as object),
        title: c.title,
        trust_id: c.trustId,
        school_id: c.schoolId,
        source_priority_id: c.sourcePriorityId,
        created_by: c.createdBy,
        ...(c.status ? { status: c.status, published_at: c.status === 'published' ? new Date() : null } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** A case study of the reader's trust, or one another trust shares with every trust. */
  find(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('case_studies as cs')
      .innerJoin('trusts as t', 't.id', 'cs.trust_id')
      .leftJoin('schools as s', 's.id', 'cs.school_id')
      .where('cs.id', '=', id)
      .where((eb) =>
        eb.or([
          eb('cs.trust_id', '=', trustId),
          eb.and([eb('cs.status', '=', 'published'), eb('cs.visibility', '=', 'all_trusts')]),
        ]),
      )
      .selectAll('cs')
      .select(['t.name as trust_name', 's.name as school_name'])
      .executeTakeFirst();
  },

  /** Updates when the version matches; false when someone else changed it first. */
  async update(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    v: Partial<CaseStudyValues> & {
      status?: string;
      reviewNote?: string;
      reviewedBy?: string | null;
      publishedAt?: Date | null;
    },
  ): Promise<boolean> {
    const extra: Record<string, unknown> = {};
    if (v.status !== undefined) extra.status = v.status;
    if (v.reviewNote !== undefined) extra.review_note = v.reviewNote;
    if (v.reviewedBy !== undefined) extra.reviewed_by = v.reviewedBy;
    if (v.publishedAt !== undefined) extra.published_at = v.publishedAt;
    const res = await db
      .updateTable('case_studies')
      .set({ ...columns(v), ...extra, version: version + 1, updated_at: new Date() })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Ranked full-text search; headlines are made only for the rows returned. */
  async search(db: Db, v: Visibility, f: SearchFilters): Promise<SummaryRow[]> {
    const conditions: RawBuilder<unknown>[] = [visibleTo(v)];
    if (f.component) conditions.push(sql`cs.component_codes @> ${[f.component]}::text[]`);
    if (f.measure) conditions.push(sql`cs.measure_kinds @> ${[f.measure]}::text[]`);
    if (f.phase) conditions.push(sql`cs.phase = ${f.phase}`);
    if (f.region) conditions.push(sql`cs.region = ${f.region}`);
    if (f.status === 'published') conditions.push(sql`cs.status = 'published'`);
    if (f.status === 'mine') conditions.push(sql`cs.trust_id = ${v.trustId} and cs.status <> 'published'`);
    const q = f.q?.trim();
    if (q) conditions.push(sql`cs.search @@ websearch_to_tsquery('english', ${q})`);
    const where = sql.join(conditions, sql` and `);
    const rank = q ? sql`ts_rank_cd(cs.search, websearch_to_tsquery('english', ${q}))` : sql`0`;
    const order = q ? sql`rank desc, cs.updated_at desc` : sql`cs.updated_at desc`;
    const snippet = q
      ? sql`ts_headline('english', top.problem || ' ' || top.approach || ' ' || top.lessons, websearch_to_tsquery('english', ${q}), ${headlineOptions})`
      : sql`left(top.problem, 240)`;
    const { rows } = await sql<SummaryRow>`
      select top.id, top.trust_id, t.name as trust_name, s.name as school_name, top.title, top.region,
             top.phase, top.status, top.visibility, top.component_codes, top.measure_kinds, top.rank,
             top.updated_at, ${snippet} as snippet
      from (
        select cs.id, cs.trust_id, cs.school_id, cs.title, cs.region, cs.phase, cs.status, cs.visibility,
               cs.component_codes, cs.measure_kinds, cs.updated_at, cs.problem, cs.approach, cs.lessons,
               ${rank}::float8 as rank
        from case_studies cs
        where ${where}
        order by ${order}
        limit ${f.limit}
      ) top
      join trusts t on t.id = top.trust_id
      left join schools s on s.id = top.school_id
      order by top.rank desc, top.updated_at desc`.execute(db);
    return rows;
  },

  /** Regions and phases among the case studies a reader may see, for the filter menus. */
  async facets(db: Db, v: Visibility) {
    const { rows } = await sql<{ region: string; phase: string }>`
      select distinct cs.region, cs.phase from case_studies cs where ${visibleTo(v)}`.execute(db);
    return {
      regions: [...new Set(rows.map((r) => r.region).filter(Boolean))].sort(),
      phases: [...new Set(rows.map((r) => r.phase).filter(Boolean))].sort(),
    };
  },

  /** Published case studies sharing components or statements with the given ones, most overlap first. */
  async matching(db: Db, v: Visibility, codes: string[], statementIds: string[], limit = 10) {
    if (!codes.length && !statementIds.length) return [];
    const { rows } = await sql<SummaryRow & { matched: string[] }>`
      select cs.id, cs.trust_id, t.name as trust_name, s.name as school_name, cs.title, cs.region, cs.phase,
             cs.status, cs.visibility, cs.component_codes, cs.measure_kinds, cs.updated_at,
             left(cs.problem, 240) as snippet,
             array(select unnest(cs.component_codes) intersect select unnest(${codes}::text[])) as matched,
             (cardinality(array(select unnest(cs.component_codes) intersect select unnest(${codes}::text[])))
              + 2 * cardinality(array(select unnest(cs.statement_ids) intersect select unnest(${statementIds}::uuid[]))))::float8 as rank
      from case_studies cs
      join trusts t on t.id = cs.trust_id
      left join schools s on s.id = cs.school_id
      where ${visibleTo(v)} and cs.status = 'published'
        and (cs.component_codes && ${codes}::text[] or cs.statement_ids && ${statementIds}::uuid[])
      order by rank desc, cs.published_at desc nulls last
      limit ${limit}`.execute(db);
    return rows;
  },

  /** Statements judged below Secure for a school in its latest round with judgements. */
  async weakStatements(db: Db, trustId: string, schoolId: string, agreedOnly: boolean) {
    const value = agreedOnly ? sql`r.agreed_value` : sql`coalesce(r.agreed_value, r.self_value)`;
    const latest = await sql<{ id: string; name: string }>`
      select ro.id, ro.name from rounds ro
      join round_subjects rs on rs.round_id = ro.id
      join responses r on r.round_subject_id = rs.id
      where ro.trust_id = ${trustId} and rs.school_id = ${schoolId} and ${value} is not null
      order by ro.opens_on desc, ro.created_at desc
      limit 1`.execute(db);
    const round = latest.rows[0];
    if (!round) return { round: null, statements: [] };
    const { rows } = await sql<{ statement_id: string; tags: string[] }>`
      select r.statement_id, st.tags
      from responses r
      join round_subjects rs on rs.id = r.round_subject_id
      join tool_versions tv on tv.id = rs.tool_version_id
      join tool_statements st on st.id = r.statement_id
      where rs.trust_id = ${trustId} and rs.school_id = ${schoolId} and rs.round_id = ${round.id}
        and ${value} < (tv.scale->>'secureValue')::int`.execute(db);
    return { round, statements: rows };
  },

  componentsByCodes(db: Db, trustId: string, codes: readonly string[]) {
    if (!codes.length) return Promise.resolve([]);
    return db
      .selectFrom('framework_components')
      .where('trust_id', '=', trustId)
      .where('code', 'in', codes)
      .select(['code', 'strand', 'label'])
      .orderBy('position')
      .execute();
  },

  /** Everything that identifies a pupil of the trust, to keep it out of what is published. */
  async pupilIdentifiers(db: Db, trustId: string) {
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .select(['id', 'upn', 'given_name', 'family_name', 'date_of_birth'])
      .execute();
  },

  // --- The EEF Teaching and Learning Toolkit reference list ---

  listStrands(db: Db, trustId: string) {
    return db
      .selectFrom('toolkit_strands')
      .where('trust_id', '=', trustId)
      .selectAll()
      .orderBy('position')
      .execute();
  },

  async insertStrands(
    db: Db,
    trustId: string,
    rows: {
      slug: string;
      name: string;
      summary: string;
      cost: number;
      evidenceStrength: number;
      monthsImpact: number;
    }[],
  ): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('toolkit_strands')
      .values(
        rows.map((r, i) => ({
          trust_id: trustId,
          slug: r.slug,
          name: r.name,
          summary: r.summary,
          cost: r.cost,
          evidence_strength: r.evidenceStrength,
          months_impact: r.monthsImpact,
          position: i,
        })),
      )
      .onConflict((oc) => oc.columns(['trust_id', 'slug']).doNothing())
      .execute();
  },

  findStrand(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('toolkit_strands')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
  },

  async updateStrand(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    v: { name?: string; summary?: string; cost?: number; evidenceStrength?: number; monthsImpact?: number },
  ): Promise<boolean> {
    const res = await db
      .updateTable('toolkit_strands')
      .set({
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(v.summary !== undefined ? { summary: v.summary } : {}),
        ...(v.cost !== undefined ? { cost: v.cost } : {}),
        ...(v.evidenceStrength !== undefined ? { evidence_strength: v.evidenceStrength } : {}),
        ...(v.monthsImpact !== undefined ? { months_impact: v.monthsImpact } : {}),
        version: version + 1,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  listPriorityStrands(db: Db, trustId: string, priorityId: string) {
    return db
      .selectFrom('priority_toolkit_strands as ps')
      .innerJoin('toolkit_strands as s', 's.id', 'ps.strand_id')
      .where('ps.trust_id', '=', trustId)
      .where('ps.priority_id', '=', priorityId)
      .selectAll('s')
      .select('ps.note')
      .orderBy('s.position')
      .execute();
  },

  async replacePriorityStrands(
    db: Db,
    trustId: string,
    priorityId: string,
    strands: { strandId: string; note: string }[],
  ): Promise<void> {
    await db
      .deleteFrom('priority_toolkit_strands')
      .where('trust_id', '=', trustId)
      .where('priority_id', '=', priorityId)
      .execute();
    if (!strands.length) return;
    await db
      .insertInto('priority_toolkit_strands')
      .values(
        strands.map((s) => ({
          trust_id: trustId,
          priority_id: priorityId,
          strand_id: s.strandId,
          note: s.note,
        })),
      )
      .execute();
  },
};
