import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { phaseLabels, phases } from '../../../shared/contracts/planning';
import type { BoardDashboard, Report, ReportFigure, ReportSection } from '../../../shared/contracts/reports';
import { type BoardData, gapAt, gapOf, heatmapBySchool, type Period, scopeMean, trendOf } from './board-data';

/** The DfE's symbol for a value withheld to protect confidentiality. */
export const SUPPRESSED = 'c';

const oneDp = (v: number | null) => (v === null ? SUPPRESSED : v.toFixed(1));
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const gapSource = (a: GapAnalysis) => ({
  endpoint: 'GET /api/v1/analysis/gaps',
  params: { assessmentId: a.assessment.id, groupBy: a.groupBy, audience: 'board' },
});
const trendWords = {
  narrower: 'narrower',
  wider: 'wider',
  similar: 'no clear change',
  no_earlier_data: 'no earlier assessment',
  hidden: 'hidden',
} as const;

/** One table and one chart per assessment: each school's groups, the gap and its trend. */
function gapFigures(entry: BoardData['gaps'][number]): ReportFigure[] {
  const { analysis: a, previous } = entry;
  const rows = a.scopes.map((s) => {
    const [focus, other] = s.groups;
    const gap = s.gap?.difference ?? null;
    return [
      s.label,
      focus?.n ?? SUPPRESSED,
      oneDp(focus?.mean ?? null),
      other?.n ?? SUPPRESSED,
      oneDp(other?.mean ?? null),
      oneDp(gap),
      s.gap ? `${s.gap.ci[0].toFixed(1)} to ${s.gap.ci[1].toFixed(1)}` : SUPPRESSED,
      trendWords[trendOf(s.gap, gapAt(previous, s.schoolId), previous !== null)],
    ];
  });
  const hidden = a.scopes.filter((s) => s.groups.some((g) => g.suppressed)).length;
  return [
    {
      kind: 'table',
      id: `gaps-${a.assessment.id}`,
      title: `${a.assessment.name} (${a.assessment.academicYear}, ${a.assessment.collectionPoint}): disadvantaged pupils and others`,
      columns: [
        'School',
        'Disadvantaged pupils',
        'Disadvantaged mean',
        'Other pupils',
        'Other mean',
        'Gap',
        'Gap likely between',
        previous
          ? `Trend since ${previous.assessment.name} (${previous.assessment.collectionPoint})`
          : 'Trend',
      ],
      rows,
      countColumns: [1, 3],
      totalRows: a.scopes.flatMap((s, i) => (s.scope === 'trust' ? [i] : [])),
      notes: [
        'Gap: the mean of other pupils minus the mean of disadvantaged pupils; a positive gap means disadvantaged pupils are behind.',
        ...(hidden
          ? [
              `${SUPPRESSED}: hidden because a group has fewer than ${a.suppressionThreshold} pupils, or because it could otherwise be worked out from the total.`,
            ]
          : []),
      ],
      source: gapSource(a),
    },
    {
      kind: 'chart',
      id: `gap-chart-${a.assessment.id}`,
      title: `${a.assessment.name}: gap with its likely range`,
      chart: 'bars',
      unit: '',
      series: [
        {
          name: 'Gap',
          points: a.scopes.map((s) => ({
            label: s.label,
            value: s.gap?.difference ?? null,
            low: s.gap?.ci[0] ?? null,
            high: s.gap?.ci[1] ?? null,
          })),
        },
      ],
      notes: a.scopes.map((s) => s.reading),
      source: gapSource(a),
    },
  ];
}

const yearLabel = (y: number) => `${y - 1}/${String(y).slice(2)}`;
const att8 = (m: Record<string, number | null>) => m.ATT8SCR ?? null;

function trajectoryFigures(data: BoardData): ReportFigure[] {
  const years = [...new Set(data.published.map((p) => p.year))].sort();
  if (!years.length) return [];
  const withData = data.schools.filter((s) => data.published.some((p) => p.urn === s.urn));
  const source = {
    endpoint:
      withData.length === 1
        ? `GET /api/v1/schools/${withData[0]!.id}/published-outcomes`
        : 'GET /api/v1/schools/:id/published-outcomes',
    params: {},
  };
  const schoolNotes =
    withData.length > 1
      ? [`One call per school: ${withData.map((s) => `${s.name} (${s.id})`).join(', ')}.`]
      : [];
  const england = (y: number) =>
    data.benchmarks.find((b) => b.record_level === 'national_state_funded' && b.year === y);
  const la = (code: string | null, y: number) =>
    data.benchmarks.find((b) => b.record_level === 'local_authority' && b.la_code === code && b.year === y);
  const latest = years.at(-1)!;
  const chart: ReportFigure =
    years.length > 1
      ? {
          kind: 'chart',
          id: 'published-att8',
          title: 'Attainment 8 by year, with England (state-funded schools)',
          chart: 'line',
          unit: '',
          series: [
            ...withData.map((s) => ({
              name: s.name,
              points: years.map((y) => {
                const row = data.published.find((p) => p.urn === s.urn && p.year === y);
                return { label: yearLabel(y), value: row ? att8(row.measures) : null, low: null, high: null };
              }),
            })),
            {
              name: 'England (state-funded)',
              points: years.map((y) => {
                const e = england(y);
                return { label: yearLabel(y), value: e ? att8(e.measures) : null, low: null, high: null };
              }),
            },
          ],
          notes: schoolNotes,
          source,
        }
      : {
          kind: 'chart',
          id: 'published-att8',
          title: `Attainment 8 in ${yearLabel(latest)}: each school beside its local authority and England`,
          chart: 'bars',
          unit: '',
          series: [
            {
              name: 'Attainment 8',
              points: [
                ...withData.flatMap((s) => {
                  const row = data.published.find((p) => p.urn === s.urn && p.year === latest);
                  const l = la(row?.la_code ?? null, latest);
                  return [
                    { label: s.name, value: row ? att8(row.measures) : null, low: null, high: null },
                    ...(l
                      ? [
                          {
                            label: s.local_authority
                              ? `${s.local_authority} (local authority)`
                              : `Local authority ${l.la_code}`,
                            value: att8(l.measures),
                            low: null,
                            high: null,
                          },
                        ]
                      : []),
                  ];
                }),
                {
                  label: 'England (state-funded)',
                  value: england(latest) ? att8(england(latest)!.measures) : null,
                  low: null,
                  high: null,
                },
              ],
            },
          ],
          notes: [
            'Only one year of performance tables has been imported, so this compares rather than tracks.',
            ...schoolNotes,
          ],
          source,
        };
  return [
    {
      kind: 'table',
      id: 'published-ks4',
      title: 'Published KS4 outcomes (DfE performance tables)',
      columns: [
        'School',
        'Joined trust',
        'Year',
        'Pupils',
        'Attainment 8',
        'Progress 8',
        'Grade 4+ English and maths',
      ],
      rows: data.published.map((p) => {
        const s = data.schools.find((x) => x.urn === p.urn);
        const v = (k: string, suffix = '') =>
          p.measures[k] === null || p.measures[k] === undefined
            ? p.missing[k] === 'SUPP'
              ? SUPPRESSED
              : 'x'
            : `${p.measures[k]}${suffix}`;
        return [
          s?.name ?? p.school_name ?? p.urn ?? '',
          s?.joined_trust_on ? ukDate(s.joined_trust_on) : '',
          yearLabel(p.year),
          v('TPUP'),
          v('ATT8SCR'),
          v('P8MEA'),
          v('PTL2BASICS_94', '%'),
        ];
      }),
      countColumns: [],
      totalRows: [],
      notes: [
        'Published figures are the DfE’s own, already suppressed where the DfE withheld them (c); x: not available.',
        ...schoolNotes,
      ],
      source,
    },
    chart,
  ];
}

export function boardReport(
  base: Pick<Report, 'generatedAt' | 'generatedBy' | 'suppressionThreshold'>,
  trustName: string,
  period: Period,
  data: BoardData,
): Report {
  const sections: ReportSection[] = [];
  sections.push({
    heading: 'Outcomes by group',
    paragraphs: data.gaps.length
      ? [
          'For each assessment in the period: how disadvantaged pupils did against other pupils in each school and across the trust, and whether the gap has changed since the previous assessment of the same subject and year group.',
        ]
      : ['No assessments were taken in this period.'],
    figures: data.gaps.flatMap(gapFigures),
  });
  sections.push({
    heading: 'Published outcomes since joining',
    paragraphs: data.published.length
      ? ['The DfE’s published KS4 results for the trust’s schools that have them.']
      : ['No published performance tables have been imported for the trust’s schools.'],
    figures: trajectoryFigures(data),
  });
  const overview = data.plans;
  sections.push({
    heading: 'Improvement plan progress',
    paragraphs: [
      `${overview.plans.length} plans, ${overview.plans.reduce((n, p) => n + p.priorities, 0)} priorities, ${overview.plans.reduce((n, p) => n + p.overdueChecks, 0)} impact checks overdue.`,
    ],
    figures: [
      {
        kind: 'table',
        id: 'plans',
        title: 'Plans by EEF implementation phase',
        columns: ['Plan', 'School', ...phases.map((p) => phaseLabels[p]), 'Overdue checks', 'Stopped'],
        rows: overview.plans.map((p) => [
          p.title,
          p.schoolName ?? 'Trust-wide',
          ...phases.map((ph) => p.byPhase[ph] ?? 0),
          p.overdueChecks,
          p.stopped,
        ]),
        countColumns: [],
        totalRows: [],
        notes: [],
        source: { endpoint: 'GET /api/v1/plans/overview', params: {} },
      },
      ...(overview.deimplemented.length
        ? [
            {
              kind: 'table' as const,
              id: 'deimplemented',
              title: 'Initiatives stopped to make room',
              columns: ['Initiative', 'School', 'Stopped on', 'Why'],
              rows: overview.deimplemented.map((d) => [
                d.title,
                d.schoolName ?? 'Trust-wide',
                ukDate(d.stoppedOn),
                d.reason,
              ]),
              countColumns: [],
              totalRows: [],
              notes: [],
              source: { endpoint: 'GET /api/v1/plans/overview', params: {} },
            },
          ]
        : []),
    ],
  });
  if (data.heatmap) {
    const h = data.heatmap;
    const bySchool = heatmapBySchool(h);
    sections.push({
      heading: 'Self-evaluation',
      paragraphs: [
        `Agreed judgements from the ${h.round.name} round${h.round.status === 'open' ? ' (still open)' : ''}.`,
        ...(h.commonWeaknesses.length
          ? [
              'Weaknesses shared by several schools:',
              ...h.commonWeaknesses.slice(0, 5).map((w) => `${w.code}: ${w.text}`),
            ]
          : []),
      ],
      figures: [
        {
          kind: 'table',
          id: 'heatmap',
          title: 'Agreed judgements by school',
          columns: ['School', 'Statements judged', 'Secure or better', 'Average judgement'],
          rows: bySchool.map((s) => [
            s.label,
            s.judged,
            s.secureOrBetter,
            s.mean === null ? '' : s.mean.toFixed(1),
          ]),
          countColumns: [],
          totalRows: [],
          notes: [
            `Average on the ${h.scale.name.toLowerCase()} (${h.scale.points.map((p) => `${p.value} ${p.label}`).join(', ')}).`,
          ],
          source: { endpoint: `GET /api/v1/rounds/${h.round.id}/heatmap`, params: {} },
        },
      ],
    });
  }
  return {
    ...base,
    kind: 'board',
    title: `Report to the board: ${trustName}`,
    subtitle: period.from
      ? `For the period ${ukDate(period.from)} to ${ukDate(period.to)}`
      : `Everything up to ${ukDate(period.to)}`,
    audience: 'board',
    caveats: dataQualityCaveats(data),
    sections,
  };
}

/** What a reader should bear in mind: coverage, hidden figures, missing trends and open rounds. */
export function dataQualityCaveats(data: BoardData): string[] {
  const out: string[] = [];
  const threshold = data.gaps[0]?.analysis.suppressionThreshold;
  const hiddenScopes = data.gaps.flatMap((g) =>
    g.analysis.scopes.filter((s) => s.groups.some((x) => x.suppressed)),
  );
  if (hiddenScopes.length && threshold !== undefined)
    out.push(
      `${hiddenScopes.length} school figure${hiddenScopes.length === 1 ? ' is' : 's are'} hidden (shown as ${SUPPRESSED}): a group had fewer than ${threshold} pupils, or the figure could have been worked out from the trust total.`,
    );
  if (data.gaps.length && data.gaps.every((g) => !g.previous))
    out.push(
      'Every assessment in the period is the first of its subject and year group, so no trend in the gaps can be shown yet.',
    );
  const withPublished = new Set(data.published.map((p) => p.urn));
  out.push(
    `Published performance tables cover ${withPublished.size} of ${data.schools.length} schools${data.published.length ? ` (${[...new Set(data.published.map((p) => yearLabel(p.year)))].join(', ')})` : ''}; primary schools’ KS2 results are not imported yet.`,
  );
  if (data.heatmap) {
    const rows = data.heatmap.rows;
    const agreed = rows.filter((r) => r.status === 'agreed').length;
    if (agreed < rows.length)
      out.push(
        `${agreed} of ${rows.length} evaluations in ${data.heatmap.round.name} are agreed; the others are not included.`,
      );
  }
  out.push(
    'Means and gaps are on each assessment’s own scale (GCSE grades or KS2 scaled scores); compare gaps within an assessment, not across them.',
  );
  return out;
}

/** The dashboard's tiles, from the same data as the board report. */
export function boardDashboard(
  trustName: string,
  generatedAt: string,
  threshold: number,
  data: BoardData,
): BoardDashboard {
  const trustGaps = data.gaps.filter((g) => g.analysis.scopes.some((s) => s.scope === 'trust'));
  const headline = (trustGaps.length ? trustGaps : data.gaps).map((g) => {
    const scopeId = trustGaps.length ? null : (g.analysis.scopes[0]?.schoolId ?? null);
    const scope = g.analysis.scopes.find((s) => s.schoolId === scopeId);
    const gap = scope?.gap?.difference ?? null;
    const previousGap = gapOf(g.previous, scopeId);
    return {
      assessmentId: g.analysis.assessment.id,
      assessmentName: g.analysis.assessment.name,
      gap,
      previousGap,
      previousName: g.previous?.assessment.name ?? null,
      trend: trendOf(scope?.gap ?? null, gapAt(g.previous, scopeId), g.previous !== null),
      reading: scope?.reading ?? '',
    };
  });
  const trajectories = data.schools.map((s) => {
    const mine = data.published.filter((p) => p.urn === s.urn);
    if (mine.length)
      return {
        schoolId: s.id,
        schoolName: s.name,
        joinedOn: s.joined_trust_on,
        measure: 'Attainment 8 (published)',
        basis: 'published' as const,
        points: mine.map((p) => ({
          label: yearLabel(p.year),
          value: (p.measures as Record<string, number | null>).ATT8SCR ?? null,
        })),
      };
    const own = data.gaps.filter((g) => g.analysis.scopes.some((x) => x.schoolId === s.id));
    return {
      schoolId: s.id,
      schoolName: s.name,
      joinedOn: s.joined_trust_on,
      measure: own.length ? 'Trust assessments (mean score)' : 'No outcomes yet',
      basis: 'assessments' as const,
      points: own.map((g) => ({
        label: `${g.analysis.assessment.name}`,
        value: scopeMean(g.analysis.scopes.find((x) => x.schoolId === s.id)),
      })),
    };
  });
  const byPhase: Record<string, number> = {};
  for (const p of data.plans.plans)
    for (const [ph, n] of Object.entries(p.byPhase)) byPhase[ph] = (byPhase[ph] ?? 0) + n;
  return {
    trustName,
    generatedAt,
    suppressionThreshold: threshold,
    trajectories,
    gaps: headline,
    heatmap: data.heatmap
      ? {
          roundId: data.heatmap.round.id,
          roundName: data.heatmap.round.name,
          schools: heatmapBySchool(data.heatmap),
          commonWeaknesses: data.heatmap.commonWeaknesses
            .slice(0, 5)
            .map((w) => ({ code: w.code, text: w.text })),
        }
      : null,
    plansByPhase: byPhase,
    plans: data.plans.plans.length,
    overdueChecks: data.plans.plans
      .filter((p) => p.overdueChecks > 0)
      .map((p) => ({ planId: p.id, planTitle: p.title, schoolName: p.schoolName, overdue: p.overdueChecks })),
    deimplemented: data.plans.deimplemented.map((d) => ({
      priorityId: d.priorityId,
      planId: d.planId,
      title: d.title,
      schoolName: d.schoolName,
      stoppedOn: d.stoppedOn,
      reason: d.reason,
    })),
  };
}
