import type { EvaluationSummary, Heatmap } from '../../../shared/contracts/evaluation';
import {
  checkMethodLabels,
  type PlanDetail,
  type PlanOverview,
  phaseLabels,
} from '../../../shared/contracts/planning';
import type { Report, ReportSection } from '../../../shared/contracts/reports';

/**
 * The school self-evaluation summary and the improvement plan report, shaped from what the
 * evaluation and planning services return. Pure: the services decide who sees what.
 */
const ukDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

type Base = Pick<Report, 'generatedAt' | 'generatedBy' | 'suppressionThreshold'>;

export function selfEvaluationReport(
  base: Base,
  school: { id: string; name: string },
  summary: EvaluationSummary,
  scale: Heatmap['scale'],
): Report {
  const source = {
    endpoint: `GET /api/v1/rounds/${summary.round.id}/summary`,
    params: { schoolId: school.id },
  };
  const points = [...scale.points].sort((a, b) => a.value - b.value);
  const sections: ReportSection[] = summary.tools.map((t, ti) => {
    const judged = t.aspects.reduce(
      (n, a) => n + Object.values(a.distribution).reduce((x, y) => x + y, 0),
      0,
    );
    const secure = t.aspects.reduce(
      (n, a) =>
        n +
        Object.entries(a.distribution)
          .filter(([v]) => Number(v) >= scale.secureValue)
          .reduce((x, [, c]) => x + c, 0),
      0,
    );
    const left = t.aspects.flatMap((a) => a.leftForNextTime);
    return {
      heading: `${t.toolName}${t.departmentName ? ` – ${t.departmentName}` : ''}`,
      paragraphs: [
        `Status: ${t.status.replaceAll('_', ' ')}. ${judged} statements judged, ${secure} of them ${points.find((p) => p.value === scale.secureValue)?.label ?? 'secure'} or better.`,
        ...(left.length ? ['Left until next time:', ...left.map((l) => `${l.code}: ${l.text}`)] : []),
      ],
      figures: [
        {
          kind: 'table',
          id: `tool-${ti}`,
          title: `${t.toolName}: judgements by aspect, with change since the last round`,
          columns: ['Aspect', ...points.map((p) => p.label), 'Improved', 'Same', 'Declined'],
          rows: t.aspects.map((a) => [
            a.title,
            ...points.map((p) => a.distribution[String(p.value)] ?? 0),
            a.up,
            a.same,
            a.down,
          ]),
          countColumns: [],
          totalRows: [],
          notes: [
            summary.previousRoundId
              ? 'Change compares each agreed judgement with the one agreed in the previous round.'
              : 'This is the first round, so there is no earlier judgement to compare with.',
          ],
          source,
        },
      ],
    };
  });
  return {
    ...base,
    kind: 'self-evaluation',
    title: `Self-evaluation summary: ${school.name}`,
    subtitle: `${summary.round.name} round (${ukDate(summary.round.opensOn)} to ${ukDate(summary.round.closesOn)})`,
    audience: 'staff',
    caveats: [
      'Judgements shown are agreed ones where the liaison has agreed them; staff also see the school’s own current judgements before agreement.',
    ],
    sections: sections.length
      ? sections
      : [
          {
            heading: 'No evaluations',
            paragraphs: ['This school has no evaluations in this round.'],
            figures: [],
          },
        ],
  };
}

export function planReport(
  base: Base,
  plan: PlanDetail,
  deimplemented: PlanOverview['deimplemented'],
): Report {
  const source = { endpoint: `GET /api/v1/plans/${plan.id}`, params: {} };
  const active = plan.priorities.filter((p) => p.status !== 'stopped');
  const stopped = plan.priorities.filter((p) => p.status === 'stopped');
  const ids = new Set(plan.priorities.map((p) => p.id));
  const stoppedHere = deimplemented.filter((d) => ids.has(d.priorityId));
  const sections: ReportSection[] = [
    {
      heading: 'Priorities',
      paragraphs: [
        `${plan.priorities.length} priorities: ${active.length} active or completed, ${stopped.length} stopped.`,
      ],
      figures: [
        {
          kind: 'table',
          id: 'priorities',
          title: 'Priorities and their phase',
          columns: ['Priority', 'Phase', 'Status', 'Outcomes on track', 'Checks recorded'],
          rows: plan.priorities.map((p) => [
            p.title,
            phaseLabels[p.phase],
            p.status,
            `${p.outcomes.filter((o) => o.onTrack).length} of ${p.outcomes.length}`,
            `${p.checks.filter((c) => c.state === 'recorded').length} of ${p.checks.length}`,
          ]),
          countColumns: [],
          totalRows: [],
          notes: [],
          source,
        },
      ],
    },
    ...plan.priorities.map((p, i) => ({
      heading: `Priority ${i + 1}: ${p.title}`,
      paragraphs: [
        `Phase: ${phaseLabels[p.phase]}. Status: ${p.status}.`,
        ...(p.rationale ? [p.rationale] : []),
        ...(p.statements.length
          ? [`Addresses: ${p.statements.map((s) => `${s.code} ${s.text}`).join('; ')}.`]
          : []),
      ],
      figures: [
        {
          kind: 'table' as const,
          id: `outcomes-${i}`,
          title: 'Outcomes: baseline, latest and target',
          columns: ['Outcome', 'Group', 'Baseline', 'Latest', 'Target', 'On track'],
          rows: p.outcomes.map((o) => [
            `${o.description} (${o.measure})`,
            o.groupLabel,
            `${o.baselineValue}${o.unit} (${ukDate(o.baselineOn)})`,
            o.latestValue ? `${o.latestValue}${o.unit} (${ukDate(o.latestOn)})` : 'not yet measured',
            `${o.targetValue}${o.unit} by ${ukDate(o.targetOn)}`,
            o.onTrack === null ? 'not yet known' : o.onTrack ? 'yes' : 'no',
          ]),
          countColumns: [],
          totalRows: [],
          notes: [],
          source: { endpoint: `GET /api/v1/priorities/${p.id}`, params: {} },
        },
        {
          kind: 'table' as const,
          id: `checks-${i}`,
          title: 'Impact checks and the responses to them',
          columns: ['Due', 'Method', 'State', 'Findings', 'Rating', 'Response'],
          rows: p.checks.map((c) => [
            ukDate(c.dueOn),
            checkMethodLabels[c.method],
            c.state,
            c.findings,
            c.rag ?? '',
            c.response ? `${c.response}${c.responseDetail ? `: ${c.responseDetail}` : ''}` : '',
          ]),
          countColumns: [],
          totalRows: [],
          notes: [],
          source: { endpoint: `GET /api/v1/priorities/${p.id}`, params: {} },
        },
      ],
    })),
    {
      heading: 'De-implemented initiatives',
      paragraphs: stoppedHere.length
        ? ['What was stopped, why, and what it freed up for the priorities that remain.']
        : ['Nothing has been stopped in this plan.'],
      figures: stoppedHere.length
        ? [
            {
              kind: 'table' as const,
              id: 'deimplemented',
              title: 'Stopped initiatives',
              columns: ['Initiative', 'Stopped on', 'Why', 'Evidence', 'Time freed', 'Money freed'],
              rows: stoppedHere.map((d) => [
                d.title,
                ukDate(d.stoppedOn),
                d.reason,
                d.evidence,
                d.timeFreed,
                d.moneyFreed,
              ]),
              countColumns: [],
              totalRows: [],
              notes: [],
              source: { endpoint: 'GET /api/v1/plans/overview', params: {} },
            },
          ]
        : [],
    },
  ];
  return {
    ...base,
    kind: 'plan',
    title: `Improvement plan report: ${plan.title}`,
    subtitle: `${plan.schoolName ?? 'Trust-wide'}${plan.departmentName ? ` – ${plan.departmentName}` : ''}, ${ukDate(plan.periodStart)} to ${ukDate(plan.periodEnd)}. Owner: ${plan.ownerName ?? 'not set'}.`,
    audience: 'staff',
    caveats: [
      'Latest values are the most recent recorded at an impact check; an outcome is on track when its latest value is on or better than the straight line from baseline to target.',
    ],
    sections,
  };
}
