import type { CaseStudyFields, Demographics, MeasureKind } from '../../../shared/contracts/library';
import {
  checkMethodLabels,
  type Phase,
  type Priority,
  phaseLabels,
  phases,
} from '../../../shared/contracts/planning';

/** Which kind of measure an outcome is, from the words its author used. */
export function measureKindOf(measure: string): MeasureKind {
  const m = measure.toLowerCase();
  if (/progress\s*8|\bp8\b/.test(m)) return 'progress8';
  if (/ks2|key stage 2/.test(m) && /progress/.test(m)) return 'ks2_progress';
  if (/attendance|absence|absent/.test(m)) return 'attendance';
  if (/retention|turnover|staff (leaving|stay)/.test(m)) return 'staff_retention';
  if (/ofsted|inspection/.test(m)) return 'ofsted';
  if (/attain|reading|writing|maths|phonics|grade|expected standard|score|gcse|fluency/.test(m))
    return 'attainment';
  return 'other';
}

const responseWords: Record<string, string> = {
  continue: 'we carried on as planned',
  adapt: 'we adapted the approach',
  stop: 'we stopped it',
  scale: 'we scaled it up',
};

export type PrefillContext = {
  schoolCount: number;
  region: string;
  phase: string;
  demographics: Demographics;
  /** Codes of the trust's framework components the priority's statements and tags point to. */
  componentCodes: string[];
  owner: { name: string; jobTitle: string } | null;
};

/**
 * A first draft of a case study from a plan priority: its title, the judgements it answers, what was
 * done in each EEF phase, its outcomes from baseline to latest against the target, and what each
 * impact check found and how the school responded. Only figures already held as aggregates are used.
 */
export function caseStudyFromPriority(p: Priority, ctx: PrefillContext): CaseStudyFields {
  const reached = new Set<Phase>([p.phase, ...p.phaseMoves.flatMap((m) => [m.from, m.to])]);
  const eefPhases = phases
    .filter((ph) => reached.has(ph))
    .map((ph) => {
      const notes = (p.phaseNotes[ph] ?? '').trim();
      const moves = p.phaseMoves
        .filter((m) => m.from === ph)
        .map((m) => `Moved on to ${phaseLabels[m.to].toLowerCase()}: ${m.reason}`);
      return { phase: ph, summary: [notes, ...moves].filter(Boolean).join('\n') };
    });

  const statements = p.statements.map((s) => `${s.code}: ${s.text}`);
  const problem = [
    p.rationale.trim(),
    statements.length
      ? `The evaluation judged these below where we wanted them:\n${statements.join('\n')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const actions = p.actions
    .filter((a) => a.status !== 'dropped')
    .map((a) => `- ${a.description}${a.resources ? ` (${a.resources})` : ''}`);
  const approach = actions.length ? `What we did:\n${actions.join('\n')}` : '';

  const recorded = p.checks.filter((c) => c.recordedOn);
  const impact = p.outcomes.map((o) => {
    const latestCheck = recorded
      .filter((c) => c.values.some((v) => v.outcomeId === o.id))
      .sort((a, b) => (a.recordedOn! < b.recordedOn! ? 1 : -1))[0];
    return {
      kind: measureKindOf(o.measure),
      measure: o.measure,
      group: o.groupLabel,
      unit: o.unit,
      before: o.baselineValue,
      beforeOn: o.baselineOn,
      after: o.latestValue ?? '',
      afterOn: o.latestOn,
      target: o.targetValue,
      source: latestCheck
        ? `${checkMethodLabels[latestCheck.method]} recorded ${latestCheck.recordedOn}`
        : 'No impact check recorded yet',
    };
  });

  const lessons = recorded
    .map((c) => {
      const what = c.findings.trim() || 'No findings written.';
      const response = c.response
        ? ` In response ${responseWords[c.response]}${c.responseDetail ? `: ${c.responseDetail}` : '.'}`
        : '';
      return `${checkMethodLabels[c.method]} (${c.recordedOn}): ${what}${response}`;
    })
    .join('\n');

  return {
    title: p.title,
    schoolCount: ctx.schoolCount,
    region: ctx.region,
    phase: ctx.phase,
    demographics: ctx.demographics,
    problem,
    approach,
    eefPhases,
    impact,
    lessons,
    doDifferently: '',
    contacts: ctx.owner ? [{ name: ctx.owner.name, role: ctx.owner.jobTitle, email: '' }] : [],
    componentCodes: ctx.componentCodes,
    statementIds: p.statements.map((s) => s.id),
    visibility: 'trust',
  };
}
