import { describe, expect, it } from 'vitest';
import { meanText, segmentColours, stackSegments } from './survey-bars';

describe('survey bars', () => {
  it('stacks answers in scale order as shares of the whole', () => {
    const s = stackSegments(['No', 'Maybe', 'Yes'], [1, 0, 3]);
    expect(s.map((x) => [x.label, x.share, x.x])).toEqual([
      ['No', 0.25, 0],
      ['Maybe', 0, 0.25],
      ['Yes', 0.75, 0.25],
    ]);
    expect(stackSegments(['No'], [0])).toEqual([]);
  });
  it('colours the two ends apart with a grey middle', () => {
    const five = segmentColours(5);
    expect(five).toHaveLength(5);
    expect(five[2]).toBe('hsl(215 20% 82%)');
    expect(new Set(five).size).toBe(5);
    expect(segmentColours(10)).toHaveLength(10);
  });
  it('writes a mean with its interval', () => {
    expect(meanText(3.84, [3.51, 4.17])).toBe('3.8 (3.5 to 4.2)');
    expect(meanText(null, null)).toBe('–');
  });
});
