import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUpn, upnCheckLetter } from './upn';

describe('UPN check letter', () => {
  it('accepts a UPN whose letter matches and rejects one changed by a single digit', () => {
    const rest = '201100526001';
    const upn = `${upnCheckLetter(rest)}${rest}`;
    expect(isValidUpn(upn)).toBe(true);
    expect(isValidUpn(`${upn.slice(0, 12)}${upn.endsWith('1') ? '2' : '1'}`)).toBe(false);
  });

  it('never uses I, O or S, and detects any single-digit change (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (rest, pos, bump) => {
          const letter = upnCheckLetter(rest)!;
          expect('IOS').not.toContain(letter);
          const changed = rest.slice(0, pos) + String((Number(rest[pos]) + bump) % 10) + rest.slice(pos + 1);
          expect(isValidUpn(letter + changed)).toBe(false);
        },
      ),
    );
  });
});
