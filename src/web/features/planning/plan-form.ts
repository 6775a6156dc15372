import type { CreatePlanBody } from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { academicYear, dateFieldError, todayIso } from './plan-dates';

/** The "whole trust" choice in the school list: a plan that belongs to no one school. */
export const TRUST_WIDE = 'trust';

export type PlanFormValues = {
  title: string;
  schoolId: string;
  departmentId: string;
  periodStart: string;
  periodEnd: string;
  ownerPersonId: string;
  reviewEveryWeeks: number | string;
};

/** This academic year, reviewed every six weeks (about once a half-term). */
export function initialPlanValues(schoolId = '', today = todayIso()): PlanFormValues {
  const year = academicYear(today);
  return {
    title: '',
    schoolId,
    departmentId: '',
    periodStart: formatDate(year.start),
    periodEnd: formatDate(year.end),
    ownerPersonId: '',
    reviewEveryWeeks: 6,
  };
}

export const suggestedTitle = (place: string, today = todayIso()) =>
  `${place} improvement plan ${academicYear(today).label}`;

export function validatePlan(v: PlanFormValues, needsDepartment: boolean) {
  const start = parseUkDate(v.periodStart);
  const end = parseUkDate(v.periodEnd);
  const weeks = Number(v.reviewEveryWeeks);
  return {
    title: v.title.trim() ? null : 'Give the plan a title',
    schoolId: v.schoolId ? null : 'Choose the school the plan is for',
    departmentId: needsDepartment && !v.departmentId ? 'Choose your department' : null,
    periodStart: dateFieldError(v.periodStart, start),
    periodEnd:
      dateFieldError(v.periodEnd, end) ??
      (start && end && end < start ? 'The plan must end after it starts' : null),
    reviewEveryWeeks:
      Number.isInteger(weeks) && weeks >= 1 && weeks <= 52 ? null : 'Enter a number of weeks from 1 to 52',
  };
}

export const planFields = [
  'title',
  'schoolId',
  'departmentId',
  'periodStart',
  'periodEnd',
  'ownerPersonId',
  'reviewEveryWeeks',
] as const;

export function toPlanBody(v: PlanFormValues): CreatePlanBody {
  return {
    title: v.title.trim(),
    schoolId: v.schoolId === TRUST_WIDE ? null : v.schoolId,
    departmentId: v.departmentId || null,
    periodStart: parseUkDate(v.periodStart) ?? '',
    periodEnd: parseUkDate(v.periodEnd) ?? '',
    ownerPersonId: v.ownerPersonId || null,
    reviewEveryWeeks: Number(v.reviewEveryWeeks),
  };
}
