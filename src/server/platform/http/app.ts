import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import type { Config } from '../config';
import { registerAuthentication } from './authenticate';
import { notFoundBody, registerErrorHandler } from './error-handler';
import { registerRoutes } from './routes';

export type AppOptions = {
  config: Config;
  services: Services;
  logger?: boolean | { level: string };
  /** Directory of the built web app; served with a fallback to index.html for client routes. */
  webDir?: string;
};

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: string[];
  }
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Kept so the access-control tests can prove every API route is covered by them.
  const apiRoutes: string[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) if (r.url.startsWith('/api/v1') && m !== 'HEAD') apiRoutes.push(`${m} ${r.url}`);
  });
  app.decorate('apiRoutes', apiRoutes);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: opts.config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'School Improvement Platform API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sip_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app, opts.services.auth);
  await app.register(async (api) => registerRoutes(api, opts.services, opts.config), { prefix: '/api' });

  const webDir = opts.webDir ? resolve(opts.webDir) : undefined;
  const serveWeb = webDir !== undefined && existsSync(`${webDir}/index.html`);
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  // Client-side routes (e.g. /schools/123) get the app shell; anything under /api stays a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(notFoundBody(req.method, req.url));
  });
  return app;
}
