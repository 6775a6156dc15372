import type { Role } from '../../../shared/contracts/roles';
import type { Actor, Assignment } from './actor';

/**
 * The one place that decides access. Every route names an action and the resource it touches;
 * services then scope every query by the actor's trust as a second line of defence.
 */
export type Action =
  | 'trust.read'
  | 'school.read'
  | 'school.create'
  | 'school.update'
  | 'school.archive'
  | 'department.read'
  | 'department.create'
  | 'department.update'
  | 'department.archive'
  | 'person.read'
  | 'person.invite'
  | 'person.update'
  | 'role.assign'
  | 'audit.read'
  | 'framework.read'
  | 'framework.manage'
  | 'round.manage'
  | 'evaluation.read'
  | 'evaluation.read_agreed'
  | 'evaluation.respond'
  | 'evaluation.agree'
  | 'plan.read'
  | 'plan.write'
  | 'data.import'
  | 'analysis.read'
  | 'pupil.read'
  | 'pupil.import'
  /** Whole pupil lists out as files: for those who keep the school's data, not everyone who reads it. */
  | 'pupil.export'
  /** Staff records (HR references, roles, dates) for workforce measures: trust and school leaders. */
  | 'staff.import'
  | 'library.read'
  | 'library.write'
  | 'library.review'
  | 'library.publish'
  | 'toolkit.manage'
  /** Survey results as aggregates, small groups always suppressed. */
  | 'survey.read'
  /** Free-text survey answers: staff of the school or trust only (ends in .read so department staff reach it). */
  | 'survey.text.read'
  /** Create surveys and import or delete their responses. */
  | 'survey.manage'
  /** The interventions register: reading its counts and impact, and keeping it up to date. */
  | 'intervention.read'
  | 'intervention.write'
  /** The academic, data collection and assessment calendar: trust-wide, read by everyone with a role. */
  | 'calendar.read'
  | 'calendar.manage'
  /** The trust's own grade sets (the built-in ones are read-only). */
  | 'gradeset.manage';

export type Resource = {
  trustId: string;
  /** The school the resource belongs to; absent or null for trust-level resources. */
  schoolId?: string | null;
  departmentId?: string | null;
  /** The liaison assigned to an evaluation: they may agree judgements for it whatever their scope. */
  liaisonPersonId?: string | null;
};

const READ_ORG: Action[] = [
  'school.read',
  'department.read',
  'framework.read',
  'plan.read',
  'analysis.read',
  'library.read',
  'calendar.read',
  'intervention.read',
  'survey.read',
];
// The calendar and grade sets are trust-wide: those who keep data or lead a school maintain them.
const CALENDAR: Action[] = ['calendar.read', 'calendar.manage'];
// Leaders and a school's staff keep its interventions register (pupils, attendance, outcomes).
const INTERVENTIONS: Action[] = ['intervention.read', 'intervention.write'];
// Interventions are run by staff from any department, so a department role may keep its school's.
const SCHOOL_WIDE: ReadonlySet<Action> = new Set<Action>(['intervention.write']);
const SURVEY_STAFF: Action[] = ['survey.text.read'];
// Improvement leads review case studies and publish them to the trust or to every trust on the server.
const REVIEW_LIBRARY: Action[] = ['library.write', 'library.review', 'library.publish'];
// Pupil-level figures (including groups too small to publish) are for staff who work with pupils.
const PUPILS: Action[] = ['pupil.read'];
// Trustees and governors see agreed judgements only; school staff see their drafts too.
const READ_AGREED: Action[] = ['evaluation.read_agreed'];
const READ_EVALUATION: Action[] = ['evaluation.read', 'evaluation.read_agreed'];

const grants: Record<Role, ReadonlySet<Action>> = {
  trust_admin: new Set<Action>([
    'trust.read',
    'school.read',
    'school.create',
    'school.update',
    'school.archive',
    'department.read',
    'department.create',
    'department.update',
    'department.archive',
    'person.read',
    'person.invite',
    'person.update',
    'role.assign',
    'audit.read',
    'framework.read',
    'framework.manage',
    'round.manage',
    ...READ_EVALUATION,
    'evaluation.respond',
    'evaluation.agree',
    'plan.read',
    'plan.write',
    'data.import',
    'analysis.read',
    ...PUPILS,
    'pupil.import',
    'pupil.export',
    'staff.import',
    'library.read',
    ...REVIEW_LIBRARY,
    'toolkit.manage',
    ...CALENDAR,
    'gradeset.manage',
    ...INTERVENTIONS,
    'survey.read',
    ...SURVEY_STAFF,
    'survey.manage',
  ]),
  improvement_lead: new Set<Action>([
    ...PUPILS,
    'trust.read',
    ...READ_ORG,
    'person.read',
    'framework.manage',
    'round.manage',
    ...READ_EVALUATION,
    'evaluation.agree',
    'plan.write',
    ...REVIEW_LIBRARY,
    ...INTERVENTIONS,
    ...SURVEY_STAFF,
    'survey.manage',
  ]),
  // Trustees and governors oversee: they read aggregates and never write.
  trustee: new Set<Action>(['trust.read', ...READ_ORG, ...READ_AGREED]),
  governor: new Set<Action>([...READ_ORG, ...READ_AGREED]),
  school_leader: new Set<Action>([
    ...READ_ORG,
    'school.update',
    'department.create',
    'department.update',
    'department.archive',
    'person.read',
    'person.invite',
    'role.assign',
    'audit.read',
    ...READ_EVALUATION,
    'evaluation.respond',
    'plan.write',
    ...PUPILS,
    'pupil.import',
    'pupil.export',
    'staff.import',
    'library.write',
    ...CALENDAR,
    ...INTERVENTIONS,
    ...SURVEY_STAFF,
    'survey.manage',
  ]),
  middle_leader: new Set<Action>([
    ...READ_ORG,
    'department.update',
    ...READ_EVALUATION,
    'evaluation.respond',
    'plan.write',
    ...PUPILS,
    ...INTERVENTIONS,
    ...SURVEY_STAFF,
  ]),
  teacher: new Set<Action>([...READ_ORG, ...READ_EVALUATION, ...PUPILS, ...INTERVENTIONS, ...SURVEY_STAFF]),
  data_manager: new Set<Action>([
    ...READ_ORG,
    ...PUPILS,
    'pupil.import',
    'pupil.export',
    ...INTERVENTIONS,
    ...SURVEY_STAFF,
    'survey.manage',
    ...CALENDAR,
    'gradeset.manage',
  ]),
};

const isRead = (action: Action) => action.endsWith('.read');

/** Does this assignment's scope reach the resource? Department roles may read their school's shell. */
function covers(a: Assignment, action: Action, r: Resource): boolean {
  if (a.schoolId === null) return true;
  if (!r.schoolId || r.schoolId !== a.schoolId) return false;
  if (a.departmentId === null || SCHOOL_WIDE.has(action)) return true;
  if (r.departmentId) return r.departmentId === a.departmentId;
  return isRead(action);
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.trustId !== resource.trustId) return false;
  if (
    action === 'evaluation.agree' &&
    resource.liaisonPersonId &&
    resource.liaisonPersonId === actor.personId
  )
    return true;
  return actor.assignments.some((a) => grants[a.role].has(action) && covers(a, action, resource));
}

/** True when some assignment of the actor grants the action somewhere in the trust (for menus). */
export function canAnywhere(actor: Actor, action: Action): boolean {
  return actor.assignments.some((a) => grants[a.role].has(action));
}
