import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../shared/contracts/planning';
import { type ChartBox, outcomeGeometry, trackState } from './outcome-chart';

const box: ChartBox = { width: 200, height: 100, left: 0, right: 0, top: 0, bottom: 0 };

const outcome = (o: Partial<Outcome> = {}): Outcome => ({
  id: '00000000-0000-4000-8000-000000000001',
  description: 'More pupils read fluently',
  measure: 'Fluent readers',
  unit: '%',
  numeric: true,
  direction: 'up',
  groupLabel: 'All pupils',
  baselineValue: '40',
  baselineOn: '2026-09-01',
  targetValue: '70',
  targetOn: '2027-07-01',
  version: 1,
  latestValue: null,
  latestOn: null,
  onTrack: null,
  ...o,
});

describe('outcome chart geometry', () => {
  it('runs from the baseline at the left edge to the target at the right, higher values nearer the top', () => {
    const g = outcomeGeometry(outcome(), box);
    expect(g?.baseline.x).toBe(0);
    expect(g?.target.x).toBe(200);
    expect(g!.target.y).toBeLessThan(g!.baseline.y);
    expect(g?.latest).toBeNull();
  });

  it('places the latest value between them in time and keeps every point inside the box', () => {
    const g = outcomeGeometry(outcome({ latestValue: '42', latestOn: '2026-11-25' }), box)!;
    expect(g.latest!.x).toBeGreaterThan(0);
    expect(g.latest!.x).toBeLessThan(200);
    for (const p of [g.baseline, g.target, g.latest!]) {
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(100);
    }
  });

  it('widens the time axis when the latest value comes after the target date', () => {
    const g = outcomeGeometry(outcome({ latestValue: '75', latestOn: '2027-09-01' }), box)!;
    expect(g.latest!.x).toBe(200);
    expect(g.target.x).toBeLessThan(200);
  });

  it('copes with a flat target and draws nothing for measures that are not numbers', () => {
    expect(outcomeGeometry(outcome({ baselineValue: '5', targetValue: '5' }), box)).not.toBeNull();
    expect(outcomeGeometry(outcome({ numeric: false, baselineValue: 'Weak' }), box)).toBeNull();
  });
});

describe('track state', () => {
  it('says on track, behind, not yet checked, or judged in words', () => {
    expect(trackState(outcome({ onTrack: true, latestValue: '60' }))).toBe('on_track');
    expect(trackState(outcome({ onTrack: false, latestValue: '41' }))).toBe('behind');
    expect(trackState(outcome())).toBe('not_yet');
    expect(trackState(outcome({ numeric: false, latestValue: 'Better' }))).toBe('not_numeric');
  });
});
