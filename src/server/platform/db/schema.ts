import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely. Dates (`date` columns) travel as 'YYYY-MM-DD' strings on both databases. */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date | string>;
type Version = ColumnType<number, never, number>;

export interface TrustsTable {
  id: Generated<string>;
  name: string;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SchoolsTable {
  id: Generated<string>;
  trust_id: string;
  urn: string;
  name: string;
  phase: string;
  local_authority: string;
  joined_trust_on: string | null;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DepartmentsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  name: string;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface YearGroupsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string;
  code: string;
  name: string;
  sort_order: number;
}

export interface PeopleTable {
  id: Generated<string>;
  trust_id: string;
  email: string;
  name: string;
  job_title: Generated<string>;
  password_hash: string | null;
  status: Generated<string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  trust_id: string;
  person_id: string;
  role: string;
  school_id: string | null;
  department_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  trust_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  trust_id: string;
  person_id: string;
  purpose: 'password_reset' | 'invitation';
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  trust_id: string;
  person_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  trust_id: string;
  school_id: string | null;
  actor_person_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: ColumnType<unknown, string, never>;
  at: CreatedAt;
}

export interface Database {
  trusts: TrustsTable;
  schools: SchoolsTable;
  departments: DepartmentsTable;
  year_groups: YearGroupsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
}

export type SchoolRow = Selectable<SchoolsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewSchool = Insertable<SchoolsTable>;
