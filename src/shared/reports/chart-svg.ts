import type { ReportChart } from '../contracts/reports';

/** Escapes text for HTML and SVG. */
export const esc = (s: string | number | null) =>
  String(s ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

// Colour-blind-safe (Okabe-Ito); bars also carry their value as text, so nothing relies on colour.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const MARKS = ['circle', 'square', 'diamond'] as const;

/** Whole numbers as they are, anything else to one decimal place (as the tables show them). */
export const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** A step of 1, 2 or 5 times a power of ten giving about four intervals over the range. */
function niceStep(range: number): number {
  const raw = range / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Long labels are cut to fit the 150px margin; the full text stays in the SVG title. */
const shorten = (label: string, max = 26) =>
  label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;

function mark(m: (typeof MARKS)[number], cx: number, cy: number, colour: string | undefined): string {
  if (m === 'circle') return `<circle cx="${cx}" cy="${cy}" r="4" fill="${colour}"/>`;
  if (m === 'square') return `<rect x="${cx - 4}" y="${cy - 4}" width="8" height="8" fill="${colour}"/>`;
  return `<path d="M${cx} ${cy - 5} L${cx + 5} ${cy} L${cx} ${cy + 5} L${cx - 5} ${cy} Z" fill="${colour}"/>`;
}

/** Axis range covering every value and interval, padded, and always including zero for bars. */
export function axisRange(chart: ReportChart): [number, number] {
  const vs = chart.series.flatMap((s) =>
    s.points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null),
  );
  if (chart.chart === 'bars') vs.push(0);
  if (!vs.length) return [0, 1];
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (hi - lo < 1e-6) [lo, hi] = [lo - 1, hi + 1];
  const step = niceStep(hi - lo);
  // Round outwards to the step, so the axis reads 0 to 15 rather than -0.4 to 13.6.
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** A chart as a self-contained SVG string (no scripts, no external fonts), for HTML, PDF and screen. */
export function chartSvg(chart: ReportChart, width = 640): string {
  const labels = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.label)))];
  const left = 150;
  // Room on the right for the value printed beyond the longest bar.
  const right = chart.chart === 'bars' ? 60 : 20;
  const plotW = width - left - right;
  const [lo, hi] = axisRange(chart);
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  let height: number;
  if (chart.chart === 'bars') {
    const rowH = 22;
    const bars = chart.series.length;
    const groupH = rowH * bars + 10;
    height = 30 + labels.length * groupH + 30;
    labels.forEach((label, li) => {
      const y0 = 20 + li * groupH;
      parts.push(
        `<text x="${left - 8}" y="${y0 + (rowH * bars) / 2 + 4}" text-anchor="end" font-size="11"><title>${esc(label)}</title>${esc(shorten(label))}</text>`,
      );
      chart.series.forEach((s, si) => {
        const p = s.points.find((q) => q.label === label);
        const y = y0 + si * rowH;
        if (!p || p.value === null) {
          parts.push(
            `<text x="${x(lo) + 4}" y="${y + 14}" font-size="10" fill="#555">hidden (small group)</text>`,
          );
          return;
        }
        const a = x(Math.min(0, p.value));
        const b = x(Math.max(0, p.value));
        parts.push(
          `<rect x="${a}" y="${y + 3}" width="${Math.max(1, b - a)}" height="${rowH - 8}" fill="${COLOURS[si % COLOURS.length]}" opacity="0.85"/>`,
        );
        if (p.low !== null && p.high !== null)
          parts.push(
            `<line x1="${x(p.low)}" x2="${x(p.high)}" y1="${y + rowH / 2 - 1}" y2="${y + rowH / 2 - 1}" stroke="#222" stroke-width="1.5"/>`,
          );
        // The label sits beyond both the bar and its interval, so neither hides it.
        const end = Math.max(b, p.high !== null ? x(p.high) : b);
        parts.push(
          `<text x="${end + 4}" y="${y + 14}" font-size="10">${esc(`${bars > 1 ? `${s.name}: ` : ''}${fmt(p.value)}${chart.unit}`)}</text>`,
        );
      });
    });
  } else {
    const plotH = 180;
    height = plotH + 70 + chart.series.length * 14;
    const step = labels.length > 1 ? plotW / (labels.length - 1) : 0;
    const px = (i: number) => left + (labels.length > 1 ? i * step : plotW / 2);
    const py = (v: number) => 20 + plotH - ((v - lo) / (hi - lo)) * plotH;
    for (const [i, l] of labels.entries())
      parts.push(`<text x="${px(i)}" y="${plotH + 38}" text-anchor="middle" font-size="10">${esc(l)}</text>`);
    parts.push(`<text x="${left - 8}" y="${py(hi) + 4}" text-anchor="end" font-size="10">${fmt(hi)}</text>`);
    parts.push(`<text x="${left - 8}" y="${py(lo) + 4}" text-anchor="end" font-size="10">${fmt(lo)}</text>`);
    chart.series.forEach((s, si) => {
      const colour = COLOURS[si % COLOURS.length];
      const pts = s.points
        .map((p) => ({ i: labels.indexOf(p.label), v: p.value }))
        .filter((p): p is { i: number; v: number } => p.v !== null);
      if (pts.length > 1)
        parts.push(
          `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${px(p.i)},${py(p.v)}`).join(' ')}"/>`,
        );
      const m = MARKS[si % MARKS.length] ?? 'circle';
      for (const p of pts) parts.push(mark(m, px(p.i), py(p.v), colour));
      // The key sits under the axis: a marker in the series' colour and shape, then its name.
      const ky = plotH + 60 + si * 14;
      parts.push(
        `${mark(m, left + 4, ky - 4, colour)}<text x="${left + 14}" y="${ky}" font-size="10">${esc(s.name)}</text>`,
      );
    });
  }
  const axisY = chart.chart === 'bars' ? height - 30 : 200;
  parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${axisY}" y2="${axisY}" stroke="#999"/>`);
  if (chart.chart === 'bars') {
    parts.push(`<line x1="${x(0)}" x2="${x(0)}" y1="14" y2="${axisY}" stroke="#999"/>`);
    const step = niceStep(hi - lo);
    for (let v = Math.ceil(lo / step) * step; v <= hi + step / 2; v += step)
      parts.push(`<text x="${x(v)}" y="${axisY + 14}" text-anchor="middle" font-size="10">${fmt(v)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(chart.title)}" font-family="Arial, Helvetica, sans-serif">${parts.join('')}</svg>`;
}
