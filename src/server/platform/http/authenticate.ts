import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../modules/auth/auth.service';
import { AppError, unauthenticated } from '../errors';
import { CSRF_HEADER, SESSION_COOKIE } from './request-auth';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor for every /api request from a bearer API token or the session cookie, and
 * enforces CSRF for cookie-authenticated writes: the browser must echo the session's token in a
 * header, which a cross-site form cannot do.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.addHook('preHandler', async (req) => {
    // The API documentation describes the API, not anyone's data, so it is open to read.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await auth.actorFromApiToken(header.slice(7).trim());
      if (!actor)
        throw new AppError(401, 'invalid_token', 'That API token is not valid or has been revoked.');
      req.auth = { actor };
    } else {
      const sessionToken = req.cookies[SESSION_COOKIE];
      const resolved = sessionToken ? await auth.actorFromSession(sessionToken) : undefined;
      if (resolved && sessionToken) {
        req.auth = { ...resolved, sessionToken };
        // Public routes (sign-in, reset links) act on no signed-in data, so they need no token.
        const isPublic = req.routeOptions.config.public === true;
        if (!isPublic && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== resolved.csrfToken) {
          throw new AppError(
            403,
            'csrf',
            'This request is missing its security token. Reload the page and try again.',
          );
        }
      }
    }
    if (!req.auth && !req.routeOptions.config.public) throw unauthenticated();
  });
}
