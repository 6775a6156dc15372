import { stringify } from 'csv-stringify/sync';
import type { ImportMapping } from '../../../../shared/contracts/import-mapping';
import type { RejectedRowJson } from '../../../platform/db/schema';
import { RESULT_COLUMNS } from '../results-file';
import type { CanonicalRow, SheetRow } from './transform';
import { sourceColumnName } from './transform';

const LINES_PER_CHUNK = 2_000;

/** Where each canonical line came from: the file's row and column, in typed arrays (8 bytes a line). */
export class Origins {
  rows = new Int32Array(1024);
  columns = new Int32Array(1024);
  length = 0;
  push(row: number, column: number) {
    if (this.length === this.rows.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.rows = grow(this.rows);
      this.columns = grow(this.columns);
    }
    this.rows[this.length] = row;
    this.columns[this.length] = column;
    this.length += 1;
  }
  /** Canonical line n (the header is line 1). */
  at(line: number): { row: number; column: number } | null {
    const i = line - 2;
    return i >= 0 && i < this.length ? { row: this.rows[i]!, column: this.columns[i]! } : null;
  }
}

/**
 * The file as canonical long-format CSV (UTF-8), produced as the importer reads it, so the file is
 * pulled through at the importer's pace. Rows with nothing in any canonical field are dropped here,
 * since the importer would skip them as blank lines and its line numbers would no longer match ours.
 */
export function canonicalLines(
  sample: SheetRow[],
  rest: AsyncIterable<SheetRow>,
  map: (r: SheetRow) => CanonicalRow[],
): { chunks: AsyncGenerator<Buffer>; origin: Origins } {
  const origin = new Origins();
  async function* chunks(): AsyncGenerator<Buffer> {
    yield Buffer.from(stringify([[...RESULT_COLUMNS]]));
    let batch: string[][] = [];
    const add = (r: SheetRow) => {
      for (const c of map(r)) {
        if (c.values.every((v) => v === '')) continue;
        origin.push(c.row, c.sourceColumn);
        batch.push(c.values);
      }
    };
    const flush = () => {
      const out = Buffer.from(stringify(batch));
      batch = [];
      return out;
    };
    for (const r of sample) add(r);
    for await (const r of rest) {
      add(r);
      if (batch.length >= LINES_PER_CHUNK) yield flush();
    }
    if (batch.length) yield flush();
  }
  return { chunks: chunks(), origin };
}

/** The importer's rejected rows in the file's terms: its row numbers and its column names. */
export function remapRejected(
  rejected: RejectedRowJson[],
  origin: Origins,
  mapping: ImportMapping,
  headers: string[],
): RejectedRowJson[] {
  return rejected.map((r) => {
    const from = origin.at(r.row);
    if (!from) return r;
    const column = r.column
      .split(', ')
      .map((c) => sourceColumnName(mapping, headers, c, from.column))
      .join(', ');
    const reason = r.reason.replace(/\bline (\d+)\b/g, (whole, n: string) => {
      const other = origin.at(Number(n));
      return other ? `row ${other.row}` : whole;
    });
    return { ...r, row: from.row, column, reason };
  });
}
