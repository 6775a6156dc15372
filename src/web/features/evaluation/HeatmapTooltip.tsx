import type { Heatmap } from '../../../shared/contracts/evaluation';
import type { CellTarget } from './HeatmapGrid';
import classes from './HeatmapGrid.module.css';
import { describeCell } from './heatmap-layout';

type Props = { id: string; data: Heatmap; target: CellTarget | undefined };

/** The grid's single tooltip, placed beside whichever cell is pointed at or focused. */
export function HeatmapTooltip({ id, data, target }: Props) {
  const row = target ? data.rows[target.row] : undefined;
  const column = target ? data.columns[target.column] : undefined;
  const cell = target ? data.cells[target.row]?.[target.column] : undefined;
  const labelOf = (v: number) => data.scale.points.find((p) => p.value === v)?.label ?? '';

  let style: { left: number; top: number } | undefined;
  if (target) {
    const rect = target.element.getBoundingClientRect();
    const left = Math.min(rect.right + 8, window.innerWidth - 350);
    const below = rect.bottom + 8;
    style = { left: Math.max(8, left), top: below + 140 > window.innerHeight ? rect.top - 148 : below };
  }
  const visible = Boolean(row && column && cell !== undefined);
  return (
    <div id={id} role="tooltip" className={classes.tooltip} hidden={!visible} style={style}>
      {row && column && cell !== undefined && (
        <>
          <strong>{row.label}</strong>
          <br />
          {column.code}: {column.text}
          <br />
          <em>{describeCell(cell, labelOf)}</em>
          {cell !== 'na' && (
            <>
              <br />
              Select to open this evaluation
            </>
          )}
        </>
      )}
    </div>
  );
}
