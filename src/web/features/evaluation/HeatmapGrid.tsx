import { type KeyboardEvent, type MouseEvent, memo, useEffect, useMemo, useRef } from 'react';
import type { Heatmap } from '../../../shared/contracts/evaluation';
import classes from './HeatmapGrid.module.css';
import { type Cell, columnGroups } from './heatmap-layout';
import { paletteFor } from './heatmap-palette';

export type CellTarget = { row: number; column: number; element: HTMLElement };

type Props = {
  data: Heatmap;
  /** Id of the one tooltip element; the focused cell is described by it. */
  tooltipId: string;
  onPoint: (target: CellTarget | undefined) => void;
  onOpen: (row: number, column: number) => void;
};

// Fixed column widths let the browser lay out thousands of cells without measuring each one.
const LABEL_WIDTH = 240;
const CELL_WIDTH = 34;

const LEVEL_CLASSES = [classes.l0, classes.l1, classes.l2, classes.l3, classes.l4, classes.l5, classes.l6];

/** The row and column of a body cell, read from the DOM so cells need no attributes of their own. */
function targetOf(node: EventTarget | null): CellTarget | undefined {
  if (!(node instanceof HTMLElement)) return undefined;
  const td = node.closest('td');
  const tr = td?.parentElement;
  if (!td || !(tr instanceof HTMLTableRowElement) || tr.parentElement?.tagName !== 'TBODY') return undefined;
  // The first cell of each row is its header.
  return { row: tr.sectionRowIndex, column: td.cellIndex - 1, element: td };
}

function cellAt(table: HTMLTableElement | null, row: number, column: number): HTMLElement | undefined {
  const tr = table?.tBodies[0]?.rows[row];
  const td = tr?.cells[column + 1];
  return td instanceof HTMLElement ? td : undefined;
}

/**
 * Schools by statements as one plain table: no component per cell, and one set of listeners for
 * the whole grid, so 60 rows by 150 columns render in a blink. Keyboard: one cell is in the tab
 * order; the arrow keys, Home and End move within the grid, and Enter opens the evaluation.
 */
export const HeatmapGrid = memo(function HeatmapGrid({ data, tooltipId, onPoint, onOpen }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  const active = useRef({ row: 0, column: 0 });

  const { cellClass, cellText, groups, toolNames } = useMemo(() => {
    const palette = paletteFor(data.scale);
    const level = new Map(palette.map((s, i) => [s.value, LEVEL_CLASSES[i] ?? '']));
    return {
      cellClass: (c: Cell) =>
        c === 'left' ? classes.left : c === 'na' ? classes.na : c === null ? classes.empty : level.get(c),
      cellText: (c: Cell) => (c === 'left' ? 'L' : c === 'na' ? '' : c === null ? '–' : String(c)),
      groups: columnGroups(data.columns),
      toolNames: new Map(data.columns.map((c) => [c.toolVersionId, c.toolName])),
    };
  }, [data]);
  const severalTools = toolNames.size > 1;
  const colours = useMemo(() => {
    const vars: Record<string, string> = {};
    paletteFor(data.scale).forEach((s, i) => {
      vars[`--l${i}-bg`] = s.background;
      vars[`--l${i}-fg`] = s.text;
    });
    return vars;
  }, [data.scale]);

  const body = useMemo(
    () =>
      data.rows.map((row, ri) => (
        <tr key={row.subjectId}>
          <th scope="row" className={classes.rowHeader}>
            {row.label}
            {severalTools && <span className={classes.rowTool}>{toolNames.get(row.toolVersionId)}</span>}
          </th>
          {(data.cells[ri] ?? []).map((cell, ci) => (
            // Columns never reorder within one payload, so the position is the identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <td key={ci} className={cellClass(cell)}>
              {cellText(cell)}
            </td>
          ))}
        </tr>
      )),
    [data, cellClass, cellText, severalTools, toolNames],
  );

  // One cell takes part in the tab order; report when the grid is on screen, for performance checks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once for each new payload
  useEffect(() => {
    const table = tableRef.current;
    active.current = { row: 0, column: 0 };
    cellAt(table, 0, 0)?.setAttribute('tabindex', '0');
    table?.setAttribute('data-ready', 'true');
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('heatmap:rendered')));
    return () => table?.removeAttribute('data-ready');
  }, [data]);

  const moveTo = (row: number, column: number) => {
    const rows = data.rows.length;
    const columns = data.columns.length;
    const r = Math.max(0, Math.min(rows - 1, row));
    const c = Math.max(0, Math.min(columns - 1, column));
    const from = cellAt(tableRef.current, active.current.row, active.current.column);
    const to = cellAt(tableRef.current, r, c);
    if (!to) return;
    from?.removeAttribute('tabindex');
    from?.removeAttribute('aria-describedby');
    to.setAttribute('tabindex', '0');
    to.focus();
    active.current = { row: r, column: c };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const t = targetOf(e.target);
    if (!t) return;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [t.row, t.column + 1],
      ArrowLeft: [t.row, t.column - 1],
      ArrowDown: [t.row + 1, t.column],
      ArrowUp: [t.row - 1, t.column],
      Home: [t.row, 0],
      End: [t.row, data.columns.length - 1],
      PageDown: [t.row + 10, t.column],
      PageUp: [t.row - 10, t.column],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(...move);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(t.row, t.column);
    }
  };

  const point = (e: MouseEvent<HTMLTableSectionElement>) => onPoint(targetOf(e.target));

  return (
    <table
      ref={tableRef}
      className={classes.table}
      style={{ ...colours, width: LABEL_WIDTH + CELL_WIDTH * data.columns.length }}
      aria-describedby={`${tooltipId}-help`}
    >
      <caption className={classes.caption}>
        Agreed judgements: each row an evaluation, each column a statement
      </caption>
      <colgroup>
        <col style={{ width: LABEL_WIDTH }} />
        <col span={data.columns.length} style={{ width: CELL_WIDTH }} />
      </colgroup>
      <thead>
        <tr className={classes.groupRow}>
          <td className={classes.corner} />
          {groups.map((g) => (
            <th key={g.key} scope="colgroup" colSpan={g.span} className={classes.group} title={g.title}>
              <span>{g.label}</span>
            </th>
          ))}
        </tr>
        <tr className={classes.codeRow}>
          <th scope="col" className={classes.cornerLabel}>
            School
          </th>
          {data.columns.map((c) => (
            <th key={c.statementId} scope="col" className={classes.code} title={c.text}>
              <span>{c.code}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody
        onMouseOver={point}
        onMouseLeave={() => onPoint(undefined)}
        onFocus={(e) => {
          const t = targetOf(e.target);
          if (t) {
            t.element.setAttribute('aria-describedby', tooltipId);
            active.current = { row: t.row, column: t.column };
          }
          onPoint(t);
        }}
        onBlur={(e) => {
          if (e.target instanceof HTMLElement) e.target.removeAttribute('aria-describedby');
          onPoint(undefined);
        }}
        onClick={(e) => {
          const t = targetOf(e.target);
          if (t) onOpen(t.row, t.column);
        }}
        onKeyDown={onKeyDown}
      >
        {body}
      </tbody>
    </table>
  );
});
