import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPupilData } from './pupil-data';

const pupils = [
  {
    id: '7f1d2c3b-1111-4222-8333-444455556666',
    upn: 'A123456789012',
    given_name: 'Kieran',
    family_name: 'Oduya',
    date_of_birth: '2013-04-17',
  },
];

describe('the pupil-data guard', () => {
  it('finds a UPN, a pupil id, a pupil name and a date of birth', () => {
    const found = findPupilData(
      {
        problem: 'Reading ages were low, e.g. B987654321098 read two years behind.',
        approach: `Tracked pupil ${pupils[0]!.id} weekly.`,
        lessons: 'kieran  ODUYA made the most progress.',
        source: 'Born 17/04/2013.',
      },
      pupils,
    );
    expect(found).toEqual([
      { field: 'problem', kind: 'upn' },
      { field: 'approach', kind: 'pupil_id' },
      { field: 'lessons', kind: 'pupil_name' },
      { field: 'source', kind: 'date_of_birth' },
    ]);
  });

  it('passes aggregate figures and staff names', () => {
    expect(
      findPupilData(
        { problem: '38% of disadvantaged pupils met the expected standard in 2025 (n = 42).' },
        pupils,
      ),
    ).toEqual([]);
  });

  it('flags any text carrying a UPN-shaped number, wherever it sits', () => {
    const upn = fc
      .tuple(
        fc.constantFrom(...'ABCDEFGHJKLMNPQRTUVWXYZ'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }),
      )
      .map(([c, d]) => `${c}${d.join('')}`);
    const words = fc.array(
      fc.constantFrom('reading', 'pupils', 'improved', 'the', 'by', '12%', 'in', 'Year 6'),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(words, upn, words, (before, u, after) => {
        const text = [...before, u, ...after].join(' ');
        expect(findPupilData({ f: text }, [])).toEqual([{ field: 'f', kind: 'upn' }]);
      }),
    );
  });

  it('never flags text made only of ordinary words and figures', () => {
    const words = fc.array(
      fc.constantFrom(
        'reading',
        'fluency',
        'rose',
        'from',
        '54%',
        'to',
        '71%',
        'Year 7',
        '2026-07-01',
        'Kieran',
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(words, (w) => {
        expect(findPupilData({ f: w.join(' ') }, pupils)).toEqual([]);
      }),
    );
  });
});
