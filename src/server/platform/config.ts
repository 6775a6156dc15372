import { z } from 'zod';

/** Raised when the environment cannot describe a working server; the CLI prints its message alone. */
export class ConfigError extends Error {}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
      message: 'must look like postgres://user:password@host:5432/database',
    })
    .optional(),
  APP_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('School Improvement Platform <no-reply@localhost>'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  // methods.md §6: never below 3, however a trust configures it.
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(3).max(50).default(6),
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  appUrl: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  smtp: { host: string; port: number; user?: string; password?: string } | undefined;
  mailFrom: string;
  loginRateLimit: number;
  suppressionThreshold: number;
  /** How long a resolved session may be reused without asking the database (0 turns caching off). */
  actorCacheMs: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in the environment mean "not set", as most shells and .env files intend.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'configuration';
    throw new ConfigError(`Invalid setting ${name}: ${issue?.message ?? 'not valid'}.`);
  }
  const e = parsed.data;
  const appUrl = e.APP_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    appUrl,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? appUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : undefined,
    mailFrom: e.SMTP_FROM,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    suppressionThreshold: e.SUPPRESSION_THRESHOLD,
    actorCacheMs: e.SESSION_CACHE_SECONDS * 1000,
  };
}
