import type { Me } from '../../../shared/contracts/auth';
import type { Role } from '../../../shared/contracts/roles';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import { digest, hashPassword, newSecret, verifyPassword } from '../../platform/auth/secrets';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import { ActorCache } from './actor-cache';
import { authRepository } from './auth.repository';

const RESET_TTL_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type ActorRow = {
  id: string;
  trust_id: string;
  name: string;
  assignments: { id: string; role: string; school_id: string | null; department_id: string | null }[];
};

const toActor = (row: ActorRow, via: Actor['via']): Actor => ({
  personId: row.id,
  trustId: row.trust_id,
  name: row.name,
  via,
  assignments: row.assignments.map((a) => ({
    id: a.id,
    role: a.role as Role,
    schoolId: a.school_id,
    departmentId: a.department_id,
  })),
});

export function createAuthService(db: Db, config: Config, mailer: Mailer) {
  const sessions = new ActorCache(config.actorCacheMs);
  return {
    /** Forget cached sessions of a person whose roles or account changed. */
    forgetPerson: (personId: string) => sessions.deletePerson(personId),

    /** Verifies credentials and opens a session; the same error for unknown email and wrong password. */
    async login(email: string, password: string): Promise<{ sessionToken: string; expiresAt: Date }> {
      const person = await peopleRepository.findByEmail(db, email);
      const ok = await verifyPassword(person?.password_hash ?? null, password);
      if (!person || !ok || person.status !== 'active') {
        throw new AppError(
          401,
          'invalid_credentials',
          'That email and password do not match an active account.',
        );
      }
      const sessionToken = newSecret();
      const expiresAt = new Date(Date.now() + config.sessionTtlMs);
      await authRepository.insertSession(db, {
        tokenHash: digest(sessionToken),
        personId: person.id,
        trustId: person.trust_id,
        csrfToken: newSecret(),
        expiresAt,
      });
      return { sessionToken, expiresAt };
    },

    async logout(sessionToken: string): Promise<void> {
      const key = digest(sessionToken);
      sessions.delete(key);
      await authRepository.revokeSession(db, key);
    },

    async actorFromSession(sessionToken: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
      const key = digest(sessionToken);
      const cached = sessions.get(key);
      if (cached) return cached;
      const row = await authRepository.findSessionActor(db, key);
      if (!row) return undefined;
      const resolved = { actor: toActor(row, 'session'), csrfToken: row.csrf_token };
      sessions.set(key, resolved);
      return resolved;
    },

    async actorFromApiToken(token: string): Promise<Actor | undefined> {
      const row = await authRepository.findApiTokenActor(db, digest(token));
      if (!row) return undefined;
      await authRepository.touchApiToken(db, row.token_id);
      return toActor(row, 'api_token');
    },

    async me(actor: Actor, csrfToken: string): Promise<Me> {
      const [person, trust, assignments] = await Promise.all([
        peopleRepository.findPerson(db, actor.trustId, actor.personId),
        orgRepository.findTrust(db, actor.trustId),
        peopleRepository.listAssignments(db, actor.trustId, [actor.personId]),
      ]);
      if (!person || !trust) throw notFound('Account');
      return {
        person: { id: person.id, name: person.name, email: person.email, jobTitle: person.job_title },
        trust: { id: trust.id, name: trust.name, isDemo: trust.is_demo },
        roles: assignments.map((a) => ({
          id: a.id,
          role: a.role as Role,
          schoolId: a.school_id,
          schoolName: a.school_name,
          departmentId: a.department_id,
          departmentName: a.department_name,
        })),
        csrfToken,
      };
    },

    /** Always succeeds from the caller's view, so the endpoint cannot reveal who has an account. */
    async requestPasswordReset(email: string): Promise<void> {
      const person = await peopleRepository.findByEmail(db, email);
      if (!person || person.status === 'archived') return;
      const token = newSecret();
      await authRepository.insertOneTimeToken(db, {
        tokenHash: digest(token),
        trustId: person.trust_id,
        personId: person.id,
        purpose: 'password_reset',
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      });
      await mailer.send({
        to: person.email,
        subject: 'Reset your School Improvement Platform password',
        text: `Someone asked to reset the password for this account. If it was you, choose a new password here within the hour:\n\n${config.appUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this email; your password has not changed.`,
      });
    },

    /** Sends an invitation link; called by the people service inside its transaction. */
    async sendInvitation(
      tx: Db,
      person: { id: string; trustId: string; email: string; name: string },
      inviter: string,
    ) {
      const token = newSecret();
      await authRepository.insertOneTimeToken(tx, {
        tokenHash: digest(token),
        trustId: person.trustId,
        personId: person.id,
        purpose: 'invitation',
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      });
      return () =>
        mailer.send({
          to: person.email,
          subject: 'You have been invited to the School Improvement Platform',
          text: `Hello ${person.name},\n\n${inviter} has invited you to the School Improvement Platform. Set your password here within 7 days:\n\n${config.appUrl}/accept-invitation?token=${token}`,
        });
    },

    /** Completes a reset or an invitation: the token is spent whether or not anything else fails later. */
    async setPasswordWithToken(token: string, password: string, purpose: 'password_reset' | 'invitation') {
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const used = await authRepository.consumeOneTimeToken(trx, digest(token));
        if (!used || used.purpose !== purpose) {
          throw badRequest('This link has expired or has already been used. Ask for a new one.');
        }
        await peopleRepository.setPassword(trx, used.person_id, hash);
        await authRepository.revokeSessionsOf(trx, used.person_id);
        sessions.deletePerson(used.person_id);
        await auditService.record(
          trx,
          {
            personId: used.person_id,
            trustId: used.trust_id,
            name: '',
            assignments: [],
            via: 'session',
          },
          {
            action: purpose === 'invitation' ? 'accept_invitation' : 'reset_password',
            entityType: 'person',
            entityId: used.person_id,
            changes: { password: 'changed' },
          },
        );
      });
    },

    /** Sets a password directly (administrators, from the CLI); other sessions of the person end. */
    async setPassword(actor: Actor, personId: string, password: string): Promise<void> {
      if (!can(actor, 'person.update', { trustId: actor.trustId })) throw forbidden();
      const person = await peopleRepository.findPerson(db, actor.trustId, personId);
      if (!person) throw notFound('Person');
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await peopleRepository.setPassword(trx, personId, hash);
        await authRepository.revokeSessionsOf(trx, personId);
        sessions.deletePerson(personId);
        await auditService.record(trx, actor, {
          action: 'set_password',
          entityType: 'person',
          entityId: personId,
          changes: { password: 'changed' },
        });
      });
    },

    async listApiTokens(actor: Actor) {
      const rows = await authRepository.listApiTokens(db, actor.trustId, actor.personId);
      return rows.map(presentToken);
    },

    async createApiToken(actor: Actor, name: string, expiresInDays?: number) {
      const token = newSecret('sip_');
      const row = await authRepository.insertApiToken(db, {
        trustId: actor.trustId,
        personId: actor.personId,
        name,
        tokenHash: digest(token),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      });
      return { ...presentToken(row), token };
    },

    async revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
      const ok = await authRepository.revokeApiToken(db, actor.trustId, actor.personId, tokenId);
      if (!ok) throw notFound('API token');
    },
  };
}

function presentToken(r: {
  id: string;
  name: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}) {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
