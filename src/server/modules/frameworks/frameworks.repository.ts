import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { ScaleJson } from '../../platform/db/schema';

export type NewStatement = {
  aspectIndex: number;
  position: number;
  code: string;
  text: string;
  guidance: string;
  tags: string[];
};

export const frameworksRepository = {
  listComponents(db: Db, trustId: string) {
    return db
      .selectFrom('framework_components')
      .where('trust_id', '=', trustId)
      .select(['code', 'framework', 'framework_name', 'strand', 'label'])
      .orderBy('position')
      .execute();
  },

  async insertComponents(
    db: Db,
    trustId: string,
    rows: { framework: string; frameworkName: string; code: string; strand: string | null; label: string }[],
  ): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('framework_components')
      .values(
        rows.map((r, i) => ({
          trust_id: trustId,
          framework: r.framework,
          framework_name: r.frameworkName,
          code: r.code,
          strand: r.strand,
          label: r.label,
          position: i,
        })),
      )
      .onConflict((oc) => oc.columns(['trust_id', 'code']).doNothing())
      .execute();
  },

  listEvidenceSources(db: Db, trustId: string) {
    return db
      .selectFrom('evidence_sources')
      .where('trust_id', '=', trustId)
      .where('archived', '=', false)
      .select(['id', 'label'])
      .orderBy('position')
      .execute();
  },

  async insertEvidenceSources(db: Db, trustId: string, labels: string[], startAt = 0) {
    if (!labels.length) return [];
    return db
      .insertInto('evidence_sources')
      .values(labels.map((label, i) => ({ trust_id: trustId, label, position: startAt + i })))
      .returning(['id', 'label'])
      .execute();
  },

  findTool(db: Db, trustId: string, by: { id?: string; key?: string }) {
    let q = db.selectFrom('evaluation_tools').where('trust_id', '=', trustId).select(['id', 'key', 'status']);
    if (by.id) q = q.where('id', '=', by.id);
    if (by.key) q = q.where('key', '=', by.key);
    return q.executeTakeFirst();
  },

  insertTool(db: Db, trustId: string, key: string) {
    return db
      .insertInto('evaluation_tools')
      .values({ trust_id: trustId, key })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  async nextVersionNumber(db: Db, toolId: string): Promise<number> {
    const r = await db
      .selectFrom('tool_versions')
      .where('tool_id', '=', toolId)
      .select(sql<number>`coalesce(max(version), 0)::int`.as('v'))
      .executeTakeFirstOrThrow();
    return r.v + 1;
  },

  insertVersion(
    db: Db,
    v: {
      trustId: string;
      toolId: string;
      version: number;
      name: string;
      area: string;
      completedBy: string;
      description: string;
      scale: ScaleJson;
      createdBy: string | null;
    },
  ) {
    return db
      .insertInto('tool_versions')
      .values({
        trust_id: v.trustId,
        tool_id: v.toolId,
        version: v.version,
        name: v.name,
        area: v.area,
        completed_by: v.completedBy,
        description: v.description,
        scale: JSON.stringify(v.scale),
        created_by: v.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  insertAspects(
    db: Db,
    trustId: string,
    versionId: string,
    aspects: { title: string; description: string }[],
  ) {
    return db
      .insertInto('tool_aspects')
      .values(aspects.map((a, i) => ({ trust_id: trustId, tool_version_id: versionId, position: i, ...a })))
      .returning(['id', 'position'])
      .execute();
  },

  async insertStatements(
    db: Db,
    trustId: string,
    versionId: string,
    aspectIds: string[],
    rows: NewStatement[],
  ) {
    await db
      .insertInto('tool_statements')
      .values(
        rows.map((s) => ({
          trust_id: trustId,
          tool_version_id: versionId,
          aspect_id: aspectIds[s.aspectIndex]!,
          position: s.position,
          code: s.code,
          text: s.text,
          guidance: s.guidance,
          tags: s.tags,
        })),
      )
      .execute();
  },

  /** The latest version of every tool in the trust, with counts for the library list. */
  listLatestVersions(db: Db, trustId: string) {
    return db
      .selectFrom('tool_versions as v')
      .innerJoin('evaluation_tools as t', 't.id', 'v.tool_id')
      .where('v.trust_id', '=', trustId)
      .where((eb) =>
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('tool_versions as v2')
            .whereRef('v2.tool_id', '=', 'v.tool_id')
            .select(sql<number>`max(v2.version)`.as('m')),
        ),
      )
      .select([
        't.id as tool_id',
        't.key',
        't.status',
        'v.id',
        'v.version',
        'v.name',
        'v.area',
        'v.completed_by',
        'v.description',
        'v.scale',
      ])
      .select((eb) => [
        eb
          .selectFrom('tool_aspects as a')
          .whereRef('a.tool_version_id', '=', 'v.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('aspect_count'),
        eb
          .selectFrom('tool_statements as s')
          .whereRef('s.tool_version_id', '=', 'v.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('statement_count'),
      ])
      .orderBy('v.name')
      .execute();
  },

  findVersion(db: Db, trustId: string, versionId: string) {
    return db
      .selectFrom('tool_versions as v')
      .innerJoin('evaluation_tools as t', 't.id', 'v.tool_id')
      .where('v.trust_id', '=', trustId)
      .where('v.id', '=', versionId)
      .select([
        't.id as tool_id',
        't.key',
        't.status',
        'v.id',
        'v.version',
        'v.name',
        'v.area',
        'v.completed_by',
        'v.description',
        'v.scale',
      ])
      .executeTakeFirst();
  },

  listAspects(db: Db, trustId: string, versionIds: readonly string[]) {
    if (!versionIds.length) return Promise.resolve([]);
    return db
      .selectFrom('tool_aspects')
      .where('trust_id', '=', trustId)
      .where('tool_version_id', 'in', versionIds)
      .select(['id', 'tool_version_id', 'title', 'description', 'position'])
      .orderBy('position')
      .execute();
  },

  statementsByIds(db: Db, trustId: string, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('tool_statements')
      .where('trust_id', '=', trustId)
      .where('id', 'in', ids)
      .select(['id', 'code', 'text', 'tags'])
      .execute();
  },

  listStatements(db: Db, trustId: string, versionIds: readonly string[]) {
    if (!versionIds.length) return Promise.resolve([]);
    return db
      .selectFrom('tool_statements')
      .where('trust_id', '=', trustId)
      .where('tool_version_id', 'in', versionIds)
      .select(['id', 'tool_version_id', 'aspect_id', 'code', 'text', 'guidance', 'tags', 'position'])
      .orderBy('position')
      .execute();
  },
};
