import { describe, expect, it } from 'vitest';
import { interventionImpact } from '../analysis/stats';
import { generateInterventionTrial } from './synthetic';

const trial = (seed: number, effect: number, size = 400) =>
  generateInterventionTrial({ seed, laCode: '381', estab: '1234', size, effect, birthYear: 2012 });

const evaluate = (pupils: ReturnType<typeof trial>) =>
  interventionImpact({
    post: {
      intervention: pupils.filter((p) => p.treated).map((p) => p.post),
      comparison: pupils.filter((p) => !p.treated).map((p) => p.post),
    },
    pre: {
      intervention: pupils.filter((p) => p.treated).map((p) => p.pre),
      comparison: pupils.filter((p) => !p.treated).map((p) => p.pre),
    },
  });

describe('generateInterventionTrial', () => {
  it('is deterministic from its seed', () => {
    expect(trial(7, 0.3)).toEqual(trial(7, 0.3));
    expect(trial(7, 0.3)).not.toEqual(trial(8, 0.3));
  });

  it('plants the effect on the post-test only: the groups start alike', () => {
    const pupils = trial(11, 0.4, 2000);
    const impact = evaluate(pupils);
    expect(impact.baseline?.imbalanced).toBe(false);
    expect(impact.effect?.d).toBeGreaterThan(0.3);
    expect(impact.effect?.d).toBeLessThan(0.5);
  });

  // The 95% interval should cover the planted effect in about 95 of 100 trials; 40 trials with a
  // true coverage of 95% give 34 or fewer covering with probability below 1%.
  it.each([0, 0.25, 0.5])(
    'the evaluation interval covers a planted effect of %s in most trials',
    (effect) => {
      let covered = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const ci = evaluate(trial(seed * 7919, effect, 200)).effect?.ci;
        if (ci && ci[0] <= effect && effect <= ci[1]) covered++;
      }
      expect(covered).toBeGreaterThanOrEqual(35);
    },
  );
});
