import type {
  CreateSchoolBody,
  Department,
  School,
  SchoolDetail,
  Trust,
  UpdateDepartmentBody,
  UpdateSchoolBody,
} from '../../../shared/contracts/org';
import type { Actor } from '../../platform/auth/actor';
import { can, canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService, diff } from '../audit/audit.service';
import { orgRepository, type SchoolRecord } from './org.repository';
import { defaultYearGroups } from './year-groups';

type SchoolRow = NonNullable<SchoolRecord>;

const presentSchool = (s: SchoolRow): School => ({
  id: s.id,
  urn: s.urn,
  name: s.name,
  phase: s.phase as School['phase'],
  localAuthority: s.local_authority,
  joinedTrustOn: s.joined_trust_on,
  status: s.status as School['status'],
  version: s.version,
  departmentCount: s.department_count ?? 0,
});

const presentDepartment = (d: {
  id: string;
  school_id: string;
  name: string;
  status: string;
  version: number;
}): Department => ({
  id: d.id,
  schoolId: d.school_id,
  name: d.name,
  status: d.status as Department['status'],
  version: d.version,
});

export function createOrgService(db: Db) {
  /** Loads a school of the actor's trust (404 otherwise) and checks the action on it (403). */
  async function authorisedSchool(actor: Actor, action: Parameters<typeof can>[1], schoolId: string) {
    const school = await orgRepository.findSchool(db, actor.trustId, schoolId);
    if (!school) throw notFound('School');
    if (!can(actor, action, { trustId: actor.trustId, schoolId })) throw forbidden();
    return school;
  }

  async function authorisedDepartment(actor: Actor, action: Parameters<typeof can>[1], departmentId: string) {
    const dept = await orgRepository.findDepartment(db, actor.trustId, departmentId);
    if (!dept) throw notFound('Department');
    if (!can(actor, action, { trustId: actor.trustId, schoolId: dept.school_id, departmentId }))
      throw forbidden();
    return dept;
  }

  return {
    /** Trusts are created from the server's shell (`sip trusts create`), not over HTTP. */
    async createTrust(name: string): Promise<Trust> {
      const { id } = await orgRepository.insertTrust(db, name);
      return { id, name, isDemo: false };
    },

    async listTrusts(): Promise<Trust[]> {
      const rows = await orgRepository.listTrusts(db);
      return rows.map((t) => ({ id: t.id, name: t.name, isDemo: t.is_demo }));
    },

    async trust(actor: Actor): Promise<Trust> {
      if (!canAnywhere(actor, 'school.read')) throw forbidden();
      const trust = await orgRepository.findTrust(db, actor.trustId);
      if (!trust) throw notFound('Trust');
      return { id: trust.id, name: trust.name, isDemo: trust.is_demo };
    },

    /** Schools the actor may see: all for trust-wide roles, their own for school and department roles. */
    async listSchools(actor: Actor): Promise<School[]> {
      const rows = await orgRepository.listSchools(db, actor.trustId);
      return rows
        .filter((s) => can(actor, 'school.read', { trustId: actor.trustId, schoolId: s.id }))
        .map(presentSchool);
    },

    async getSchool(actor: Actor, schoolId: string): Promise<SchoolDetail> {
      const school = await authorisedSchool(actor, 'school.read', schoolId);
      const yearGroups = await orgRepository.listYearGroups(db, actor.trustId, schoolId);
      return { ...presentSchool(school), yearGroups };
    },

    async createSchool(actor: Actor, body: CreateSchoolBody): Promise<SchoolDetail> {
      if (!can(actor, 'school.create', { trustId: actor.trustId })) throw forbidden();
      if (await orgRepository.urnTaken(db, actor.trustId, body.urn)) {
        throw conflict('A school with this URN is already in the trust.', { field: 'urn' });
      }
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await orgRepository.insertSchool(trx, {
          trust_id: actor.trustId,
          urn: body.urn,
          name: body.name,
          phase: body.phase,
          local_authority: body.localAuthority,
          joined_trust_on: body.joinedTrustOn ?? null,
        });
        await orgRepository.insertYearGroups(trx, actor.trustId, id, defaultYearGroups(body.phase));
        await auditService.record(trx, actor, {
          action: 'create',
          entityType: 'school',
          entityId: id,
          schoolId: id,
          changes: { after: body },
        });
        return id;
      });
      return this.getSchool(actor, id);
    },

    async updateSchool(actor: Actor, schoolId: string, body: UpdateSchoolBody): Promise<SchoolDetail> {
      const before = await authorisedSchool(actor, 'school.update', schoolId);
      if (body.urn && (await orgRepository.urnTaken(db, actor.trustId, body.urn, schoolId))) {
        throw conflict('A school with this URN is already in the trust.', { field: 'urn' });
      }
      const changes = {
        urn: body.urn,
        name: body.name,
        phase: body.phase,
        local_authority: body.localAuthority,
        joined_trust_on: body.joinedTrustOn,
        status: body.status,
      };
      await this.writeSchool(actor, before, body.version, changes, 'update');
      return this.getSchool(actor, schoolId);
    },

    async archiveSchool(actor: Actor, schoolId: string, version: number): Promise<SchoolDetail> {
      const before = await authorisedSchool(actor, 'school.archive', schoolId);
      await this.writeSchool(actor, before, version, { status: 'archived' }, 'archive');
      return this.getSchool(actor, schoolId);
    },

    async writeSchool(
      actor: Actor,
      before: SchoolRow,
      version: number,
      changes: Parameters<typeof orgRepository.updateSchool>[4],
      action: string,
    ): Promise<void> {
      // Saving without changes is not an edit: no new version, no history entry.
      if (Object.keys(diff(before as unknown as Record<string, unknown>, changes)).length === 0) return;
      await db.transaction().execute(async (trx) => {
        const ok = await orgRepository.updateSchool(trx, actor.trustId, before.id, version, changes);
        if (!ok) throw staleVersion();
        await auditService.record(trx, actor, {
          action,
          entityType: 'school',
          entityId: before.id,
          schoolId: before.id,
          changes: diff(before as unknown as Record<string, unknown>, changes),
        });
      });
    },

    async listDepartments(actor: Actor, schoolId: string): Promise<Department[]> {
      await authorisedSchool(actor, 'department.read', schoolId);
      const rows = await orgRepository.listDepartments(db, actor.trustId, schoolId);
      return rows.map(presentDepartment);
    },

    async createDepartment(actor: Actor, schoolId: string, name: string): Promise<Department> {
      await authorisedSchool(actor, 'department.create', schoolId);
      if (await orgRepository.departmentNameTaken(db, schoolId, name)) {
        throw conflict('This school already has a department with that name.', { field: 'name' });
      }
      return db.transaction().execute(async (trx) => {
        const dept = await orgRepository.insertDepartment(trx, actor.trustId, schoolId, name);
        await auditService.record(trx, actor, {
          action: 'create',
          entityType: 'department',
          entityId: dept.id,
          schoolId,
          changes: { after: { name } },
        });
        return presentDepartment(dept);
      });
    },

    async updateDepartment(
      actor: Actor,
      departmentId: string,
      body: UpdateDepartmentBody,
    ): Promise<Department> {
      const before = await authorisedDepartment(actor, 'department.update', departmentId);
      if (await orgRepository.departmentNameTaken(db, before.school_id, body.name, departmentId)) {
        throw conflict('This school already has a department with that name.', { field: 'name' });
      }
      return this.writeDepartment(actor, before, body.version, { name: body.name }, 'update');
    },

    async archiveDepartment(actor: Actor, departmentId: string, version: number): Promise<Department> {
      const before = await authorisedDepartment(actor, 'department.archive', departmentId);
      return this.writeDepartment(actor, before, version, { status: 'archived' }, 'archive');
    },

    async writeDepartment(
      actor: Actor,
      before: NonNullable<Awaited<ReturnType<typeof orgRepository.findDepartment>>>,
      version: number,
      changes: { name?: string; status?: string },
      action: string,
    ): Promise<Department> {
      if (Object.keys(diff(before, changes)).length === 0) return presentDepartment(before);
      await db.transaction().execute(async (trx) => {
        const ok = await orgRepository.updateDepartment(trx, actor.trustId, before.id, version, changes);
        if (!ok) throw staleVersion();
        await auditService.record(trx, actor, {
          action,
          entityType: 'department',
          entityId: before.id,
          schoolId: before.school_id,
          changes: diff(before, changes),
        });
      });
      const after = await orgRepository.findDepartment(db, actor.trustId, before.id);
      if (!after) throw notFound('Department');
      return presentDepartment(after);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
