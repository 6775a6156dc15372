import {
  type CompletedBy,
  defaultScale,
  type ToolDefinition,
  type ToolSummary,
  type ToolVersion,
} from '../../../shared/contracts/frameworks';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import type { ScaleJson } from '../../platform/db/schema';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { frameworksRepository as repo } from './frameworks.repository';
import { loadStarterLibrary } from './starter-library';
import { parseToolCsv, parseToolJson, toolToCsv } from './tool-files';

type VersionRow = NonNullable<Awaited<ReturnType<typeof repo.findVersion>>>;

const summary = (v: VersionRow, aspectCount: number, statementCount: number): ToolSummary => ({
  id: v.tool_id,
  key: v.key,
  versionId: v.id,
  version: v.version,
  name: v.name,
  area: v.area as ToolSummary['area'],
  completedBy: v.completed_by as CompletedBy,
  description: v.description,
  aspectCount,
  statementCount,
  status: v.status as ToolSummary['status'],
});

export const DEFAULT_EVIDENCE_SOURCES = [
  'Lesson visits',
  'Work scrutiny',
  'Pupil voice',
  'Staff voice',
  'Parent voice',
  'Assessment data',
  'Attendance and behaviour data',
  'Curriculum documents',
  'Learning walks',
  'External review',
];

/** Saves one tool definition as a new version (a new tool when the key is new), inside `tx`. */
export async function saveToolVersion(
  tx: Db,
  trustId: string,
  def: ToolDefinition,
  createdBy: string | null,
) {
  const existing = await repo.findTool(tx, trustId, { key: def.key });
  const toolId = existing?.id ?? (await repo.insertTool(tx, trustId, def.key)).id;
  const version = existing ? await repo.nextVersionNumber(tx, toolId) : 1;
  const { id: versionId } = await repo.insertVersion(tx, {
    trustId,
    toolId,
    version,
    name: def.name,
    area: def.area,
    completedBy: def.completedBy,
    description: def.description ?? '',
    scale: (def.scale ?? defaultScale) as ScaleJson,
    createdBy,
  });
  const aspects = await repo.insertAspects(
    tx,
    trustId,
    versionId,
    def.aspects.map((a) => ({ title: a.title, description: a.description ?? '' })),
  );
  const aspectIds = aspects.sort((a, b) => a.position - b.position).map((a) => a.id);
  let position = 0;
  const statements = def.aspects.flatMap((a, aspectIndex) =>
    a.statements.map((s) => ({
      aspectIndex,
      position: position++,
      code: s.code,
      text: s.text,
      guidance: s.guidance ?? '',
      tags: s.tags ?? [],
    })),
  );
  await repo.insertStatements(tx, trustId, versionId, aspectIds, statements);
  return { toolId, versionId, version };
}

/** Gives a trust the starter library, framework components and evidence sources (idempotent per key). */
export async function installStarterLibrary(tx: Db, trustId: string): Promise<number> {
  const library = await loadStarterLibrary();
  await repo.insertComponents(tx, trustId, library.components);
  if ((await repo.listEvidenceSources(tx, trustId)).length === 0) {
    await repo.insertEvidenceSources(tx, trustId, DEFAULT_EVIDENCE_SOURCES);
  }
  let installed = 0;
  for (const tool of library.tools) {
    if (await repo.findTool(tx, trustId, { key: tool.key })) continue;
    await saveToolVersion(tx, trustId, tool, null);
    installed++;
  }
  return installed;
}

export function createFrameworksService(db: Db) {
  const requireRead = (actor: Actor) => {
    if (
      !actor.assignments.some((a) =>
        can(actor, 'framework.read', { trustId: actor.trustId, schoolId: a.schoolId }),
      )
    )
      throw forbidden();
  };
  const requireManage = (actor: Actor) => {
    if (!can(actor, 'framework.manage', { trustId: actor.trustId })) throw forbidden();
  };

  async function versionDetail(actor: Actor, versionId: string): Promise<ToolVersion> {
    const v = await repo.findVersion(db, actor.trustId, versionId);
    if (!v) throw notFound('Tool version');
    const [aspects, statements] = await Promise.all([
      repo.listAspects(db, actor.trustId, [versionId]),
      repo.listStatements(db, actor.trustId, [versionId]),
    ]);
    return {
      ...summary(v, aspects.length, statements.length),
      scale: v.scale,
      aspects: aspects.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        statements: statements
          .filter((s) => s.aspect_id === a.id)
          .map((s) => ({ id: s.id, code: s.code, text: s.text, guidance: s.guidance, tags: s.tags })),
      })),
    };
  }

  const toDefinition = (v: ToolVersion): ToolDefinition => ({
    key: v.key,
    name: v.name,
    area: v.area,
    completedBy: v.completedBy,
    description: v.description,
    scale: v.scale,
    aspects: v.aspects.map((a) => ({
      title: a.title,
      description: a.description,
      statements: a.statements.map((s) => ({
        code: s.code,
        text: s.text,
        guidance: s.guidance,
        tags: s.tags,
      })),
    })),
  });

  async function saveAll(actor: Actor, defs: ToolDefinition[], action: string): Promise<ToolSummary[]> {
    const saved = await db.transaction().execute(async (tx) => {
      const out: string[] = [];
      for (const def of defs) {
        const { toolId, versionId, version } = await saveToolVersion(
          tx,
          actor.trustId,
          def,
          actor.via === 'system' ? null : actor.personId,
        );
        await auditService.record(tx, actor, {
          action,
          entityType: 'evaluation_tool',
          entityId: toolId,
          changes: {
            key: def.key,
            version,
            statements: def.aspects.reduce((n, a) => n + a.statements.length, 0),
          },
        });
        out.push(versionId);
      }
      return out;
    });
    return Promise.all(saved.map(async (id) => summaryOf(await versionDetail(actor, id))));
  }

  const summaryOf = ({ scale: _s, aspects: _a, ...rest }: ToolVersion): ToolSummary => rest;

  return {
    async list(actor: Actor): Promise<ToolSummary[]> {
      requireRead(actor);
      const rows = await repo.listLatestVersions(db, actor.trustId);
      return rows.map((r) => summary(r, r.aspect_count ?? 0, r.statement_count ?? 0));
    },

    async getVersion(actor: Actor, versionId: string): Promise<ToolVersion> {
      requireRead(actor);
      return versionDetail(actor, versionId);
    },

    async getLatest(actor: Actor, toolId: string): Promise<ToolVersion> {
      requireRead(actor);
      const latest = (await repo.listLatestVersions(db, actor.trustId)).find((r) => r.tool_id === toolId);
      if (!latest) throw notFound('Tool');
      return versionDetail(actor, latest.id);
    },

    /** Creating with a new key makes a tool; saving an existing key makes its next version. */
    async save(actor: Actor, def: ToolDefinition): Promise<ToolSummary> {
      requireManage(actor);
      const [saved] = await saveAll(actor, [def], 'save_version');
      return saved!;
    },

    /** All or nothing: any error in any row rejects the whole file with its line numbers. */
    async importFile(actor: Actor, format: 'json' | 'csv', content: string): Promise<ToolSummary[]> {
      requireManage(actor);
      const parsed = format === 'json' ? parseToolJson(content) : parseToolCsv(content);
      if (!parsed.ok) {
        throw new AppError(
          400,
          'invalid_file',
          `The file has ${parsed.errors.length} problem(s); nothing was imported.`,
          {
            errors: parsed.errors.slice(0, 200),
          },
        );
      }
      return saveAll(actor, parsed.tools, 'import');
    },

    async exportTool(
      actor: Actor,
      toolId: string,
      format: 'json' | 'csv',
    ): Promise<{ filename: string; body: string }> {
      const tool = await this.getLatest(actor, toolId);
      const def = toDefinition(tool);
      return format === 'json'
        ? { filename: `${tool.key}-v${tool.version}.json`, body: `${JSON.stringify(def, null, 2)}\n` }
        : { filename: `${tool.key}-v${tool.version}.csv`, body: toolToCsv([def]) };
    },

    async installStarterLibrary(actor: Actor): Promise<number> {
      requireManage(actor);
      return db.transaction().execute((tx) => installStarterLibrary(tx, actor.trustId));
    },

    async components(actor: Actor) {
      requireRead(actor);
      const rows = await repo.listComponents(db, actor.trustId);
      return rows.map((r) => ({
        code: r.code,
        framework: r.framework,
        frameworkName: r.framework_name,
        strand: r.strand,
        label: r.label,
      }));
    },

    async evidenceSources(actor: Actor) {
      requireRead(actor);
      return repo.listEvidenceSources(db, actor.trustId);
    },

    async addEvidenceSource(actor: Actor, label: string) {
      requireManage(actor);
      const existing = await repo.listEvidenceSources(db, actor.trustId);
      const [row] = await repo.insertEvidenceSources(db, actor.trustId, [label], existing.length);
      return row!;
    },
  };
}

export type FrameworksService = ReturnType<typeof createFrameworksService>;
