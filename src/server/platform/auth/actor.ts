import type { Role } from '../../../shared/contracts/roles';

export type Assignment = {
  id: string;
  role: Role;
  schoolId: string | null;
  departmentId: string | null;
};

/** Who is acting: resolved once per request from a session cookie or an API token. */
export type Actor = {
  personId: string;
  trustId: string;
  name: string;
  assignments: Assignment[];
  via: 'session' | 'api_token' | 'system';
};

/** The CLI acts as the trust's own administrator; it is only reachable by someone with the server's shell. */
export function systemActor(trustId: string): Actor {
  return {
    personId: '00000000-0000-0000-0000-000000000000',
    trustId,
    name: 'System',
    assignments: [{ id: 'system', role: 'trust_admin', schoolId: null, departmentId: null }],
    via: 'system',
  };
}
