import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChange,
  type Characteristics,
  characteristicsAsAt,
  dayBefore,
  fsmChanges,
  isDisadvantaged,
  ks2FineLevel,
  onFsm,
  type Period,
  partitionProblems,
  priorAttainmentBand,
} from './characteristics';

const base: Characteristics = {
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
  ks2Reading: null,
  ks2Maths: null,
  ks2FineLevel: null,
  priorAttainmentBand: null,
};
const start: Period[] = [{ from: '2012-03-04', to: null, values: base }];

const isoDate = fc
  .integer({ min: Date.parse('2012-01-01'), max: Date.parse('2030-12-31') })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
const change = fc.record({
  date: isoDate,
  patch: fc.record(
    {
      disadvantaged: fc.boolean(),
      sen: fc.constantFrom('N' as const, 'K' as const, 'E' as const),
      eal: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
});

describe('applyChange', () => {
  it('closes the open period the day before a change and opens a new one from it', () => {
    const h = applyChange(start, '2025-01-06', { disadvantaged: true });
    expect(h).toEqual([
      { from: '2012-03-04', to: '2025-01-05', values: base },
      { from: '2025-01-06', to: null, values: { ...base, disadvantaged: true } },
    ]);
  });

  it('changes nothing when the values are already held', () => {
    const once = applyChange(start, '2025-01-06', { sen: 'K' });
    expect(applyChange(once, '2025-01-06', { sen: 'K' })).toEqual(once);
    expect(applyChange(once, '2026-02-01', { sen: 'K' })).toEqual(once);
  });

  it('merges a period back into its neighbour when a change is undone from the same date', () => {
    const once = applyChange(start, '2025-01-06', { eal: true });
    expect(applyChange(once, '2025-01-06', { eal: false })).toEqual(start);
  });

  it('keeps periods a partition of time whatever changes arrive, in any order', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        const h = changes.reduce<Period[]>((acc, c) => applyChange(acc, c.date, c.patch), start);
        expect(partitionProblems(h)).toEqual([]);
        expect(h[0]!.from).toBe('2012-03-04');
      }),
    );
  });

  it('resolves any date inside a period to that period, and the change date to the new values', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), isoDate, (changes, probe) => {
        const h = changes.reduce<Period[]>((acc, c) => applyChange(acc, c.date, c.patch), start);
        for (const p of h) {
          expect(characteristicsAsAt(h, p.from)).toEqual(p.values);
          if (p.to) expect(characteristicsAsAt(h, p.to)).toEqual(p.values);
          if (probe >= p.from && (p.to === null || probe <= p.to))
            expect(characteristicsAsAt(h, probe)).toEqual(p.values);
        }
        const last = changes.at(-1);
        if (last && last.date >= '2012-03-04')
          expect(characteristicsAsAt(h, last.date)).toMatchObject(last.patch);
      }),
    );
  });

  it('answers null before the first period, so callers fall back to the current values', () => {
    expect(characteristicsAsAt(start, '2010-01-01')).toBeNull();
  });
});

describe('partitionProblems', () => {
  it('names overlaps, gaps and a closed last period', () => {
    expect(
      partitionProblems([
        { from: '2020-01-01', to: '2020-06-30', values: base },
        { from: '2020-06-01', to: '2020-12-31', values: base },
      ]),
    ).toEqual(['The periods from 2020-01-01 and 2020-06-01 overlap', 'The last period must be open']);
    expect(
      partitionProblems([
        { from: '2020-01-01', to: '2020-06-30', values: base },
        { from: '2020-08-01', to: null, values: base },
      ]),
    ).toEqual(['There is a gap after 2020-06-30']);
  });
});

describe('Ever-6 disadvantage', () => {
  const fsm = [{ start: '2018-09-03', end: '2019-07-19' }];
  const pupil = { fsm, lookedAfter: false, adoptedFromCare: false };

  it('counts FSM at any point in the six years up to the date, and not after them', () => {
    expect(isDisadvantaged(pupil, '2018-09-02')).toBe(false);
    expect(isDisadvantaged(pupil, '2018-09-03')).toBe(true);
    expect(isDisadvantaged(pupil, '2025-07-19')).toBe(true);
    expect(isDisadvantaged(pupil, '2025-07-20')).toBe(false);
  });

  it('counts looked-after and adopted-from-care pupils without FSM', () => {
    expect(isDisadvantaged({ fsm: [], lookedAfter: true, adoptedFromCare: false }, '2025-01-01')).toBe(true);
    expect(isDisadvantaged({ fsm: [], lookedAfter: false, adoptedFromCare: true }, '2025-01-01')).toBe(true);
    expect(isDisadvantaged({ fsm: [], lookedAfter: false, adoptedFromCare: false }, '2025-01-01')).toBe(
      false,
    );
  });

  it('turns an FSM history into dated changes, including the day disadvantage lapses', () => {
    expect(fsmChanges(pupil, '2026-01-01')).toEqual([
      { date: '2018-09-03', fsm: true, disadvantaged: true },
      { date: '2019-07-20', fsm: false, disadvantaged: true },
      { date: '2025-07-20', fsm: false, disadvantaged: false },
    ]);
    expect(fsmChanges(pupil, '2020-01-01')).toHaveLength(2);
  });

  it('agrees with isDisadvantaged from each change up to the day before the next', () => {
    const fsmArb = fc.array(
      fc.tuple(isoDate, fc.option(fc.integer({ min: 0, max: 2000 }))).map(([s, len]) => ({
        start: s,
        end: len === null ? null : new Date(Date.parse(s) + len * 86_400_000).toISOString().slice(0, 10),
      })),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fsmArb, (instances) => {
        const p = { fsm: instances, lookedAfter: false, adoptedFromCare: false };
        const changes = fsmChanges(p, '2040-01-01');
        changes.forEach((c, i) => {
          const next = changes[i + 1];
          expect(isDisadvantaged(p, c.date)).toBe(c.disadvantaged);
          if (next) expect(isDisadvantaged(p, dayBefore(next.date))).toBe(c.disadvantaged);
          if (next) expect(onFsm(p.fsm, dayBefore(next.date))).toBe(c.fsm);
        });
      }),
    );
  });
});

describe('prior attainment', () => {
  it('takes the fine level as the mean of the two scaled scores, or the one there is', () => {
    expect(ks2FineLevel(103, 108)).toBe(105.5);
    expect(ks2FineLevel(null, 97)).toBe(97);
    expect(ks2FineLevel(null, null)).toBeNull();
  });

  it('bands scaled-score fine levels at 100 and 110, and old levels at 4 and 5', () => {
    expect([99.5, 100, 109.5, 110].map(priorAttainmentBand)).toEqual(['low', 'middle', 'middle', 'high']);
    expect([3.9, 4, 4.9, 5.2].map(priorAttainmentBand)).toEqual(['low', 'middle', 'middle', 'high']);
    expect(priorAttainmentBand(null)).toBeNull();
  });
});
