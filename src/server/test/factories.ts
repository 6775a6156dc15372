import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/contracts/roles';
import { orgRepository } from '../modules/org/org.repository';
import { peopleRepository } from '../modules/people/people.repository';
import { hashPassword } from '../platform/auth/secrets';
import type { Harness } from './harness';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

type PersonKey =
  | 'admin'
  | 'lead'
  | 'trustee'
  | 'headA'
  | 'englishLeadA'
  | 'teacherA'
  | 'governorA'
  | 'dataManagerA'
  | 'headB'
  | 'noRoles';

export type TrustFixture = Awaited<ReturnType<typeof buildTrust>>;

/**
 * A trust with two schools (A with English and Maths departments, B with Science) and one person
 * per role. Every call makes a new trust, so tests never see each other's rows.
 */
export async function buildTrust(h: Harness) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const db = h.db;
  const { id: trustId } = await orgRepository.insertTrust(db, `Test Trust ${tag}`);
  const school = async (n: string, phase: string) =>
    (
      await orgRepository.insertSchool(db, {
        trust_id: trustId,
        urn: String(100000 + Math.floor(Math.random() * 899999)),
        name: `${n} School ${tag}`,
        phase,
        local_authority: 'Leeds',
        joined_trust_on: '2020-09-01',
      })
    ).id;
  const schoolA = await school('Alpha', 'secondary');
  const schoolB = await school('Beta', 'primary');
  const englishA = (await orgRepository.insertDepartment(db, trustId, schoolA, 'English')).id;
  const mathsA = (await orgRepository.insertDepartment(db, trustId, schoolA, 'Maths')).id;
  const scienceB = (await orgRepository.insertDepartment(db, trustId, schoolB, 'Science')).id;

  const specs: Record<PersonKey, [Role | null, string | null, string | null]> = {
    admin: ['trust_admin', null, null],
    lead: ['improvement_lead', null, null],
    trustee: ['trustee', null, null],
    headA: ['school_leader', schoolA, null],
    englishLeadA: ['middle_leader', schoolA, englishA],
    teacherA: ['teacher', schoolA, null],
    governorA: ['governor', schoolA, null],
    dataManagerA: ['data_manager', schoolA, null],
    headB: ['school_leader', schoolB, null],
    noRoles: [null, null, null],
  };
  const people = {} as Record<PersonKey, { id: string; email: string }>;
  for (const [key, [role, schoolId, departmentId]] of Object.entries(specs) as [
    PersonKey,
    (typeof specs)[PersonKey],
  ][]) {
    const email = `${key.toLowerCase()}.${tag}@test.example`;
    const { id } = await peopleRepository.insertPerson(db, {
      trustId,
      email,
      name: `${key} ${tag}`,
      jobTitle: key,
      passwordHash: hash,
    });
    if (role)
      await peopleRepository.insertAssignment(db, { trustId, personId: id, role, schoolId, departmentId });
    people[key] = { id, email };
  }
  return { trustId, schoolA, schoolB, englishA, mathsA, scienceB, people };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Signs in through the real login route and returns headers for further requests. */
export async function signIn(h: Harness, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === 'sip_session');
  if (!raw) throw new Error('no session cookie');
  const cookie = `sip_session=${raw.value}`;
  const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const csrf = (me.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
