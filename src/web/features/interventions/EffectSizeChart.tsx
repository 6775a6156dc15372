import { Box } from '@mantine/core';
import { effectScale } from './interventions-text';

export type EffectRow = { label: string; d: number; ci: [number, number] };

const WIDTH = 640;
const LEFT = 150;
const ROW = 44;

/** Effect sizes as points with their 95% intervals, against a line at zero (no difference). */
export function EffectSizeChart({ rows }: { rows: EffectRow[] }) {
  const scale = effectScale(
    rows.flatMap((r) => [r.d, ...r.ci]),
    WIDTH - LEFT - 20,
  );
  const height = rows.length * ROW + 36;
  const x = (v: number) => LEFT + scale.x(v);
  const summary = rows
    .map((r) => `${r.label}: ${r.d.toFixed(2)} (95% CI ${r.ci[0].toFixed(2)} to ${r.ci[1].toFixed(2)})`)
    .join('; ');
  return (
    <Box style={{ overflowX: 'auto' }}>
      <svg
        role="img"
        aria-label={`Effect size with 95% confidence interval. ${summary}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        {scale.ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={8}
              y2={height - 24}
              stroke={t === 0 ? '#495057' : '#dee2e6'}
              strokeWidth={t === 0 ? 1.5 : 1}
            />
            {/* Labels every half a standard deviation keep a wide scale readable. */}
            {Math.abs((t * 2) % 1) < 1e-9 && (
              <text x={x(t)} y={height - 8} fontSize={11} textAnchor="middle" fill="#495057">
                {t.toFixed(1)}
              </text>
            )}
          </g>
        ))}
        {rows.map((r, i) => {
          const y = 8 + i * ROW + ROW / 2;
          return (
            <g key={r.label}>
              <text x={0} y={y + 4} fontSize={13} fill="#212529">
                {r.label}
              </text>
              <line x1={x(r.ci[0])} x2={x(r.ci[1])} y1={y} y2={y} stroke="#1c7ed6" strokeWidth={3} />
              <line x1={x(r.ci[0])} x2={x(r.ci[0])} y1={y - 7} y2={y + 7} stroke="#1c7ed6" strokeWidth={2} />
              <line x1={x(r.ci[1])} x2={x(r.ci[1])} y1={y - 7} y2={y + 7} stroke="#1c7ed6" strokeWidth={2} />
              <rect x={x(r.d) - 6} y={y - 6} width={12} height={12} fill="#1864ab" />
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
