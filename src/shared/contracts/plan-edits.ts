import { z } from 'zod';
import { isoDate, text, uuid } from './common';
import {
  actionFields,
  checkMethodSchema,
  outcomeFields,
  planFields,
  withActionRules,
  withOutcomeRules,
  withPlanRules,
} from './planning';

/** Every edit carries the version the editor saw; a newer one on the server answers 409. */
const version = z.number().int().positive();

export const editPlanBody = withPlanRules(z.strictObject({ ...planFields, version }));
export type EditPlanBody = z.infer<typeof editPlanBody>;

/** Stopping goes through an impact check; an edit may only mark a priority completed or reopen it. */
export const editPriorityBody = z.strictObject({
  version,
  title: text(300),
  rationale: z.string().trim().max(4000).default(''),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  ownerPersonId: uuid.nullable().optional(),
  status: z.enum(['active', 'completed']).optional(),
});
export type EditPriorityBody = z.infer<typeof editPriorityBody>;

export const editOutcomeBody = withOutcomeRules(z.strictObject({ ...outcomeFields, version }));
export type EditOutcomeBody = z.infer<typeof editOutcomeBody>;

export const editActionBody = withActionRules(z.strictObject({ ...actionFields, version }));
export type EditActionBody = z.infer<typeof editActionBody>;

/** Only a planned check can be edited; once recorded its findings stand. */
export const editCheckBody = z.strictObject({
  version,
  dueOn: isoDate,
  method: checkMethodSchema,
  outcomeIds: z.array(uuid).max(20).default([]),
  ownerPersonId: uuid.nullable().optional(),
});
export type EditCheckBody = z.infer<typeof editCheckBody>;
