import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { findNodeAtLocation, type ParseError, parse as parseJsonc, parseTree } from 'jsonc-parser';
import type { z } from 'zod';
import { type LineError, type ToolDefinition, toolDefinition } from '../../../shared/contracts/frameworks';

/**
 * Reading and writing evaluation tools as files. Pure functions: text in, definitions or
 * line-numbered errors out. Nothing here touches the database, so an invalid file changes nothing.
 */
export type ParseOutcome = { ok: true; tools: ToolDefinition[] } | { ok: false; errors: LineError[] };

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

export function parseToolJson(text: string): ParseOutcome {
  const syntax: ParseError[] = [];
  const value: unknown = parseJsonc(text, syntax, { allowTrailingComma: false, disallowComments: true });
  if (syntax.length > 0) {
    return {
      ok: false,
      errors: syntax.map((e) => ({
        line: lineAt(text, e.offset),
        field: '',
        message: 'The file is not valid JSON here',
      })),
    };
  }
  const tree = parseTree(text);
  const items = Array.isArray(value) ? value : [value];
  const tools: ToolDefinition[] = [];
  const errors: LineError[] = [];
  items.forEach((item, i) => {
    const parsed = toolDefinition.safeParse(item);
    if (parsed.success) {
      tools.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const path = Array.isArray(value) ? [i, ...issue.path] : issue.path;
      const jsonPath = path.filter((p): p is string | number => typeof p !== 'symbol');
      // Point at the offending value, or at its nearest enclosing object when the value is missing.
      let node = tree ? findNodeAtLocation(tree, jsonPath) : undefined;
      for (let n = jsonPath.length - 1; !node && n >= 0 && tree; n--)
        node = findNodeAtLocation(tree, jsonPath.slice(0, n));
      errors.push({
        line: node ? lineAt(text, node.offset) : 1,
        field: issue.path.join('.'),
        message: issue.message,
      });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, tools };
}

export const csvColumns = [
  'tool_key',
  'tool_name',
  'area',
  'completed_by',
  'tool_description',
  'aspect',
  'aspect_description',
  'code',
  'statement',
  'guidance',
  'tags',
] as const;

type CsvRow = Record<(typeof csvColumns)[number], string>;

/** One row per statement; tool and aspect columns repeat on each row. Tags are separated by semicolons. */
export function parseToolCsv(text: string): ParseOutcome {
  let records: { line: number; row: CsvRow }[];
  try {
    const rows = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as {
      record: CsvRow;
      info: { lines: number };
    }[];
    records = rows.map((r) => ({ line: r.info.lines, row: r.record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      errors: [{ line, field: '', message: `The file is not valid CSV: ${(err as Error).message}` }],
    };
  }
  if (records.length === 0)
    return { ok: false, errors: [{ line: 1, field: '', message: 'The file has no statements' }] };
  const header = Object.keys(records[0]!.row);
  const missing = csvColumns.filter(
    (c) => !['tool_description', 'aspect_description', 'guidance', 'tags'].includes(c) && !header.includes(c),
  );
  if (missing.length) {
    return {
      ok: false,
      errors: [{ line: 1, field: missing.join(', '), message: `Missing column(s): ${missing.join(', ')}` }],
    };
  }

  const errors: LineError[] = [];
  const byTool = new Map<string, { line: number; row: CsvRow }[]>();
  for (const r of records) {
    const key = r.row.tool_key ?? '';
    if (!key) errors.push({ line: r.line, field: 'tool_key', message: 'Required' });
    byTool.set(key, [...(byTool.get(key) ?? []), r]);
  }
  const tools: ToolDefinition[] = [];
  for (const [key, rows] of byTool) {
    if (!key) continue;
    const first = rows[0]!.row;
    const aspects: {
      title: string;
      description: string;
      statements: { code: string; text: string; guidance: string; tags: string[]; line: number }[];
    }[] = [];
    for (const { line, row } of rows) {
      for (const col of ['tool_name', 'area', 'completed_by'] as const) {
        if ((row[col] ?? '') !== (first[col] ?? '')) {
          errors.push({ line, field: col, message: `Differs from the first row of tool ${key}` });
        }
      }
      let aspect = aspects.find((a) => a.title === row.aspect);
      if (!aspect) {
        aspect = { title: row.aspect ?? '', description: row.aspect_description ?? '', statements: [] };
        aspects.push(aspect);
      }
      aspect.statements.push({
        code: row.code ?? '',
        text: row.statement ?? '',
        guidance: row.guidance ?? '',
        tags: (row.tags ?? '')
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean),
        line,
      });
    }
    const candidate = {
      key,
      name: first.tool_name,
      area: first.area,
      completedBy: first.completed_by,
      description: first.tool_description ?? '',
      aspects: aspects.map((a) => ({
        title: a.title,
        description: a.description,
        statements: a.statements.map(({ line: _line, ...s }) => s),
      })),
    };
    const parsed = toolDefinition.safeParse(candidate);
    if (parsed.success) tools.push(parsed.data);
    else errors.push(...parsed.error.issues.map((i) => csvIssue(i, rows[0]!.line, aspects)));
  }
  return errors.length ? { ok: false, errors } : { ok: true, tools };
}

/** Maps a schema issue back to the CSV line of the statement (or tool) it concerns. */
function csvIssue(
  issue: z.core.$ZodIssue,
  toolLine: number,
  aspects: { title: string; statements: { line: number }[] }[],
): LineError {
  const [top, ai, , si, field] = issue.path;
  const columnFor: Record<string, string> = {
    name: 'tool_name',
    area: 'area',
    completedBy: 'completed_by',
    key: 'tool_key',
    description: 'tool_description',
    text: 'statement',
    code: 'code',
    guidance: 'guidance',
    tags: 'tags',
    title: 'aspect',
  };
  if (top === 'aspects' && typeof ai === 'number') {
    const aspect = aspects[ai];
    const st = typeof si === 'number' ? aspect?.statements[si] : undefined;
    const line = st?.line ?? aspect?.statements[0]?.line ?? toolLine;
    const f =
      typeof field === 'string'
        ? field
        : typeof issue.path[2] === 'string'
          ? String(issue.path[2])
          : 'statement';
    return { line, field: columnFor[f] ?? f, message: issue.message };
  }
  return { line: toolLine, field: columnFor[String(top)] ?? String(top ?? ''), message: issue.message };
}

export function toolToCsv(tools: ToolDefinition[]): string {
  const rows = tools.flatMap((t) =>
    t.aspects.flatMap((a) =>
      a.statements.map((s) => [
        t.key,
        t.name,
        t.area,
        t.completedBy,
        t.description ?? '',
        a.title,
        a.description ?? '',
        s.code,
        s.text,
        s.guidance ?? '',
        (s.tags ?? []).join(';'),
      ]),
    ),
  );
  return stringify([csvColumns as unknown as string[], ...rows]);
}
