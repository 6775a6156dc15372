import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });
export type IdParams = z.infer<typeof idParams>;

/** Free text from a person: trimmed, never empty, bounded so one field cannot fill the database. */
export const text = (max = 200) => z.string().trim().min(1, 'Required').max(max);
export const isoDate = z.iso.date();

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const okResponse = z.object({ ok: z.literal(true) });
