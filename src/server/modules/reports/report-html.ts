import type { FigureSource, Report, ReportFigure } from '../../../shared/contracts/reports';
import { chartSvg, esc } from '../../../shared/reports/chart-svg';

/** "GET /api/v1/analysis/gaps?assessmentId=…&groupBy=…": how to reproduce a figure. */
export function sourceText(s: FigureSource): string {
  const q = new URLSearchParams(s.params).toString();
  return `${s.endpoint}${q ? `?${q}` : ''}`;
}

const ukDateTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
};

function figureHtml(f: ReportFigure): string {
  const notes = f.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  const source = `<p class="source">Source: <code>${esc(sourceText(f.source))}</code></p>`;
  if (f.kind === 'chart')
    return `<figure><figcaption>${esc(f.title)}</figcaption>${chartSvg(f)}${notes}${source}</figure>`;
  const head = f.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = f.rows.length
    ? f.rows
        .map(
          (r, i) =>
            `<tr${f.totalRows.includes(i) ? ' class="total"' : ''}>${r.map((c, j) => (j === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
        )
        .join('')
    : `<tr><td colspan="${f.columns.length}">Nothing to show for this period.</td></tr>`;
  return `<figure><table><caption>${esc(f.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}${source}</figure>`;
}

/**
 * The report as one printable HTML page: inline CSS and SVG only, no scripts and nothing fetched,
 * so headless Chromium prints exactly what the JSON holds.
 */
export function reportHtml(r: Report): string {
  const sections = r.sections
    .map(
      (s) =>
        `<section><h2>${esc(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${s.figures.map(figureHtml).join('')}</section>`,
    )
    .join('');
  const caveats = r.caveats.length
    ? `<section class="caveats"><h2>About these figures</h2><ul>${r.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #1a1a1a; line-height: 1.4; }
  h1 { font-size: 20pt; margin: 0 0 2mm; color: #0b3d62; }
  h2 { font-size: 13pt; margin: 6mm 0 2mm; color: #0b3d62; border-bottom: 1px solid #c8d3dc; padding-bottom: 1mm; }
  .subtitle { font-size: 11pt; margin: 0 0 1mm; }
  .meta { color: #555; font-size: 9pt; margin: 0 0 4mm; }
  figure { margin: 3mm 0 5mm; break-inside: avoid; }
  figcaption, caption { font-weight: bold; text-align: left; margin-bottom: 1.5mm; }
  table { border-collapse: collapse; width: 100%; font-size: 9pt; }
  th, td { border: 1px solid #c8d3dc; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
  thead th { background: #eef3f7; }
  tr.total th, tr.total td { font-weight: bold; background: #f7f9fb; }
  .note { font-size: 8.5pt; color: #333; margin: 1mm 0; }
  .source { font-size: 7.5pt; color: #555; margin: 1mm 0; word-break: break-all; }
  code { font-family: "DejaVu Sans Mono", monospace; }
  .caveats li { margin-bottom: 1mm; }
  svg { max-width: 100%; height: auto; }
</style></head>
<body>
<header><h1>${esc(r.title)}</h1><p class="subtitle">${esc(r.subtitle)}</p>
<p class="meta">Generated ${esc(ukDateTime(r.generatedAt))} by ${esc(r.generatedBy)}.${r.audience === 'board' ? ` Prepared for governors and trustees: groups of fewer than ${r.suppressionThreshold} pupils are hidden, with any figure that would reveal them.` : ''}</p></header>
${sections}${caveats}
</body></html>`;
}
