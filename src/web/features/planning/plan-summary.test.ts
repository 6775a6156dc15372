import { describe, expect, it } from 'vitest';
import type { ImpactCheck, PlanDetail, Priority } from '../../../shared/contracts/planning';
import { planSummary } from './plan-summary';

const check = (state: ImpactCheck['state'], dueOn: string): ImpactCheck => ({
  id: crypto.randomUUID(),
  dueOn,
  method: 'data_drop',
  outcomeIds: [],
  ownerPersonId: null,
  ownerName: null,
  recordedOn: null,
  findings: '',
  values: [],
  rag: null,
  response: null,
  responseDetail: '',
  state,
  version: 1,
});

const priority = (p: Partial<Priority>): Priority => ({
  id: crypto.randomUUID(),
  planId: 'plan',
  title: 'A priority',
  rationale: '',
  phase: 'explore',
  status: 'active',
  statements: [],
  tags: [],
  phaseNotes: {},
  ownerPersonId: null,
  version: 1,
  outcomes: [],
  actions: [],
  checks: [],
  phaseMoves: [],
  ...p,
});

const plan = (priorities: Priority[]) => ({ priorities }) as PlanDetail;

describe('plan summary', () => {
  it('counts active priorities by phase and names the next check', () => {
    const text = planSummary(
      plan([
        priority({ phase: 'explore', checks: [check('planned', '2027-01-10'), check('due', '2026-12-01')] }),
        priority({ phase: 'deliver' }),
        priority({ phase: 'deliver', status: 'stopped' }),
      ]),
    );
    expect(text).toBe(
      '2 active priorities: 1 in Explore, 1 in Deliver. 1 stopped or completed. Next check due 01/12/2026.',
    );
  });

  it('says when checks are overdue and nothing later is planned', () => {
    expect(planSummary(plan([priority({ checks: [check('overdue', '2026-11-01')] })]))).toBe(
      '1 active priority: 1 in Explore. 1 impact check overdue. No later checks are planned.',
    );
  });

  it('says plainly when there are no priorities', () => {
    expect(planSummary(plan([]))).toBe('No priorities yet.');
  });
});
