import type { CreateGradeSetBody, GradeSet, UpdateGradeSetBody } from '../../../shared/contracts/grade-sets';
import type { Actor } from '../../platform/auth/actor';
import { canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import {
  BUILT_IN_GRADE_SETS,
  COMMON_NON_RESULTS,
  isBuiltInKey,
  removedGrades,
  scaleProblems,
} from './grade-set';
import { gradeSetsRepository as repo } from './grade-sets.repository';

/**
 * Every grade set the trust can use: the built-in ones first, then its own by name. This is what
 * an importer should read results with (through `gradeReader`).
 */
export async function gradeSetsForTrust(db: Db, trustId: string): Promise<GradeSet[]> {
  const [own, inUse] = await Promise.all([repo.list(db, trustId), repo.keysInUse(db, trustId)]);
  return [
    ...BUILT_IN_GRADE_SETS.map((s) => ({
      id: null,
      key: s.key,
      name: s.name,
      builtIn: true,
      scale: s.scale,
      nonResults: [...s.nonResults],
      inUse: inUse.has(s.key),
      version: null,
    })),
    ...own.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      builtIn: false,
      scale: s.scale,
      nonResults: s.non_results,
      inUse: inUse.has(s.key),
      version: s.version,
    })),
  ];
}

/** Trust-wide scales, so anyone who may manage grade sets anywhere in the trust manages them. */
function requireManage(actor: Actor): void {
  if (!canAnywhere(actor, 'gradeset.manage')) throw forbidden();
}
function requireRead(actor: Actor): void {
  if (!canAnywhere(actor, 'calendar.read')) throw forbidden();
}

const upper = (codes: readonly string[]) => [...new Set(codes.map((c) => c.toUpperCase()))];

export function createGradeSetsService(db: Db) {
  async function one(actor: Actor, id: string): Promise<GradeSet> {
    const found = (await gradeSetsForTrust(db, actor.trustId)).find((s) => s.id === id);
    if (!found) throw notFound('Grade set');
    return found;
  }

  return {
    async list(actor: Actor) {
      requireRead(actor);
      return { gradeSets: await gradeSetsForTrust(db, actor.trustId) };
    },

    async create(actor: Actor, body: CreateGradeSetBody): Promise<GradeSet> {
      requireManage(actor);
      if (isBuiltInKey(body.key))
        throw conflict(`${body.key} is a built-in grade set; choose another key.`, { field: 'key' });
      const nonResults = upper(body.nonResults ?? COMMON_NON_RESULTS);
      const problems = scaleProblems(body.scale, nonResults);
      if (problems.length) throw badRequest(problems[0]!.message, { fields: problems });
      const id = await db.transaction().execute(async (tx) => {
        if (await repo.findByKey(tx, actor.trustId, body.key))
          throw conflict(`The trust already has a grade set with the key ${body.key}.`, { field: 'key' });
        const { id } = await repo.insert(tx, actor.trustId, {
          key: body.key,
          name: body.name,
          scale: body.scale,
          nonResults,
        });
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'grade_set',
          entityId: id,
          changes: { key: body.key, name: body.name, scale: body.scale, nonResults },
        });
        return id;
      });
      return one(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateGradeSetBody): Promise<GradeSet> {
      requireManage(actor);
      await db.transaction().execute(async (tx) => {
        const before = await repo.find(tx, actor.trustId, id);
        if (!before) throw notFound('Grade set');
        if (before.version !== body.version) throw staleVersion();
        const scale = body.scale ?? before.scale;
        const nonResults = body.nonResults ? upper(body.nonResults) : before.non_results;
        const problems = scaleProblems(scale, nonResults);
        if (problems.length) throw badRequest(problems[0]!.message, { fields: problems });
        if ((await repo.keysInUse(tx, actor.trustId)).has(before.key)) {
          const lost = removedGrades(before.scale, scale);
          if (lost) throw conflict(lost, { field: 'scale' });
        }
        const name = body.name ?? before.name;
        if (!(await repo.update(tx, actor.trustId, id, body.version, { name, scale, nonResults })))
          throw staleVersion();
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'grade_set',
          entityId: id,
          changes: {
            ...(body.name !== undefined && { name: { from: before.name, to: name } }),
            ...(body.scale && { scale: { from: before.scale, to: scale } }),
            ...(body.nonResults && { nonResults: { from: before.non_results, to: nonResults } }),
          },
        });
      });
      return one(actor, id);
    },
  };
}

export type GradeSetsService = ReturnType<typeof createGradeSetsService>;
