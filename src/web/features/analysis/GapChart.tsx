import type { GapAnalysis } from '../../../shared/contracts/analysis';
import type { GapScope, GroupCell } from './analysis.api';
import { chartSummary, focusOf, oneDp, otherOf, rangeText, verdictOf } from './analysis-text';
import {
  type Axis,
  COMPACT_BELOW,
  type Columns,
  columnsFor,
  LABEL_CHAR,
  labelRoom,
  NAME_CHAR,
  whiskerOf,
  xOf,
} from './gap-chart-layout';
import { CAUTION_SIGN, CAUTION_TEXT, FOCUS_COLOUR, GroupMark, INK, OTHER_COLOUR, Whisker } from './gap-marks';
import { SUPPRESSED } from './gap-table';

const HEADER = 34;
const NAME_Y = 18;
const ROW_Y = { focus: 40, other: 62 } as const;
const BLOCK = 76;
const LINE = 20;
const AXIS = 50;
const MUTED = '#495057';
const GRID = '#dee2e6';

const isSuppressed = (s: GapScope) => s.groups.some((g) => g.suppressed);
const hasCaution = (s: GapScope) => !isSuppressed(s) && s.groups.some((g) => g.smallGroup);
/** A compact chart gives the gap its own line under the groups. */
const heightOf = (s: GapScope, compact: boolean) => BLOCK + (compact ? LINE : 0) + (hasCaution(s) ? LINE : 0);

/** Cuts a label to the room it has, at roughly the width of an average character. */
function clipText(text: string, room: number, charWidth: number): string {
  const max = Math.floor(room / charWidth);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

type Layout = { axis: Axis; cols: Columns; compact: boolean };

function GroupRow({ group, y, layout }: { group: GroupCell | undefined; y: number; layout: Layout }) {
  if (!group) return null;
  const { axis, cols, compact } = layout;
  const focus = group.key === 'focus';
  const colour = focus ? FOCUS_COLOUR : OTHER_COLOUR;
  const n = group.suppressed ? SUPPRESSED : (group.n ?? '–');
  const caution = group.smallGroup && !group.suppressed ? ` ${CAUTION_SIGN}` : '';
  // On a phone the key names the groups by shape, so the row needs only its pupil count.
  const label = compact
    ? `${n} ${n === 1 ? 'pupil' : 'pupils'}${caution}`
    : `${clipText(group.label, cols.labelEnd - 28 - 9 * LABEL_CHAR, LABEL_CHAR)} (${n})${caution}`;
  const whisker = group.ci ? whiskerOf(axis, cols, group.ci) : undefined;
  return (
    <g>
      <GroupMark focus={focus} x={14} y={y} />
      <text x={28} y={y + 4} fontSize={12.5} fill={INK}>
        {label}
      </text>
      {whisker && <Whisker {...whisker} y={y} colour={colour} />}
      {group.mean !== null && <GroupMark focus={focus} x={xOf(axis, cols, group.mean)} y={y} />}
    </g>
  );
}

/** The gap beside the groups, in three short lines; or on one line below them on a phone. */
function GapText({ scope, y, layout }: { scope: GapScope; y: number; layout: Layout }) {
  const { cols, compact } = layout;
  const x = cols.gapStart;
  const lines = compact
    ? { gap: y + BLOCK + 8, range: y + BLOCK + 8, verdict: y + BLOCK + 8 }
    : { gap: y + NAME_Y, range: y + ROW_Y.focus + 4, verdict: y + ROW_Y.other + 4 };
  if (isSuppressed(scope))
    return (
      <text x={x} y={lines.gap} fontSize={13} fontWeight={600} fill={INK}>
        Gap {SUPPRESSED}
      </text>
    );
  if (!scope.gap)
    return (
      <text x={x} y={lines.gap} fontSize={12.5} fill={MUTED}>
        No gap figure
      </text>
    );
  const { difference, ci, distinguishable } = scope.gap;
  const verdict = verdictOf(distinguishable);
  if (compact)
    return (
      <text x={x} y={lines.gap} fontSize={12.5} fill={INK}>
        <tspan fontWeight={600}>Gap {oneDp(difference)}</tspan>
        <tspan fill={MUTED}> (likely {rangeText(ci)}) </tspan>
        <tspan fontWeight={distinguishable ? 700 : 400}>{verdict}</tspan>
      </text>
    );
  return (
    <g fill={INK}>
      <text x={x} y={lines.gap} fontSize={13} fontWeight={600}>
        Gap {oneDp(difference)}
      </text>
      <text x={x} y={lines.range} fontSize={12.5} fill={MUTED}>
        likely {rangeText(ci)}
      </text>
      <text x={x} y={lines.verdict} fontSize={12.5} fontWeight={distinguishable ? 700 : 400}>
        {verdict}
      </text>
    </g>
  );
}

function ScopeBlock({
  scope,
  y,
  layout,
  width,
}: {
  scope: GapScope;
  y: number;
  layout: Layout;
  width: number;
}) {
  const { cols, compact } = layout;
  const height = heightOf(scope, compact);
  const trust = scope.scope === 'trust';
  const nameRoom = (compact ? width : cols.labelEnd) - 8;
  return (
    <g>
      {trust && <rect x={0} y={y + 2} width={width} height={height - 4} rx={6} fill="#f1f3f5" />}
      <text x={8} y={y + NAME_Y} fontSize={13.5} fontWeight={700} fill={INK}>
        <title>{scope.label}</title>
        {clipText(scope.label, nameRoom, NAME_CHAR)}
      </text>
      <GroupRow group={focusOf(scope)} y={y + ROW_Y.focus} layout={layout} />
      <GroupRow group={otherOf(scope)} y={y + ROW_Y.other} layout={layout} />
      {isSuppressed(scope) && (
        <text
          x={(cols.plotStart + cols.plotEnd) / 2}
          y={y + (ROW_Y.focus + ROW_Y.other) / 2 + 4}
          textAnchor="middle"
          fontSize={13}
          fill={INK}
        >
          {SUPPRESSED} – too few pupils to show
        </text>
      )}
      {hasCaution(scope) && (
        <text
          x={8}
          y={y + BLOCK + 8 + (compact ? LINE : 0)}
          fontSize={12.5}
          fontWeight={600}
          fill={CAUTION_TEXT}
        >
          {CAUTION_SIGN} Small group – interpret with caution
        </text>
      )}
      <GapText scope={scope} y={y} layout={layout} />
      <line x1={0} x2={width} y1={y + height} y2={y + height} stroke={GRID} />
    </g>
  );
}

/**
 * Each scope's two group averages as points on one shared scale, with their likely ranges as
 * whiskers and the gap spelt out beside them. The picture is one image to assistive technology,
 * described in full by its label; the table view holds the same numbers as a table.
 */
export function GapChart({ analysis, axis, width }: { analysis: GapAnalysis; axis: Axis; width: number }) {
  const compact = width < COMPACT_BELOW;
  const layout: Layout = { axis, cols: columnsFor(width, labelRoom(analysis.scopes)), compact };
  const { cols } = layout;
  const tops: number[] = [];
  let bottom = HEADER;
  for (const s of analysis.scopes) {
    tops.push(bottom);
    bottom += heightOf(s, compact);
  }
  const axisY = bottom + 6;
  const height = axisY + AXIS;
  const reference = axis.reference;
  const refX = reference ? xOf(axis, cols, reference.value) : 0;
  const refLabelHalf = reference ? (reference.label.length * 6.2) / 2 : 0;
  const summary = chartSummary(analysis.scopes, analysis.groupBy, analysis.assessment.name, axis.title);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={summary}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <text x={8} y={20} fontSize={12} fontWeight={600} fill={MUTED}>
        {compact ? 'Pupils' : 'School and group (pupils)'}
      </text>
      {!compact && (
        <text x={cols.gapStart} y={20} fontSize={12} fontWeight={600} fill={MUTED}>
          Gap and likely range
        </text>
      )}
      {axis.ticks.map((t) => (
        <line
          key={t}
          x1={xOf(axis, cols, t)}
          x2={xOf(axis, cols, t)}
          y1={HEADER - 4}
          y2={axisY}
          stroke={GRID}
        />
      ))}
      {reference && (
        <g>
          <line x1={refX} x2={refX} y1={HEADER - 6} y2={axisY} stroke="#868e96" strokeDasharray="4 3" />
          <text
            x={Math.min(Math.max(refX, cols.plotStart + refLabelHalf), cols.plotEnd - refLabelHalf)}
            y={20}
            textAnchor="middle"
            fontSize={12}
            fill={MUTED}
          >
            {reference.label}
          </text>
        </g>
      )}
      {analysis.scopes.map((s, i) => (
        <ScopeBlock
          key={s.schoolId ?? 'trust'}
          scope={s}
          y={tops[i] ?? HEADER}
          layout={layout}
          width={width}
        />
      ))}
      <line x1={cols.plotStart} x2={cols.plotEnd} y1={axisY} y2={axisY} stroke="#868e96" />
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={xOf(axis, cols, t)} x2={xOf(axis, cols, t)} y1={axisY} y2={axisY + 5} stroke="#868e96" />
          <text x={xOf(axis, cols, t)} y={axisY + 19} textAnchor="middle" fontSize={12} fill={INK}>
            {t}
          </text>
        </g>
      ))}
      <text
        x={(cols.plotStart + cols.plotEnd) / 2}
        y={axisY + 40}
        textAnchor="middle"
        fontSize={12.5}
        fontWeight={600}
        fill={INK}
      >
        {axis.title}
      </text>
    </svg>
  );
}
