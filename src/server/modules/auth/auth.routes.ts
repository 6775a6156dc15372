import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiTokenList,
  createApiTokenBody,
  createdApiToken,
  loginBody,
  me,
  resetRequestBody,
  tokenPasswordBody,
} from '../../../shared/contracts/auth';
import { idParams, okResponse } from '../../../shared/contracts/common';
import type { Config } from '../../platform/config';
import { actorOf, SESSION_COOKIE } from '../../platform/http/request-auth';
import type { Services } from '../../services';

export function registerAuthRoutes(app: FastifyInstance, { auth }: Services, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Accounts'];

  r.post(
    '/auth/login',
    {
      config: {
        public: true,
        // Keyed by address and email so one attacker cannot lock out a whole school behind one NAT.
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '')}`,
          errorResponseBuilder: (_req, ctx) => ({
            statusCode: 429,
            error: 'rate_limited',
            message: `Too many sign-in attempts. Wait ${Math.ceil(ctx.ttl / 1000)} seconds and try again.`,
          }),
        },
      },
      schema: { tags, body: loginBody, response: { 200: okResponse } },
    },
    async (req, reply) => {
      const { sessionToken, expiresAt } = await auth.login(req.body.email, req.body.password);
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: expiresAt,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, response: { 200: okResponse } } },
    async (req, reply) => {
      if (req.auth?.sessionToken) await auth.logout(req.auth.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get('/auth/me', { schema: { tags, response: { 200: me } } }, async (req) =>
    auth.me(actorOf(req), req.auth?.csrfToken ?? ''),
  );

  r.post(
    '/auth/password-reset/request',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, body: resetRequestBody, response: { 202: okResponse } },
    },
    async (req, reply) => {
      await auth.requestPasswordReset(req.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  r.post(
    '/auth/password-reset/complete',
    { config: { public: true }, schema: { tags, body: tokenPasswordBody, response: { 200: okResponse } } },
    async (req) => {
      await auth.setPasswordWithToken(req.body.token, req.body.password, 'password_reset');
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/invitations/accept',
    { config: { public: true }, schema: { tags, body: tokenPasswordBody, response: { 200: okResponse } } },
    async (req) => {
      await auth.setPasswordWithToken(req.body.token, req.body.password, 'invitation');
      return { ok: true as const };
    },
  );

  r.get('/api-tokens', { schema: { tags, response: { 200: apiTokenList } } }, async (req) => ({
    tokens: await auth.listApiTokens(actorOf(req)),
  }));

  r.post(
    '/api-tokens',
    { schema: { tags, body: createApiTokenBody, response: { 201: createdApiToken } } },
    async (req, reply) =>
      reply.status(201).send(await auth.createApiToken(actorOf(req), req.body.name, req.body.expiresInDays)),
  );

  r.delete(
    '/api-tokens/:id',
    { schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await auth.revokeApiToken(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
