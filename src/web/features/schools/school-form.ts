import { createSchoolBody, phaseLabels, phases, type School } from '../../../shared/contracts/org';
import { formatDate, parseUkDate } from '../../app/format';

export type SchoolFormValues = {
  urn: string;
  name: string;
  phase: string;
  localAuthority: string;
  joinedTrustOn: string;
};

export const emptySchool: SchoolFormValues = {
  urn: '',
  name: '',
  phase: '',
  localAuthority: '',
  joinedTrustOn: '',
};

export const valuesOf = (s: School): SchoolFormValues => ({
  urn: s.urn,
  name: s.name,
  phase: s.phase,
  localAuthority: s.localAuthority,
  joinedTrustOn: formatDate(s.joinedTrustOn),
});

export const phaseOptions = phases.map((p) => ({ value: p, label: phaseLabels[p] }));

const firstIssue = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message ?? null;

const shape = createSchoolBody.shape;

/** Client-side checks from the same schema the server uses, so messages match. */
export const schoolValidation = {
  urn: (v: string) => (v.trim() ? firstIssue(shape.urn.safeParse(v)) : 'Enter the school’s URN'),
  name: (v: string) => (v.trim() ? firstIssue(shape.name.safeParse(v)) : 'Enter the school’s name'),
  phase: (v: string) => (v ? null : 'Choose the phase'),
  localAuthority: (v: string) =>
    v.trim() ? firstIssue(shape.localAuthority.safeParse(v)) : 'Enter the local authority',
  joinedTrustOn: (v: string) =>
    v.trim() === '' || parseUkDate(v) ? null : 'Enter the date as day/month/year, for example 01/09/2024',
};

export const schoolFields = ['urn', 'name', 'phase', 'localAuthority', 'joinedTrustOn'] as const;

export function toBody(v: SchoolFormValues) {
  return {
    urn: v.urn.trim(),
    name: v.name.trim(),
    phase: v.phase as School['phase'],
    localAuthority: v.localAuthority.trim(),
    joinedTrustOn: parseUkDate(v.joinedTrustOn) ?? null,
  };
}
