import type { Outcome } from '../../../shared/contracts/planning';
import { formatDate } from '../../app/format';
import { type ChartBox, outcomeGeometry, trackState, trackText } from './outcome-chart';
import { withUnit } from './planning-text';

const box: ChartBox = { width: 300, height: 150, left: 10, right: 10, top: 20, bottom: 36 };
const ink = '#212529';
const line = '#0b6670';

/** One sentence a screen reader hears instead of the drawing. */
export function chartSummary(o: Outcome): string {
  const parts = [`Baseline ${withUnit(o.baselineValue, o.unit)} on ${formatDate(o.baselineOn)}`];
  if (o.latestValue !== null)
    parts.push(`latest ${withUnit(o.latestValue, o.unit)} on ${formatDate(o.latestOn)}`);
  parts.push(`target ${withUnit(o.targetValue, o.unit)} by ${formatDate(o.targetOn)}`);
  return `${parts.join(', ')}. ${trackText[trackState(o)].label}.`;
}

/**
 * Baseline to target as a dashed straight line (where we expect to be on each day), with the latest
 * value marked. Shapes differ as well as colours: open circle for the baseline, square for the
 * target, filled circle for the latest value.
 */
export function OutcomeChart({ outcome }: { outcome: Outcome }) {
  const g = outcomeGeometry(outcome, box);
  if (!g) return null;
  // The latest value's label goes on the side away from the line, so the two never cross.
  const lineY = (x: number) =>
    g.target.x === g.baseline.x
      ? g.target.y
      : g.baseline.y + ((g.target.y - g.baseline.y) * (x - g.baseline.x)) / (g.target.x - g.baseline.x);
  const label = (
    p: { x: number; y: number },
    text: string,
    anchor: 'start' | 'middle' | 'end',
    below = false,
  ) => (
    <text
      x={Math.min(Math.max(p.x, box.left), box.width - box.right)}
      y={below ? p.y + 20 : p.y - 10}
      textAnchor={anchor}
      fontSize="11"
      fill={ink}
    >
      {text}
    </text>
  );
  return (
    <svg
      viewBox={`0 0 ${box.width} ${box.height}`}
      width={box.width}
      height={box.height}
      role="img"
      aria-label={chartSummary(outcome)}
      style={{ maxWidth: '100%', height: 'auto', overflow: 'visible' }}
    >
      <line
        x1={box.left}
        x2={box.width - box.right}
        y1={box.height - box.bottom}
        y2={box.height - box.bottom}
        stroke="#868e96"
      />
      <line
        x1={g.baseline.x}
        y1={g.baseline.y}
        x2={g.target.x}
        y2={g.target.y}
        stroke={line}
        strokeWidth="2"
        strokeDasharray="5 4"
      />
      <circle cx={g.baseline.x} cy={g.baseline.y} r="5" fill="white" stroke={line} strokeWidth="2" />
      <rect x={g.target.x - 5} y={g.target.y - 5} width="10" height="10" fill={line} />
      {label(g.baseline, withUnit(outcome.baselineValue, outcome.unit), 'start')}
      {label(g.target, withUnit(outcome.targetValue, outcome.unit), 'end')}
      {g.latest && (
        <>
          {g.latest.y <= lineY(g.latest.x) && (
            <line
              x1={g.latest.x}
              x2={g.latest.x}
              y1={g.latest.y}
              y2={box.height - box.bottom}
              stroke="#adb5bd"
              strokeDasharray="2 2"
            />
          )}
          <circle cx={g.latest.x} cy={g.latest.y} r="6" fill="#e8590c" stroke={ink} strokeWidth="1" />
          {label(
            g.latest,
            `Latest ${withUnit(outcome.latestValue ?? '', outcome.unit)}`,
            'middle',
            g.latest.y > lineY(g.latest.x),
          )}
        </>
      )}
      <text x={box.left} y={box.height - 8} fontSize="11" fill={ink}>
        {formatDate(outcome.baselineOn)}
      </text>
      <text x={box.width - box.right} y={box.height - 8} fontSize="11" fill={ink} textAnchor="end">
        {formatDate(outcome.targetOn)}
      </text>
    </svg>
  );
}
