import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainment8, GCSE_SUBJECT_CATEGORIES, gradePoints, type QualificationResult } from './attainment8';

const r = (subject: string, points: number): QualificationResult => ({ subject, points });

describe('gradePoints', () => {
  it('scores GCSE 9-1 grades as themselves and U as 0', () => {
    expect(gradePoints('9')).toBe(9);
    expect(gradePoints('1')).toBe(1);
    expect(gradePoints('U')).toBe(0);
    expect(gradePoints('X')).toBeNull();
  });

  it('scores a combined science double grade as the mean of its two grades', () => {
    expect(gradePoints('6-5')).toBe(5.5);
    expect(gradePoints('7-7')).toBe(7);
    expect(gradePoints('U-U')).toBe(0);
  });

  it('reads other qualifications from the point table it is given', () => {
    const table = { 'Level 2 Distinction*': 8.5, 'Level 2 Pass': 5 };
    expect(gradePoints('Level 2 Pass', table)).toBe(5);
  });
});

describe('attainment8', () => {
  it('scores nothing for no results', () => {
    expect(attainment8([])).toMatchObject({ total: 0, english: 0, maths: 0, ebacc: 0, open: 0 });
  });

  it('double-weights maths', () => {
    expect(attainment8([r('MATHS', 7)])).toMatchObject({ total: 14, maths: 14 });
  });

  it('doubles the higher English when both language and literature were taken, and sends the other to open', () => {
    const a8 = attainment8([r('ENGLISH_LANGUAGE', 6), r('ENGLISH_LITERATURE', 8)]);
    expect(a8).toMatchObject({ english: 16, open: 6, total: 22, englishDoubled: true, openSlotsFilled: 1 });
  });

  it('counts a single English once', () => {
    expect(attainment8([r('ENGLISH_LANGUAGE', 5)])).toMatchObject({
      english: 5,
      total: 5,
      englishDoubled: false,
    });
    expect(attainment8([r('ENGLISH_LITERATURE', 4)])).toMatchObject({ english: 4, total: 4 });
  });

  it('never puts the spare English in the EBacc element', () => {
    const a8 = attainment8([r('ENGLISH_LANGUAGE', 9), r('ENGLISH_LITERATURE', 8), r('ART', 3)]);
    expect(a8).toMatchObject({ english: 18, ebacc: 0, ebaccSlotsFilled: 0, open: 11 });
  });

  it('takes the best three EBacc subjects and lets a fourth fill an open slot', () => {
    const a8 = attainment8([r('BIOLOGY', 7), r('CHEMISTRY', 6), r('PHYSICS', 5), r('HISTORY', 8)]);
    expect(a8).toMatchObject({ ebacc: 21, open: 5, ebaccSlotsFilled: 3, openSlotsFilled: 1 });
  });

  it('fills two slots with combined science, each with the same points', () => {
    const a8 = attainment8([r('COMBINED_SCIENCE', 5.5), r('GEOGRAPHY', 7)]);
    expect(a8).toMatchObject({ ebacc: 18, ebaccSlotsFilled: 3 });
  });

  it('moves combined science slots to open when better EBacc subjects fill the element', () => {
    const a8 = attainment8([r('COMBINED_SCIENCE', 4), r('HISTORY', 8), r('FRENCH', 7), r('GEOGRAPHY', 6)]);
    expect(a8).toMatchObject({ ebacc: 21, open: 8, openSlotsFilled: 2 });
  });

  it('takes the best three for open from open-only, spare English and further EBacc subjects', () => {
    const a8 = attainment8([
      r('ENGLISH_LANGUAGE', 5),
      r('ENGLISH_LITERATURE', 6),
      r('HISTORY', 7),
      r('GEOGRAPHY', 7),
      r('SPANISH', 7),
      r('COMPUTER_SCIENCE', 4),
      r('ART', 8),
      r('MUSIC', 3),
      r('DRAMA', 2),
    ]);
    expect(a8).toMatchObject({ english: 12, ebacc: 21, open: 8 + 5 + 4 });
  });

  it('counts a subject once, at its highest points', () => {
    expect(attainment8([r('MATHS', 4), r('MATHS', 6)]).maths).toBe(12);
    expect(attainment8([r('ART', 4), r('ART', 6)])).toMatchObject({ open: 6, openSlotsFilled: 1 });
  });

  it('scores 90 for grade 9 in every slot, and no more with extra subjects', () => {
    const nines = [
      'MATHS',
      'ENGLISH_LANGUAGE',
      'ENGLISH_LITERATURE',
      'BIOLOGY',
      'CHEMISTRY',
      'PHYSICS',
      'HISTORY',
      'FRENCH',
      'ART',
      'MUSIC',
    ].map((s) => r(s, 9));
    expect(attainment8(nines)).toMatchObject({ total: 90, english: 18, maths: 18, ebacc: 27, open: 27 });
  });

  it('treats a subject missing from the lookup as open-only', () => {
    expect(attainment8([r('PHOTOGRAPHY', 6)])).toMatchObject({ open: 6, ebacc: 0 });
  });

  it('uses the category lookup it is given', () => {
    const categories = { ...GCSE_SUBJECT_CATEGORIES, CLASSICAL_CIVILISATION: 'ebacc' as const };
    expect(attainment8([r('CLASSICAL_CIVILISATION', 6)], categories)).toMatchObject({ ebacc: 6, open: 0 });
  });

  const subjects = Object.keys(GCSE_SUBJECT_CATEGORIES).concat(['ART', 'MUSIC', 'DRAMA', 'PE', 'RE']);
  const results = fc.array(
    fc.record({ subject: fc.constantFrom(...subjects), points: fc.integer({ min: 0, max: 9 }) }),
    { maxLength: 14 },
  );

  it('is between 0 and 90 and the sum of its elements (property)', () => {
    fc.assert(
      fc.property(results, (rs) => {
        const a8 = attainment8(rs);
        expect(a8.total).toBeGreaterThanOrEqual(0);
        expect(a8.total).toBeLessThanOrEqual(90);
        expect(a8.total).toBe(a8.english + a8.maths + a8.ebacc + a8.open);
        expect(a8.ebaccSlotsFilled).toBeLessThanOrEqual(3);
        expect(a8.openSlotsFilled).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('never falls when a pupil gains another result (property)', () => {
    fc.assert(
      fc.property(results, results, (rs, more) => {
        expect(attainment8([...rs, ...more]).total).toBeGreaterThanOrEqual(attainment8(rs).total);
      }),
    );
  });
});
