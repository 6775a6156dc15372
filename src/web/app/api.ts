/** Field name -> message, ready to show next to the matching form control. */
export type FieldErrors = Record<string, string>;

/** A failed API call, parsed from the server's `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** The error's `details` as sent, for callers that show more than one message per field. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code === 'unauthenticated';
  }
}

const BASE = '/api/v1';

// The session's CSRF token, learnt from GET /auth/me; every cookie-authenticated write echoes it.
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for writes made outside `api` (e.g. a streamed upload with progress). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Turns a failed response's JSON body into an ApiError, for callers that do their own transport. */
export function apiErrorFrom(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : 'http_error';
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `The server could not complete the request (${status}). Please try again.`;
  return new ApiError(status, code, message, fieldErrorsOf(error?.details, message), error?.details);
}

/** Anything with a zod-like `parse`; responses are checked against the shared contracts. */
export type Parser<T> = { parse: (value: unknown) => T };

type RequestOptions<T> = {
  /** Validates the response body; without one the body is trusted as T. */
  schema?: Parser<T>;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Collects per-field messages from validation details (`fields`) and conflicts (`field`). */
function fieldErrorsOf(details: unknown, message: string): FieldErrors {
  const out: FieldErrors = {};
  if (!isRecord(details)) return out;
  if (Array.isArray(details.fields)) {
    for (const f of details.fields) {
      if (isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string' && f.field) {
        out[f.field] ??= f.message;
      }
    }
  }
  if (typeof details.field === 'string') out[details.field] = message;
  return out;
}

async function toApiError(res: Response): Promise<ApiError> {
  return apiErrorFrom(res.status, await res.json().catch(() => undefined));
}

/** Calls the platform API; resolves with the parsed JSON body or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) if (value) params.set(key, value);
  const search = params.size > 0 ? `?${params}` : '';

  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${search}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  const body: unknown = await res.json();
  return options.schema ? options.schema.parse(body) : (body as T);
}

/** A readable sentence for any error a query or mutation may raise. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Please try again.';
}
