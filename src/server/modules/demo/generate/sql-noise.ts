import { type RawBuilder, sql } from 'kysely';

/**
 * Deterministic noise in SQL: an md5 of a text key rather than random(), so the same seed gives the
 * same trust whatever plan the database chooses. The first and second 32 bits of the hash are two
 * independent uniforms.
 */
const bits = (key: RawBuilder<unknown>, from: 1 | 9) =>
  sql`('x' || lpad(substr(md5(${key}), ${sql.lit(from)}, 8), 16, '0'))::bit(64)::bigint`;

/** Uniform on [0, 1). */
export const uniform = (key: RawBuilder<unknown>) => sql<number>`(${bits(key, 1)} / 4294967296.0)`;

/** Standard normal, by Box-Muller from the hash's two halves. */
export const gaussian = (key: RawBuilder<unknown>) =>
  sql<number>`(sqrt(-2 * ln((${bits(key, 1)} + 1) / 4294967297.0)) * cos(2 * pi() * ${bits(key, 9)} / 4294967296.0))`;
