import { describe, expect, it } from 'vitest';
import { type AnswerRow, groupsOf, likertResult, textCount } from './survey-results';

const q = { id: 'q', text: 'Q', kind: 'likert' as const, scaleLabels: ['1', '2', '3', '4', '5'] };
const answer = (value: number, over: Partial<AnswerRow> = {}): AnswerRow => ({
  questionId: 'q',
  schoolId: 's1',
  value,
  text: null,
  yearGroup: 'Y7',
  disadvantaged: false,
  sen: false,
  eal: false,
  sex: 'F',
  ...over,
});

describe('survey results', () => {
  it('hides a group of 5 and its partner, but shows the overall figure', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => answer(2, { disadvantaged: true })),
      ...Array.from({ length: 30 }, (_, i) => answer(1 + (i % 5))),
    ];
    const r = likertResult(q, rows, groupsOf('disadvantaged', rows, []), 6);
    expect(r.groups.map((g) => [g.label, g.suppressed, g.n])).toEqual([
      ['Disadvantaged', true, null],
      ['Not disadvantaged', true, null],
    ]);
    expect(r.groups.every((g) => g.counts === null && g.mean === null)).toBe(true);
    expect(r.overall).toMatchObject({ n: 35, suppressed: false, counts: [6, 11, 6, 6, 6] });
    expect(r.overall.mean).toBeCloseTo(100 / 35, 10);
    expect(r.overall.ci?.[0]).toBeLessThan(r.overall.mean ?? 0);
  });

  it('shows both groups when each has at least the threshold', () => {
    const rows = [
      ...Array.from({ length: 6 }, () => answer(5, { disadvantaged: true })),
      ...Array.from({ length: 6 }, () => answer(1)),
    ];
    const r = likertResult(q, rows, groupsOf('disadvantaged', rows, []), 6);
    expect(r.groups.map((g) => [g.n, g.mean])).toEqual([
      [6, 5],
      [6, 1],
    ]);
  });

  it('hides two small groups without hiding a third large one', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => answer(3, { yearGroup: 'Y9' })),
      ...Array.from({ length: 4 }, () => answer(3, { yearGroup: 'Y8' })),
      ...Array.from({ length: 20 }, () => answer(3, { yearGroup: 'Y7' })),
    ];
    const r = likertResult(q, rows, groupsOf('yearGroup', rows, []), 6);
    expect(r.groups.map((g) => [g.label, g.suppressed])).toEqual([
      ['Year 7', false],
      ['Year 8', true],
      ['Year 9', true],
    ]);
  });

  it('puts respondents without the characteristic in a group of their own, so groups add up', () => {
    const rows = [
      ...Array.from({ length: 8 }, () => answer(4, { sex: null })),
      ...Array.from({ length: 8 }, () => answer(2)),
    ];
    const labels = groupsOf('sex', rows, []).map((g) => g.label);
    expect(labels).toEqual(['Girls', 'Boys', 'Not recorded']);
  });

  it('hides the overall figure and the count of written answers below the threshold', () => {
    const rows = Array.from({ length: 5 }, () => answer(4));
    expect(likertResult(q, rows, [], 6).overall.suppressed).toBe(true);
    expect(
      textCount(
        rows.map((r) => ({ ...r, value: null, text: 'hi' })),
        6,
      ),
    ).toMatchObject({ n: null, suppressed: true });
  });
});
