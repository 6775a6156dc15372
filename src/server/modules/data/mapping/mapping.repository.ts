import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { RejectedRowJson } from '../../../platform/db/schema';

const columns = ['id', 'name', 'source', 'layout', 'mapping', 'version', 'updated_at'] as const;

/** Saved column mappings (per trust) and the few reads the mapped results import needs. */
export const mappingRepository = {
  listTemplates(db: Db, trustId: string) {
    return db
      .selectFrom('import_mappings')
      .where('trust_id', '=', trustId)
      .select(columns)
      .orderBy('name')
      .execute();
  },

  findTemplate(db: Db, trustId: string, id: string) {
    return db
      .selectFrom('import_mappings')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .select(columns)
      .executeTakeFirst();
  },

  findTemplateByName(db: Db, trustId: string, name: string) {
    return db
      .selectFrom('import_mappings')
      .where('trust_id', '=', trustId)
      .where('name', '=', name)
      .select(columns)
      .executeTakeFirst();
  },

  async nameTaken(db: Db, trustId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = db.selectFrom('import_mappings').where('trust_id', '=', trustId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.select('id').executeTakeFirst()) !== undefined;
  },

  insertTemplate(
    db: Db,
    t: {
      trustId: string;
      name: string;
      source: string;
      layout: string;
      mapping: object;
      createdBy: string | null;
    },
  ) {
    return db
      .insertInto('import_mappings')
      .values({
        trust_id: t.trustId,
        name: t.name,
        source: t.source,
        layout: t.layout,
        mapping: JSON.stringify(t.mapping),
        created_by: t.createdBy,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** Optimistic update: only while the row still has the version the editor saw. */
  updateTemplate(
    db: Db,
    trustId: string,
    id: string,
    version: number,
    c: {
      name?: string | undefined;
      source?: string | undefined;
      layout?: string;
      mapping?: object | undefined;
    },
  ) {
    return db
      .updateTable('import_mappings')
      .set({
        ...(c.name !== undefined ? { name: c.name } : {}),
        ...(c.source !== undefined ? { source: c.source } : {}),
        ...(c.layout !== undefined ? { layout: c.layout } : {}),
        ...(c.mapping !== undefined ? { mapping: JSON.stringify(c.mapping) } : {}),
        version: version + 1,
        updated_at: sql<Date>`now()`,
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(columns)
      .executeTakeFirst();
  },

  async deleteTemplate(db: Db, trustId: string, id: string, version: number): Promise<boolean> {
    const r = await db
      .deleteFrom('import_mappings')
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  /** The pupils of the trust among these UPNs, with their school (for the preview's pupil check). */
  pupilsByUpn(db: Db, trustId: string, upns: string[]) {
    if (upns.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('pupils')
      .where('trust_id', '=', trustId)
      .where('upn', 'in', upns)
      .select(['upn', 'school_id'])
      .execute();
  },

  /** A mapped import's rejected rows, renumbered to the rows and columns of the file as uploaded. */
  async replaceRejected(db: Db, trustId: string, jobId: string, rejected: RejectedRowJson[]): Promise<void> {
    await db
      .updateTable('import_jobs')
      .set({ rejected: JSON.stringify(rejected) })
      .where('trust_id', '=', trustId)
      .where('id', '=', jobId)
      .execute();
  },
};
