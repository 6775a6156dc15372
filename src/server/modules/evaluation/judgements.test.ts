import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSince, commonWeaknesses } from './judgements';

describe('changeSince', () => {
  it('compares agreed judgements only', () => {
    expect(changeSince(null, 2)).toBeNull();
    expect(changeSince(3, null)).toBe('new');
    expect(changeSince(3, 2)).toBe('up');
    expect(changeSince(2, 3)).toBe('down');
    expect(changeSince(3, 3)).toBe('same');
  });
});

describe('commonWeaknesses', () => {
  it('ranks statements by the share of schools below secure, ignoring left and unagreed cells', () => {
    const out = commonWeaknesses(
      [
        { statementId: 'a', values: [1, 2, 3, 'left'] },
        { statementId: 'b', values: [1, 'left', 'left', null] },
        { statementId: 'c', values: [3, 4, 4, 3] },
      ],
      3,
    );
    expect(out).toEqual([
      { statementId: 'b', belowSecure: 1, judged: 1, share: 1 },
      { statementId: 'a', belowSecure: 2, judged: 3, share: 2 / 3 },
    ]);
  });

  it('never counts a left-until-next-time cell as a judgement (property)', () => {
    const cell = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('left' as const), fc.constant(null));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (values) => {
        const [w] = commonWeaknesses([{ statementId: 's', values }], 3);
        const numbers = values.filter((v) => typeof v === 'number').length;
        if (w) expect(w.judged).toBe(numbers);
      }),
    );
  });
});
