import { z } from 'zod';
import { text, uuid } from './common';

/** A grade set's key is what result files name in their grade-set column, e.g. `gcse`. */
export const gradeSetKey = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Use 2 to 40 letters, digits or underscores, starting with a letter');

const gradeCode = z.string().trim().min(1, 'Required').max(20);
export const grade = z.strictObject({
  code: gradeCode,
  value: z.number().finite(),
  /** Other spellings read as this grade (e.g. "0" for U); built-in sets only use them. */
  aliases: z.array(gradeCode).max(5).optional(),
});

export const orderedScale = z.strictObject({
  kind: z.literal('ordered'),
  /** Lowest first; values rise with the grades so order is kept. */
  grades: z.array(grade).min(2, 'Give at least two grades').max(100),
});
export const rangeScale = z.strictObject({
  kind: z.literal('range'),
  min: z.number().finite().nullable(),
  max: z.number().finite().nullable(),
  /** Null: any number in the range. */
  step: z.number().finite().positive().nullable(),
  /** A sign results may carry after the number, e.g. "%". */
  suffix: z.string().max(3).nullable(),
});
export const gradeScale = z.discriminatedUnion('kind', [orderedScale, rangeScale]);
export type GradeScale = z.infer<typeof gradeScale>;

export const gradeSet = z.object({
  /** Null for the built-in sets every trust has. */
  id: uuid.nullable(),
  key: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  scale: gradeScale,
  /** Codes that mean "no result" (absent, disapplied): skipped by an import, never a grade. */
  nonResults: z.array(z.string()),
  /** Imported results use this set, so its grades cannot be taken away. */
  inUse: z.boolean(),
  version: z.number().int().nullable(),
});
export type GradeSet = z.infer<typeof gradeSet>;
export const gradeSetList = z.object({ gradeSets: z.array(gradeSet) });

const nonResults = z.array(z.string().trim().min(1).max(20)).max(20);

/** Trust-defined scales: ordered grades, or a bounded numeric range with an optional step. */
const trustScale = z.discriminatedUnion('kind', [
  orderedScale,
  rangeScale.extend({ min: z.number().finite(), max: z.number().finite() }),
]);

export const createGradeSetBody = z.strictObject({
  key: gradeSetKey,
  name: text(120),
  scale: trustScale,
  nonResults: nonResults.optional(),
});
export type CreateGradeSetBody = z.infer<typeof createGradeSetBody>;

export const updateGradeSetBody = z.strictObject({
  version: z.number().int().positive(),
  name: text(120).optional(),
  scale: trustScale.optional(),
  nonResults: nonResults.optional(),
});
export type UpdateGradeSetBody = z.infer<typeof updateGradeSetBody>;
