import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Report, ReportFigure } from '../../../shared/contracts/reports';
import { chartSvg } from '../../../shared/reports/chart-svg';
import { sourceText } from './report-html';

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

const small = (text: string, italics = false) =>
  new Paragraph({ children: [new TextRun({ text, size: 16, italics })] });

function figure(f: ReportFigure): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ text: f.title, heading: HeadingLevel.HEADING_3 })];
  if (f.kind === 'table') {
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: f.columns.map((c) => cell(c, true)) }),
          ...f.rows.map(
            (r, i) =>
              new TableRow({ children: r.map((c) => cell(String(c ?? ''), f.totalRows.includes(i))) }),
          ),
        ],
      }),
    );
    if (!f.rows.length) out.push(new Paragraph('Nothing to show for this period.'));
  } else {
    const svg = chartSvg(f);
    const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? [];
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(svg),
            // Word needs a raster fallback for SVG; a 1x1 transparent PNG keeps the file self-contained.
            fallback: { type: 'png', data: TRANSPARENT_PNG },
            transformation: { width: Number(w ?? 640) * 0.9, height: Number(h ?? 300) * 0.9 },
          }),
        ],
      }),
    );
    for (const s of f.series)
      out.push(
        small(
          `${s.name}: ${s.points.map((p) => `${p.label} ${p.value === null ? 'hidden' : `${p.value}${f.unit}`}`).join('; ')}`,
        ),
      );
  }
  for (const n of f.notes) out.push(small(n));
  out.push(small(`Source: ${sourceText(f.source)}`, true));
  return out;
}

const TRANSPARENT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** The same report as a Word document: sections, tables, charts (SVG) and every figure's source. */
export async function reportDocx(r: Report): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: r.title, heading: HeadingLevel.TITLE }),
    new Paragraph(r.subtitle),
    small(`Generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC by ${r.generatedBy}.`),
  ];
  if (r.audience === 'board')
    children.push(
      small(
        `Prepared for governors and trustees: groups of fewer than ${r.suppressionThreshold} pupils are hidden, with any figure that would reveal them.`,
      ),
    );
  for (const s of r.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paragraphs) children.push(new Paragraph(p));
    for (const f of s.figures) children.push(...figure(f));
  }
  if (r.caveats.length) {
    children.push(new Paragraph({ text: 'About these figures', heading: HeadingLevel.HEADING_1 }));
    for (const c of r.caveats) children.push(new Paragraph({ text: c, bullet: { level: 0 } }));
  }
  return Packer.toBuffer(
    new Document({ creator: 'School Improvement Platform', title: r.title, sections: [{ children }] }),
  );
}
