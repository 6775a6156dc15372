import { z } from 'zod';
import { isoDate, uuid } from './common';

/**
 * Reports share one document shape, so the screen, the PDF and the Word file all render the same
 * figures. Every figure carries its source: the API query and parameters that produced its numbers.
 */
export const figureSource = z.object({
  endpoint: z.string(),
  params: z.record(z.string(), z.string()),
});
export type FigureSource = z.infer<typeof figureSource>;

const cellValue = z.union([z.string(), z.number(), z.null()]);

export const reportTable = z.object({
  kind: z.literal('table'),
  id: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(cellValue)),
  /** Columns holding pupil counts: each value is either hidden ('c') or at least the threshold. */
  countColumns: z.array(z.number().int()),
  /** Rows that are totals of the rows above (e.g. "All schools"), for the reveal-by-subtraction check. */
  totalRows: z.array(z.number().int()),
  notes: z.array(z.string()),
  source: figureSource,
});
export type ReportTable = z.infer<typeof reportTable>;

export const chartPoint = z.object({
  label: z.string(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export const reportChart = z.object({
  kind: z.literal('chart'),
  id: z.string(),
  title: z.string(),
  /** bars: one bar per point (with an interval when low/high are set); line: points over time. */
  chart: z.enum(['bars', 'line']),
  unit: z.string(),
  series: z.array(z.object({ name: z.string(), points: z.array(chartPoint) })),
  notes: z.array(z.string()),
  source: figureSource,
});
export type ReportChart = z.infer<typeof reportChart>;

export const reportFigure = z.discriminatedUnion('kind', [reportTable, reportChart]);
export type ReportFigure = z.infer<typeof reportFigure>;

export const reportSection = z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()),
  figures: z.array(reportFigure),
});
export type ReportSection = z.infer<typeof reportSection>;

export const reportKinds = ['self-evaluation', 'plan', 'board'] as const;
export const reportKind = z.enum(reportKinds);
export type ReportKind = z.infer<typeof reportKind>;

export const report = z.object({
  kind: reportKind,
  title: z.string(),
  subtitle: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  /** board: figures are suppressed as for governors and trustees, whoever generated the report. */
  audience: z.enum(['staff', 'board']),
  suppressionThreshold: z.number().int(),
  caveats: z.array(z.string()),
  sections: z.array(reportSection),
});
export type Report = z.infer<typeof report>;

export const reportFormat = z.enum(['json', 'html', 'pdf', 'docx']);
export type ReportFormat = z.infer<typeof reportFormat>;
/** The file formats: a printable page, a PDF printed from it, or a Word document. */
export const fileFormat = z.object({ format: z.enum(['html', 'pdf', 'docx']).default('pdf') });

export const selfEvaluationReportQuery = z.strictObject({ roundId: uuid, schoolId: uuid });
export const planReportQuery = z.strictObject({ planId: uuid });
export const boardReportQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export type BoardReportQuery = z.infer<typeof boardReportQuery>;
export const selfEvaluationFileQuery = selfEvaluationReportQuery.extend(fileFormat.shape);
export const planFileQuery = planReportQuery.extend(fileFormat.shape);
export const boardFileQuery = boardReportQuery.extend(fileFormat.shape);

export const openDataQuery = z.strictObject({ file: z.enum(['data', 'meta']).default('data') });

/** The trust board dashboard: every tile in one call, suppressed as for governors and trustees. */
export const boardDashboard = z.object({
  trustName: z.string(),
  generatedAt: z.string(),
  suppressionThreshold: z.number().int(),
  trajectories: z.array(
    z.object({
      schoolId: uuid,
      schoolName: z.string(),
      joinedOn: isoDate.nullable(),
      measure: z.string(),
      basis: z.enum(['published', 'assessments']),
      points: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
    }),
  ),
  gaps: z.array(
    z.object({
      assessmentId: uuid,
      assessmentName: z.string(),
      /** Other pupils' mean minus disadvantaged pupils' mean across the trust; null when hidden. */
      gap: z.number().nullable(),
      previousGap: z.number().nullable(),
      previousName: z.string().nullable(),
      trend: z.enum(['narrower', 'wider', 'similar', 'no_earlier_data', 'hidden']),
      reading: z.string(),
    }),
  ),
  heatmap: z
    .object({
      roundId: uuid,
      roundName: z.string(),
      schools: z.array(
        z.object({
          schoolId: uuid.nullable(),
          label: z.string(),
          judged: z.number().int(),
          secureOrBetter: z.number().int(),
          mean: z.number().nullable(),
        }),
      ),
      commonWeaknesses: z.array(z.object({ code: z.string(), text: z.string() })),
    })
    .nullable(),
  plansByPhase: z.record(z.string(), z.number().int()),
  plans: z.number().int(),
  overdueChecks: z.array(
    z.object({ planId: uuid, planTitle: z.string(), schoolName: z.string().nullable(), overdue: z.number() }),
  ),
  deimplemented: z.array(
    z.object({
      priorityId: uuid,
      planId: uuid,
      title: z.string(),
      schoolName: z.string().nullable(),
      stoppedOn: z.string(),
      reason: z.string(),
    }),
  ),
});
export type BoardDashboard = z.infer<typeof boardDashboard>;
