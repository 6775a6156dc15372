import { sparklinePoints } from './sparkline';

const box = { width: 140, height: 40, pad: 5 };

/** A small line of a fidelity measure's values, with its target as a dashed line. */
export function FidelitySparkline({
  values,
  target,
  name,
}: {
  values: number[];
  target: number | null;
  name: string;
}) {
  const { points, targetY } = sparklinePoints(values, box, target);
  if (points.length === 0) return null;
  const label = `${name}: ${values.join(', ')}${target === null ? '' : `; target ${target}`}`;
  return (
    <svg width={box.width} height={box.height} role="img" aria-label={label}>
      {targetY !== null && (
        <line
          x1={0}
          x2={box.width}
          y1={targetY}
          y2={targetY}
          stroke="var(--mantine-color-gray-6)"
          strokeDasharray="3 3"
        />
      )}
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke="var(--mantine-color-brand-7, var(--mantine-color-blue-7))"
        strokeWidth={2}
      />
      {points.map((p) => (
        <circle
          key={`${p.x}-${p.y}`}
          cx={p.x}
          cy={p.y}
          r={3}
          fill="var(--mantine-color-brand-7, var(--mantine-color-blue-7))"
        />
      ))}
    </svg>
  );
}
