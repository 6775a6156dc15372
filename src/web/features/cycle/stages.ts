export type Stage = 'evaluate' | 'plan' | 'monitor' | 'analyse' | 'learn';

type StageCopy = { title: string; summary: string; detail: string };

/** What each part of the improvement cycle will do, said plainly while it is being built. */
export const stages: Record<Stage, StageCopy> = {
  evaluate: {
    title: 'Evaluate',
    summary: 'Judge how well each school is doing against the trust’s framework.',
    detail:
      'Schools will work through the framework one aspect at a time, with last round’s agreed judgement beside each statement, and improvement leads will review and agree the judgements with them.',
  },
  plan: {
    title: 'Plan',
    summary: 'Turn the judgements that matter most into a few clear priorities.',
    detail:
      'Each priority will have its actions, the people leading them and the outcomes you expect to see, and move through the EEF phases: explore, prepare, deliver and sustain.',
  },
  monitor: {
    title: 'Monitor',
    summary: 'Check that the plan is happening and making a difference.',
    detail:
      'You will see which checks are due and overdue for each priority – learning walks, book looks, pupil voice – record what you found, and print a tidy agenda for your meetings.',
  },
  analyse: {
    title: 'Analyse',
    summary: 'See pupils’ outcomes and the gaps between groups, explained in plain words.',
    detail:
      'Every figure will show how many pupils it is based on and how sure we can be of it, with a one-sentence reading of what it does and does not tell you.',
  },
  learn: {
    title: 'Learn',
    summary: 'Share what has worked between the trust’s schools.',
    detail:
      'Approaches that made a difference in one school will be gathered here, so another school can build on them when it plans.',
  },
};
