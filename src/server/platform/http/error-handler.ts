import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';

const send = (status: number, code: string, message: string, details?: unknown) => ({
  status,
  body: { error: details === undefined ? { code, message } : { code, message, details } },
});

/** One place turns every failure into `{ error: { code, message, details? } }`; internals never leave. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const out = describe(err);
    if (out.status >= 500) req.log.error({ err }, 'request failed');
    return reply.status(out.status).send(out.body);
  });
}

function describe(err: FastifyError) {
  if (err instanceof AppError) return send(err.status, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      // Unknown fields are reported on the object; name the offending keys so the caller can fix them.
      const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
      return { field: keys?.join(', ') ?? path, message: v.message };
    });
    return send(400, 'validation', 'Some fields are not valid.', { context: err.validationContext, fields });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'too_large', 'The request is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is empty but JSON was expected.');
    default:
      break;
  }
  if (err.statusCode === 429) return send(429, 'rate_limited', err.message);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return send(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(err.statusCode, 'bad_request', err.message);
  }
  return send(500, 'internal', 'Something went wrong on the server. The problem has been logged.');
}

export const notFoundBody = (method: string, url: string) =>
  send(404, 'not_found', `No such endpoint: ${method} ${url.split('?')[0]}`).body;
