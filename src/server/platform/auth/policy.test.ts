import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/roles';
import type { Actor } from './actor';
import { can } from './policy';

const T = 'trust-1';
const actor = (role: Role, schoolId: string | null = null, departmentId: string | null = null): Actor => ({
  personId: 'p',
  trustId: T,
  name: 'Test',
  via: 'session',
  assignments: [{ id: 'a', role, schoolId, departmentId }],
});

describe('policy', () => {
  it('never grants anything in another trust, even to a trust administrator', () => {
    expect(can(actor('trust_admin'), 'school.read', { trustId: 'trust-2', schoolId: 's' })).toBe(false);
  });

  it('lets a trust administrator do everything in their trust', () => {
    expect(can(actor('trust_admin'), 'school.create', { trustId: T })).toBe(true);
    expect(can(actor('trust_admin'), 'role.assign', { trustId: T, schoolId: 's', departmentId: 'd' })).toBe(
      true,
    );
  });

  it('keeps trustees and governors read-only', () => {
    for (const a of [actor('trustee'), actor('governor', 's1')]) {
      expect(can(a, 'school.read', { trustId: T, schoolId: 's1' })).toBe(true);
      expect(can(a, 'school.update', { trustId: T, schoolId: 's1' })).toBe(false);
      expect(can(a, 'department.create', { trustId: T, schoolId: 's1' })).toBe(false);
    }
  });

  it("lets a school's staff, whatever their department, keep its interventions register, and no one else", () => {
    const englishLead = actor('middle_leader', 's1', 'english');
    expect(can(englishLead, 'intervention.write', { trustId: T, schoolId: 's1' })).toBe(true);
    expect(can(englishLead, 'intervention.write', { trustId: T, schoolId: 's2' })).toBe(false);
    expect(can(englishLead, 'plan.write', { trustId: T, schoolId: 's1' })).toBe(false);
    expect(can(actor('teacher', 's1'), 'intervention.write', { trustId: T, schoolId: 's1' })).toBe(true);
    expect(can(actor('governor', 's1'), 'intervention.read', { trustId: T, schoolId: 's1' })).toBe(true);
    expect(can(actor('governor', 's1'), 'intervention.write', { trustId: T, schoolId: 's1' })).toBe(false);
    expect(can(actor('trustee'), 'intervention.write', { trustId: T, schoolId: 's1' })).toBe(false);
  });

  it('limits a school leader to their school', () => {
    const head = actor('school_leader', 's1');
    expect(can(head, 'department.create', { trustId: T, schoolId: 's1' })).toBe(true);
    expect(can(head, 'department.create', { trustId: T, schoolId: 's2' })).toBe(false);
    expect(can(head, 'school.read', { trustId: T, schoolId: 's2' })).toBe(false);
    expect(can(head, 'role.assign', { trustId: T })).toBe(false);
  });

  it('limits a middle leader to writing in their own department', () => {
    const ml = actor('middle_leader', 's1', 'd1');
    expect(can(ml, 'department.update', { trustId: T, schoolId: 's1', departmentId: 'd1' })).toBe(true);
    expect(can(ml, 'department.update', { trustId: T, schoolId: 's1', departmentId: 'd2' })).toBe(false);
    expect(can(ml, 'school.read', { trustId: T, schoolId: 's1' })).toBe(true);
    expect(can(ml, 'department.create', { trustId: T, schoolId: 's1' })).toBe(false);
  });

  it('grants nothing to a person without roles', () => {
    const none: Actor = { ...actor('teacher'), assignments: [] };
    expect(can(none, 'school.read', { trustId: T, schoolId: 's1' })).toBe(false);
  });
});
