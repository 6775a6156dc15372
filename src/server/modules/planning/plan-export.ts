import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { checkMethodLabels, type PlanDetail, phaseLabels } from '../../../shared/contracts/planning';

const ukDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

/** The plan as a Word document: priorities with their phase, outcomes, actions and impact checks. */
export async function planToDocx(plan: PlanDetail): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
    new Paragraph(
      `${plan.schoolName ?? 'Trust-wide'}${plan.departmentName ? ` – ${plan.departmentName}` : ''}. ${ukDate(plan.periodStart)} to ${ukDate(plan.periodEnd)}. Owner: ${plan.ownerName ?? 'not set'}. Reviewed every ${plan.reviewEveryWeeks} weeks.`,
    ),
  ];
  plan.priorities.forEach((p, i) => {
    children.push(
      new Paragraph({ text: `Priority ${i + 1}: ${p.title}`, heading: HeadingLevel.HEADING_1 }),
      new Paragraph(`Phase: ${phaseLabels[p.phase]}. Status: ${p.status}.`),
    );
    if (p.rationale) children.push(new Paragraph(p.rationale));
    if (p.statements.length)
      children.push(new Paragraph(`Addresses: ${p.statements.map((s) => `${s.code} ${s.text}`).join('; ')}`));
    children.push(new Paragraph({ text: 'Outcomes', heading: HeadingLevel.HEADING_2 }));
    children.push(
      table(
        ['Outcome', 'Group', 'Baseline', 'Latest', 'Target'],
        p.outcomes.map((o) => [
          `${o.description} (${o.measure})`,
          o.groupLabel,
          `${o.baselineValue}${o.unit} on ${ukDate(o.baselineOn)}`,
          o.latestValue ? `${o.latestValue}${o.unit} on ${ukDate(o.latestOn)}` : 'not yet measured',
          `${o.targetValue}${o.unit} by ${ukDate(o.targetOn)}`,
        ]),
      ),
    );
    children.push(new Paragraph({ text: 'Actions', heading: HeadingLevel.HEADING_2 }));
    children.push(
      table(
        ['Action', 'Owner', 'Due', 'Status'],
        p.actions.map((a) => [a.description, a.ownerName ?? '', ukDate(a.dueOn), a.status.replace('_', ' ')]),
      ),
    );
    children.push(new Paragraph({ text: 'Impact checks', heading: HeadingLevel.HEADING_2 }));
    children.push(
      table(
        ['Due', 'Method', 'Found', 'RAG', 'Response'],
        p.checks.map((c) => [
          ukDate(c.dueOn),
          checkMethodLabels[c.method],
          c.recordedOn ? c.findings : c.state === 'overdue' ? 'Overdue' : 'Planned',
          c.rag ?? '',
          c.response ? `${c.response}${c.responseDetail ? `: ${c.responseDetail}` : ''}` : '',
        ]),
      ),
    );
  });
  return Packer.toBuffer(
    new Document({ creator: 'School Improvement Platform', title: plan.title, sections: [{ children }] }),
  );
}

/** All plans in one workbook: one row per priority, with counts a trust lead can sort and filter. */
export async function plansToXlsx(plans: PlanDetail[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Priorities');
  sheet.addRow([
    'School',
    'Plan',
    'Priority',
    'Phase',
    'Status',
    'Outcomes',
    'Outcomes on track',
    'Actions overdue',
    'Checks recorded',
    'Checks overdue',
  ]).font = { bold: true };
  for (const plan of plans) {
    for (const p of plan.priorities) {
      sheet.addRow([
        plan.schoolName ?? 'Trust-wide',
        plan.title,
        p.title,
        phaseLabels[p.phase],
        p.status,
        p.outcomes.length,
        p.outcomes.filter((o) => o.onTrack).length,
        p.actions.filter((a) => a.overdue).length,
        p.checks.filter((c) => c.state === 'recorded').length,
        p.checks.filter((c) => c.state === 'overdue').length,
      ]);
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = [28, 32, 48][i] ?? 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
