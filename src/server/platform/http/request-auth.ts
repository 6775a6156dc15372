import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { unauthenticated } from '../errors';

export const SESSION_COOKIE = 'sip_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: { actor: Actor; csrfToken?: string; sessionToken?: string };
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (login, password reset, health). */
    public?: boolean;
  }
}

/** The signed-in actor of a request; routes call this instead of reading auth state themselves. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw unauthenticated();
  return req.auth.actor;
}
