import type { GiasPreview, ImportGiasBody } from '../../../shared/contracts/attendance';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { defaultYearGroups } from '../org/year-groups';
import { giasRepository as repo } from './gias.repository';
import { type GiasSelection, type Phase, parseEstablishments, parseGroupLinks } from './gias-file';
import { type GiasPlan, planGiasChanges, type SchoolFields } from './gias-plan';
import { fromBase64, runRecordImport } from './record-import';

const presentPlan = (p: GiasPlan): GiasPreview => ({
  create: p.create.map((c) => ({
    urn: c.urn,
    name: c.fields.name,
    phase: c.fields.phase,
    joinedTrustOn: c.fields.joined_trust_on,
  })),
  update: p.update.map((u) => ({ urn: u.urn, name: u.name, changes: u.changes })),
  unchanged: p.unchanged,
  unknownUrns: p.unknownUrns,
  closedNotAdded: p.closedNotAdded,
  leftAlone: p.leftAlone,
});

/**
 * GIAS establishment (and group links) extracts into the trust's schools: new schools created,
 * existing ones brought up to date, join dates set from the links file. The dry run returns the
 * same plan as a preview. Without URNs or a group, only the trust's existing schools are read.
 */
export function createGiasImportService(db: Db) {
  return {
    async importGias(actor: Actor, body: ImportGiasBody) {
      const trust = { trustId: actor.trustId };
      if (!can(actor, 'data.import', trust) || !can(actor, 'school.create', trust)) throw forbidden();
      const bytes = fromBase64(body.establishmentsBase64);
      const sel: GiasSelection = {
        ...(body.urns ? { urns: body.urns } : {}),
        ...(body.groupUid ? { groupUid: body.groupUid } : {}),
        ...(body.groupName ? { groupName: body.groupName } : {}),
      };
      let preview: GiasPreview | null = null;
      const job = await runRecordImport(
        db,
        actor,
        { kind: 'gias', filename: body.filename, bytes, dryRun: body.dryRun },
        async (tx) => {
          const stored = await repo.storedSchools(tx, actor.trustId);
          const links = body.linksBase64
            ? parseGroupLinks(fromBase64(body.linksBase64), sel)
            : { links: [], rejected: [], rowsRead: 0 };
          const asked = body.urns ?? [];
          const wanted = new Set([...links.links.map((l) => l.urn), ...asked]);
          // With nothing named, the trust's own schools are the selection: updated, never added to.
          if (!body.urns && !body.groupUid && !body.groupName) for (const s of stored) wanted.add(s.urn);
          const parsed = parseEstablishments(bytes, sel, wanted);
          const plan = planGiasChanges(stored, parsed.establishments, links.links, asked);
          preview = presentPlan(plan);
          // Problems in the links file are reported on its own rows, after the extract's.
          const rejected = [
            ...parsed.rejected,
            ...links.rejected.map((r) => ({ ...r, column: `links: ${r.column}` })),
          ];
          return {
            rowsRead: parsed.rowsRead,
            accepted: parsed.establishments.length,
            rejected,
            audit: {
              created: plan.create.length,
              updated: plan.update.length,
              unknownUrns: plan.unknownUrns,
            },
            write: async (w) => {
              for (const c of plan.create) {
                const id = await repo.insertSchool(w, actor.trustId, c.urn, c.fields);
                await orgRepository.insertYearGroups(
                  w,
                  actor.trustId,
                  id,
                  // The plan's phases come from phaseOf, which only gives the phases a school may have.
                  defaultYearGroups(c.fields.phase as Phase),
                );
                await auditService.record(w, actor, {
                  action: 'create',
                  entityType: 'school',
                  entityId: id,
                  schoolId: id,
                  changes: { source: 'gias', after: { urn: c.urn, ...c.fields } },
                });
              }
              for (const u of plan.update) {
                const set = Object.fromEntries(
                  u.changes.map((c) => [c.field, c.to]),
                ) as Partial<SchoolFields>;
                if (!(await repo.updateSchool(w, actor.trustId, u.schoolId, u.version, set)))
                  throw staleVersion();
                await auditService.record(w, actor, {
                  action: 'update',
                  entityType: 'school',
                  entityId: u.schoolId,
                  schoolId: u.schoolId,
                  changes: { source: 'gias', changes: u.changes },
                });
              }
            },
          };
        },
      );
      return { ...job, preview: preview! };
    },
  };
}

export type GiasImportService = ReturnType<typeof createGiasImportService>;
