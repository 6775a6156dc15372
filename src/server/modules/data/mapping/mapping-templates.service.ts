import {
  type CreateMappingBody,
  importMapping,
  type MappingTemplate,
  type UpdateMappingBody,
} from '../../../../shared/contracts/import-mapping';
import type { Actor } from '../../../platform/auth/actor';
import { canAnywhere } from '../../../platform/auth/policy';
import type { Db } from '../../../platform/db/database';
import { conflict, forbidden, notFound, staleVersion } from '../../../platform/errors';
import { auditService } from '../../audit/audit.service';
import { mappingRepository as repo } from './mapping.repository';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>;

const present = (r: Row): MappingTemplate => ({
  id: r.id,
  name: r.name,
  source: r.source,
  layout: r.layout as MappingTemplate['layout'],
  // Stored documents were validated on the way in; parsing again fills defaults added since.
  mapping: importMapping.parse(r.mapping),
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Named column mappings shared across the trust: anyone who imports pupil data somewhere may use,
 * save and change them (a mapping holds no pupil data, only column names and assessment labels).
 */
export function createMappingTemplatesService(db: Db) {
  const allowed = (actor: Actor) => {
    if (!canAnywhere(actor, 'pupil.import')) throw forbidden();
  };
  const duplicate = () => conflict('The trust already has a mapping with this name.', { field: 'name' });

  return {
    async list(actor: Actor): Promise<MappingTemplate[]> {
      allowed(actor);
      return (await repo.listTemplates(db, actor.trustId)).map(present);
    },

    /** A template for an import: by id (HTTP) or by name (the CLI's --mapping). */
    async find(actor: Actor, by: { id: string } | { name: string }): Promise<MappingTemplate> {
      allowed(actor);
      const row =
        'id' in by
          ? await repo.findTemplate(db, actor.trustId, by.id)
          : await repo.findTemplateByName(db, actor.trustId, by.name);
      if (!row) throw notFound('id' in by ? 'Mapping' : `A mapping named "${by.name}"`);
      return present(row);
    },

    async create(actor: Actor, body: CreateMappingBody): Promise<MappingTemplate> {
      allowed(actor);
      if (await repo.nameTaken(db, actor.trustId, body.name)) throw duplicate();
      const row = await db.transaction().execute(async (tx) => {
        const created = await repo.insertTemplate(tx, {
          trustId: actor.trustId,
          name: body.name,
          source: body.source,
          layout: body.mapping.layout,
          mapping: body.mapping,
          createdBy: actor.via === 'system' ? null : actor.personId,
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'import_mapping',
          entityId: created.id,
          changes: { name: body.name, source: body.source, layout: body.mapping.layout },
        });
        return created;
      });
      return present(row);
    },

    async update(actor: Actor, id: string, body: UpdateMappingBody): Promise<MappingTemplate> {
      const before = await this.find(actor, { id });
      if (body.name && (await repo.nameTaken(db, actor.trustId, body.name, id))) throw duplicate();
      const row = await db.transaction().execute(async (tx) => {
        const updated = await repo.updateTemplate(tx, actor.trustId, id, body.version, {
          name: body.name,
          source: body.source,
          mapping: body.mapping,
          ...(body.mapping ? { layout: body.mapping.layout } : {}),
        });
        if (!updated) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'import_mapping',
          entityId: id,
          changes: {
            ...(body.name !== undefined && body.name !== before.name
              ? { name: [before.name, body.name] }
              : {}),
            ...(body.source !== undefined ? { source: body.source } : {}),
            ...(body.mapping ? { mapping: 'changed' } : {}),
          },
        });
        return updated;
      });
      return present(row);
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      const before = await this.find(actor, { id });
      await db.transaction().execute(async (tx) => {
        if (!(await repo.deleteTemplate(tx, actor.trustId, id, version))) throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'delete',
          entityType: 'import_mapping',
          entityId: id,
          changes: { name: before.name },
        });
      });
    },
  };
}
export type MappingTemplatesService = ReturnType<typeof createMappingTemplatesService>;
