import { describe, expect, it } from 'vitest';
import { defaultRoundId } from './default-round';

const agreed = { subjects: [{ schoolId: 'a', status: 'agreed' }] };
const draft = { subjects: [{ schoolId: 'a', status: 'draft' }] };
const anywhere = () => true;

describe('default round for planning', () => {
  it('skips newer rounds with nothing agreed yet', () => {
    expect(defaultRoundId(['new', 'old'], [draft, agreed], anywhere)).toBe('old');
  });

  it('waits for a newer round still loading rather than jumping later', () => {
    expect(defaultRoundId(['new', 'old'], [undefined, agreed], anywhere)).toBeUndefined();
  });

  it('falls back to the newest when no round has agreed judgements the reader can plan from', () => {
    expect(defaultRoundId(['new', 'old'], [draft, agreed], (s) => s !== 'a')).toBe('new');
    expect(defaultRoundId([], [], anywhere)).toBeUndefined();
  });
});
