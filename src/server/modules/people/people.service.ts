import type {
  AssignRoleBody,
  InvitePersonBody,
  Person,
  UpdatePersonBody,
} from '../../../shared/contracts/people';
import { type Role, roleScopes } from '../../../shared/contracts/roles';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService, diff } from '../audit/audit.service';
import type { AuthService } from '../auth/auth.service';
import { orgRepository } from '../org/org.repository';
import { type AssignmentRow, peopleRepository } from './people.repository';

const presentAssignment = (a: AssignmentRow) => ({
  id: a.id,
  role: a.role as Role,
  schoolId: a.school_id,
  schoolName: a.school_name,
  departmentId: a.department_id,
  departmentName: a.department_name,
});

export function createPeopleService(db: Db, auth: AuthService) {
  async function withRoles(
    trustId: string,
    people: Awaited<ReturnType<typeof peopleRepository.listPeople>>,
  ): Promise<Person[]> {
    const assignments = await peopleRepository.listAssignments(
      db,
      trustId,
      people.map((p) => p.id),
    );
    return people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      jobTitle: p.job_title,
      status: p.status as Person['status'],
      version: p.version,
      roles: assignments.filter((a) => a.person_id === p.id).map(presentAssignment),
    }));
  }

  async function loadPerson(actor: Actor, personId: string): Promise<Person> {
    const row = await peopleRepository.findPerson(db, actor.trustId, personId);
    if (!row) throw notFound('Person');
    const [person] = await withRoles(actor.trustId, [row]);
    return person!;
  }

  /** Validates an assignment's scope against the role and the trust's own schools and departments. */
  async function resolveScope(actor: Actor, body: AssignRoleBody) {
    let schoolId = body.schoolId ?? null;
    const departmentId = body.departmentId ?? null;
    if (departmentId) {
      const dept = await orgRepository.findDepartment(db, actor.trustId, departmentId);
      if (!dept) throw badRequest('Choose a department of this trust.', { field: 'departmentId' });
      if (schoolId && schoolId !== dept.school_id) {
        throw badRequest('That department belongs to a different school.', { field: 'departmentId' });
      }
      schoolId = dept.school_id;
    } else if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) {
      throw badRequest('Choose a school of this trust.', { field: 'schoolId' });
    }
    const scope = departmentId ? 'department' : schoolId ? 'school' : 'trust';
    if (!roleScopes[body.role].includes(scope)) {
      const allowed = roleScopes[body.role].join(' or ');
      throw badRequest(`This role is given for a ${allowed}, not for a ${scope}.`, { field: 'role' });
    }
    return { schoolId, departmentId };
  }

  async function requireSchool(actor: Actor, schoolId: string | undefined): Promise<void> {
    if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) throw notFound('School');
  }

  return {
    async list(actor: Actor, schoolId?: string): Promise<Person[]> {
      await requireSchool(actor, schoolId);
      if (!can(actor, 'person.read', { trustId: actor.trustId, schoolId: schoolId ?? null }))
        throw forbidden();
      const rows = await peopleRepository.listPeople(db, actor.trustId, schoolId);
      return withRoles(actor.trustId, rows);
    },

    async get(actor: Actor, personId: string): Promise<Person> {
      const person = await loadPerson(actor, personId);
      const visible =
        can(actor, 'person.read', { trustId: actor.trustId }) ||
        person.id === actor.personId ||
        person.roles.some((r) => can(actor, 'person.read', { trustId: actor.trustId, schoolId: r.schoolId }));
      if (!visible) throw forbidden();
      return person;
    },

    /** Creates the account and emails a single-use invitation link; the person sets their own password. */
    async invite(
      actor: Actor,
      body: InvitePersonBody & { schoolId?: string },
      opts: { sendInvitation: boolean } = { sendInvitation: true },
    ): Promise<Person> {
      await requireSchool(actor, body.schoolId);
      if (!can(actor, 'person.invite', { trustId: actor.trustId, schoolId: body.schoolId ?? null }))
        throw forbidden();
      if (await peopleRepository.emailTaken(db, body.email)) {
        throw conflict('Someone already has an account with this email address.', { field: 'email' });
      }
      const send = await db.transaction().execute(async (trx) => {
        const { id } = await peopleRepository.insertPerson(trx, {
          trustId: actor.trustId,
          email: body.email,
          name: body.name,
          jobTitle: body.jobTitle,
        });
        await auditService.record(trx, actor, {
          action: 'invite',
          entityType: 'person',
          entityId: id,
          changes: { after: { name: body.name, email: body.email, jobTitle: body.jobTitle } },
        });
        if (!opts.sendInvitation) return undefined;
        return auth.sendInvitation(
          trx,
          { id, trustId: actor.trustId, email: body.email, name: body.name },
          actor.name,
        );
      });
      await send?.();
      const created = await peopleRepository.findByEmail(db, body.email);
      return loadPerson(actor, created!.id);
    },

    async update(actor: Actor, personId: string, body: UpdatePersonBody): Promise<Person> {
      if (!can(actor, 'person.update', { trustId: actor.trustId })) throw forbidden();
      const before = await peopleRepository.findPerson(db, actor.trustId, personId);
      if (!before) throw notFound('Person');
      const changes = { name: body.name, job_title: body.jobTitle };
      await this.write(actor, before, body.version, changes, 'update');
      return loadPerson(actor, personId);
    },

    async archive(actor: Actor, personId: string, version: number): Promise<Person> {
      if (!can(actor, 'person.update', { trustId: actor.trustId })) throw forbidden();
      if (personId === actor.personId) throw badRequest('You cannot archive your own account.');
      const before = await peopleRepository.findPerson(db, actor.trustId, personId);
      if (!before) throw notFound('Person');
      await this.write(actor, before, version, { status: 'archived' }, 'archive');
      return loadPerson(actor, personId);
    },

    async write(
      actor: Actor,
      before: NonNullable<Awaited<ReturnType<typeof peopleRepository.findPerson>>>,
      version: number,
      changes: { name?: string; job_title?: string; status?: string },
      action: string,
    ): Promise<void> {
      // Saving without changes is not an edit: no new version, no history entry.
      if (Object.keys(diff(before, changes)).length === 0) return;
      await db.transaction().execute(async (trx) => {
        const ok = await peopleRepository.updatePerson(trx, actor.trustId, before.id, version, changes);
        if (!ok) throw staleVersion();
        await auditService.record(trx, actor, {
          action,
          entityType: 'person',
          entityId: before.id,
          changes: diff(before, changes),
        });
      });
      auth.forgetPerson(before.id);
    },

    async assignRole(actor: Actor, personId: string, body: AssignRoleBody): Promise<Person> {
      const target = await peopleRepository.findPerson(db, actor.trustId, personId);
      if (!target) throw notFound('Person');
      const scope = await resolveScope(actor, body);
      if (!can(actor, 'role.assign', { trustId: actor.trustId, ...scope })) throw forbidden();
      if (await peopleRepository.assignmentExists(db, { personId, role: body.role, ...scope })) {
        throw conflict('This person already has that role there.');
      }
      await db.transaction().execute(async (trx) => {
        const { id } = await peopleRepository.insertAssignment(trx, {
          trustId: actor.trustId,
          personId,
          role: body.role,
          ...scope,
        });
        await auditService.record(trx, actor, {
          action: 'assign_role',
          entityType: 'person',
          entityId: personId,
          schoolId: scope.schoolId,
          changes: { assignmentId: id, role: body.role, ...scope },
        });
      });
      auth.forgetPerson(personId);
      return loadPerson(actor, personId);
    },

    async removeRole(actor: Actor, assignmentId: string): Promise<Person> {
      const a = await peopleRepository.findAssignment(db, actor.trustId, assignmentId);
      if (!a) throw notFound('Role assignment');
      const scope = { schoolId: a.school_id, departmentId: a.department_id };
      if (!can(actor, 'role.assign', { trustId: actor.trustId, ...scope })) throw forbidden();
      if (
        a.role === 'trust_admin' &&
        (await peopleRepository.countActiveTrustAdmins(db, actor.trustId)) <= 1
      ) {
        throw conflict('This is the last trust administrator; give someone else the role first.');
      }
      await db.transaction().execute(async (trx) => {
        await peopleRepository.deleteAssignment(trx, actor.trustId, assignmentId);
        await auditService.record(trx, actor, {
          action: 'remove_role',
          entityType: 'person',
          entityId: a.person_id,
          schoolId: a.school_id,
          changes: { assignmentId, role: a.role, ...scope },
        });
      });
      auth.forgetPerson(a.person_id);
      return loadPerson(actor, a.person_id);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
