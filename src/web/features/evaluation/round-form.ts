import type { CreateRoundBody } from '../../../shared/contracts/evaluation';
import type { ToolSummary } from '../../../shared/contracts/frameworks';
import { formatDate, parseUkDate } from '../../app/format';
import { addDays, termName, todayIso } from './round-dates';

export type RoundFormValues = {
  name: string;
  cycle: CreateRoundBody['cycle'];
  opensOn: string;
  closesOn: string;
  toolVersionIds: string[];
  schoolIds: string[];
  /** schoolId -> liaison person id ('' for none yet). */
  liaisons: Record<string, string>;
  trustLiaisonPersonId: string;
};

/** A termly round opening today for six weeks, every school taking part, named after the term. */
export function initialRoundValues(
  schoolIds: string[],
  takenNames: readonly string[] = [],
  today = todayIso(),
): RoundFormValues {
  const term = termName(today);
  let name = term;
  for (let n = 2; takenNames.includes(name); n++) name = `${term} (${n})`;
  return {
    name,
    cycle: 'termly',
    opensOn: formatDate(today),
    closesOn: formatDate(addDays(today, 42)),
    toolVersionIds: [],
    schoolIds,
    liaisons: {},
    trustLiaisonPersonId: '',
  };
}

const dateError = (v: string) =>
  parseUkDate(v) ? null : 'Enter the date as day/month/year, for example 14/03/2027';

export function validateRound(v: RoundFormValues, tools: readonly ToolSummary[]) {
  const chosen = tools.filter((t) => v.toolVersionIds.includes(t.versionId));
  const needsSchools = chosen.some((t) => t.completedBy !== 'trust');
  const opens = parseUkDate(v.opensOn);
  const closes = parseUkDate(v.closesOn);
  return {
    name: v.name.trim() ? null : 'Give the round a name, for example Spring 2027',
    opensOn: dateError(v.opensOn),
    closesOn:
      dateError(v.closesOn) ??
      (opens && closes && closes < opens ? 'The round must close on or after the day it opens' : null),
    toolVersionIds: chosen.length > 0 ? null : 'Choose at least one tool',
    schoolIds: needsSchools && v.schoolIds.length === 0 ? 'Choose at least one school' : null,
  };
}

export function toRoundBody(v: RoundFormValues): CreateRoundBody {
  return {
    name: v.name.trim(),
    cycle: v.cycle,
    opensOn: parseUkDate(v.opensOn) ?? '',
    closesOn: parseUkDate(v.closesOn) ?? '',
    toolVersionIds: v.toolVersionIds,
    schools: v.schoolIds.map((schoolId) => ({ schoolId, liaisonPersonId: v.liaisons[schoolId] || null })),
    trustLiaisonPersonId: v.trustLiaisonPersonId || null,
  };
}
