import type { PupilCharacteristics, PupilRecord } from '../../../shared/contracts/pupils';
import { formatDate } from '../../app/format';

const SEN: Record<PupilCharacteristics['sen'], string> = {
  N: 'No SEN',
  K: 'SEN support',
  E: 'EHC plan',
};

/** SEN provision in words, with the primary need's code when one is recorded. */
export const senText = (c: Pick<PupilCharacteristics, 'sen' | 'senPrimaryNeed'>) =>
  c.sen !== 'N' && c.senPrimaryNeed ? `${SEN[c.sen]} (${c.senPrimaryNeed})` : SEN[c.sen];

/** The flags that hold, in words, for a badge row or a history line. */
export function flags(c: PupilCharacteristics): string[] {
  return [
    c.disadvantaged ? 'Disadvantaged' : null,
    c.fsm ? 'FSM' : null,
    c.pupilPremium ? 'Pupil premium' : null,
    c.lookedAfter ? 'Looked after' : null,
    c.adoptedFromCare ? 'Adopted from care' : null,
    c.serviceChild ? 'Service child' : null,
    c.sen !== 'N' ? senText(c) : null,
    c.eal ? 'EAL' : null,
  ].filter((f): f is string => f !== null);
}

const LABELS: Record<keyof PupilCharacteristics, string> = {
  disadvantaged: 'disadvantaged',
  fsm: 'FSM',
  pupilPremium: 'pupil premium',
  lookedAfter: 'looked after',
  adoptedFromCare: 'adopted from care',
  serviceChild: 'service child',
  sen: 'SEN',
  senPrimaryNeed: 'primary need',
  eal: 'EAL',
  ethnicity: 'ethnicity',
  ks2Reading: 'KS2 reading',
  ks2Maths: 'KS2 maths',
  priorAttainmentBand: 'prior attainment',
};

const valueText = (key: keyof PupilCharacteristics, c: PupilCharacteristics): string => {
  const v = c[key];
  if (key === 'sen') return senText(c);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return v === null ? 'none' : String(v);
};

/** What differs from the period before, e.g. "FSM: no → yes; SEN: SEN support → No SEN". */
export function changes(before: PupilCharacteristics | undefined, after: PupilCharacteristics): string {
  if (!before) return 'First record';
  const keys = (Object.keys(LABELS) as (keyof PupilCharacteristics)[]).filter(
    (k) => before[k] !== after[k] && !(k === 'senPrimaryNeed' && before.sen !== after.sen),
  );
  if (!keys.length) return 'No change';
  return keys.map((k) => `${LABELS[k]}: ${valueText(k, before)} → ${valueText(k, after)}`).join('; ');
}

/** A time at a school in words: when it began (where known) and when it ended, or that it goes on. */
export function stayText(e: PupilRecord['enrolments'][number]): string {
  const from = e.start ? `from ${formatDate(e.start)}` : 'entry date not recorded';
  return `${e.schoolName}: ${from}${e.end ? `, left ${formatDate(e.end)}` : ', on roll'}`;
}
