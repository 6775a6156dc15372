import type { Heatmap } from '../../../shared/contracts/evaluation';

export type Cell = Heatmap['cells'][number][number];
export type ColumnGroup = { key: string; label: string; title: string; span: number };

/** Consecutive statements of the same tool and aspect share one heading above their codes. */
export function columnGroups(columns: Heatmap['columns']): ColumnGroup[] {
  const tools = new Set(columns.map((c) => c.toolVersionId));
  const groups: ColumnGroup[] = [];
  for (const c of columns) {
    const key = `${c.toolVersionId}|${c.aspect}`;
    const last = groups.at(-1);
    if (last?.key === key) last.span++;
    else
      groups.push({
        key,
        label: c.aspect,
        title: tools.size > 1 ? `${c.toolName}: ${c.aspect}` : c.aspect,
        span: 1,
      });
  }
  return groups;
}

/** What a cell says in words, for the tooltip and screen readers. */
export function describeCell(cell: Cell, labelOf: (value: number) => string): string {
  if (cell === 'left') return 'Left until next time';
  if (cell === 'na') return 'Not part of this evaluation’s tool';
  if (cell === null) return 'Not agreed yet';
  return `Agreed: ${cell} ${labelOf(cell)}`;
}

/** "4 of 6 schools": departments when a tool is completed by several departments of a school. */
export function evaluationNoun(rows: Heatmap['rows'], toolVersionId: string): [string, string] {
  const mine = rows.filter((r) => r.toolVersionId === toolVersionId);
  const schools = new Set(mine.map((r) => r.schoolId));
  if (mine.length > 0 && mine.every((r) => r.schoolId === null)) return ['evaluation', 'evaluations'];
  return schools.size < mine.length ? ['department', 'departments'] : ['school', 'schools'];
}

/**
 * Puts each tool's statements together, in the order the tools first appear, keeping each tool's
 * own order; the server lists the statements of several tools interleaved by position.
 */
export function groupByTool(data: Heatmap): Heatmap {
  const toolOrder = new Map<string, number>();
  for (const c of data.columns)
    if (!toolOrder.has(c.toolVersionId)) toolOrder.set(c.toolVersionId, toolOrder.size);
  if (toolOrder.size < 2) return data;
  const order = data.columns
    .map((c, i) => ({ i, tool: toolOrder.get(c.toolVersionId) ?? 0 }))
    .sort((a, b) => a.tool - b.tool || a.i - b.i)
    .map((x) => x.i);
  return {
    ...data,
    columns: order.map((i) => data.columns[i]!),
    cells: data.cells.map((row) => order.map((i) => row[i] ?? null)),
  };
}

/** The tools in a heatmap, by name. */
export function toolsOf(data: Heatmap): { value: string; label: string }[] {
  const tools = new Map(data.columns.map((c) => [c.toolVersionId, c.toolName]));
  return [...tools]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * One tool's rows and statements. A statement belongs to one tool, so its weakness counts stand
 * as the server worked them out.
 */
export function onlyTool(data: Heatmap, toolVersionId: string): Heatmap {
  const keep = data.columns.map((c, i) => (c.toolVersionId === toolVersionId ? i : -1)).filter((i) => i >= 0);
  const statements = new Set(keep.map((i) => data.columns[i]!.statementId));
  const rows = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.toolVersionId === toolVersionId);
  return {
    ...data,
    columns: keep.map((i) => data.columns[i]!),
    rows: rows.map(({ r }) => r),
    cells: rows.map(({ i }) => keep.map((c) => data.cells[i]?.[c] ?? null)),
    commonWeaknesses: data.commonWeaknesses.filter((w) => statements.has(w.statementId)),
  };
}
