import { describe, expect, it } from 'vitest';
import type { PupilCharacteristics } from '../../../shared/contracts/pupils';
import { changes, flags, senText, stayText } from './pupil-text';

const base: PupilCharacteristics = {
  disadvantaged: false,
  fsm: false,
  pupilPremium: false,
  lookedAfter: false,
  adoptedFromCare: false,
  serviceChild: false,
  sen: 'N',
  senPrimaryNeed: null,
  eal: false,
  ethnicity: 'WBRI',
  ks2Reading: 104,
  ks2Maths: null,
  priorAttainmentBand: 'middle',
};

describe('pupil characteristics in words', () => {
  it('names SEN provision with its primary need', () => {
    expect(senText(base)).toBe('No SEN');
    expect(senText({ sen: 'K', senPrimaryNeed: 'SLCN' })).toBe('SEN support (SLCN)');
    expect(senText({ sen: 'E', senPrimaryNeed: null })).toBe('EHC plan');
  });

  it('lists only the flags that hold', () => {
    expect(flags(base)).toEqual([]);
    expect(
      flags({ ...base, disadvantaged: true, fsm: true, sen: 'E', senPrimaryNeed: 'ASD', eal: true }),
    ).toEqual(['Disadvantaged', 'FSM', 'EHC plan (ASD)', 'EAL']);
  });

  it('says what changed from one period to the next', () => {
    expect(changes(undefined, base)).toBe('First record');
    expect(changes(base, base)).toBe('No change');
    expect(changes(base, { ...base, fsm: true, disadvantaged: true })).toBe(
      'disadvantaged: no → yes; FSM: no → yes',
    );
    // A new primary need arrives with the SEN change, so it is said once.
    expect(changes(base, { ...base, sen: 'K', senPrimaryNeed: 'SLCN' })).toBe(
      'SEN: No SEN → SEN support (SLCN)',
    );
    expect(changes(base, { ...base, ks2Maths: 101 })).toBe('KS2 maths: none → 101');
  });
});

describe('stayText', () => {
  it('says when a stay began and ended, and owns up to an entry date never given', () => {
    expect(stayText({ schoolName: 'Oak', start: '2023-09-04', end: '2026-07-22' })).toBe(
      'Oak: from 04/09/2023, left 22/07/2026',
    );
    expect(stayText({ schoolName: 'Oak', start: null, end: null })).toBe(
      'Oak: entry date not recorded, on roll',
    );
  });
});
