import { pipeline, Readable } from 'node:stream';
import { type CsvError, type Info, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';
import { fileTooLarge } from '../upload';
import type { SheetRow } from './transform';
import { cellText } from './values';

/**
 * A CSV or XLSX file as a header and a stream of rows, read as the bytes arrive: a million-row file
 * is never held whole. CSV: UTF-8 (with or without a byte-order mark) or Windows-1252, comma,
 * semicolon or tab, all detected from the start of the file. XLSX: the first worksheet or a named one,
 * dates as dates, through exceljs's streaming reader.
 */
export type TableMeta = {
  format: 'csv' | 'xlsx';
  delimiter: string | null;
  encoding: string | null;
  sheets: string[];
  sheet: string | null;
};
export type OpenedTable = TableMeta & { header: string[]; rows: AsyncGenerator<SheetRow> };

const unprocessable = (code: string, message: string) => new AppError(422, code, message);

async function* metered(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += b.length;
    if (bytes > maxBytes) throw fileTooLarge(maxBytes);
    yield b;
  }
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

export async function openTable(
  source: AsyncIterable<Buffer | string>,
  opts: { filename: string; sheet?: string | undefined; maxBytes: number },
): Promise<OpenedTable> {
  const bytes = metered(source, opts.maxBytes);
  const first = await bytes.next();
  if (first.done || first.value.length === 0) throw unprocessable('empty_file', 'The file is empty.');
  const head = first.value;
  const rest = prepend(head, bytes);
  const zip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0)
    throw new AppError(
      415,
      'unsupported_file',
      'This is an old Excel (.xls) file: save it as .xlsx or CSV first.',
    );
  if (zip) return openXlsx(rest, opts.sheet);
  if (/\.xlsx$/i.test(opts.filename))
    throw unprocessable('bad_xlsx', 'This file is named .xlsx but is not an Excel workbook.');
  return openCsv(rest);
}

/** The delimiter used most in the first line, outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const line = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0
    ? [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    : ',';
}

async function openCsv(bytes: AsyncGenerator<Buffer>): Promise<OpenedTable> {
  // The first chunk decides the encoding: the stream cannot be re-read once rows are on their way.
  let decoder: TextDecoder | null = null;
  let encoding = 'utf-8';
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of bytes) {
      if (!decoder) {
        try {
          // stream: a character cut at the chunk's end is not an error, only a byte that is never UTF-8.
          new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
          decoder = new TextDecoder('utf-8');
          if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) encoding = 'utf-8 (with BOM)';
        } catch {
          decoder = new TextDecoder('windows-1252');
          encoding = 'windows-1252';
        }
      }
      yield decoder.decode(chunk, { stream: true });
    }
    if (decoder) yield decoder.decode();
  }
  const chars = text();
  let start = '';
  for (let r = await chars.next(); ; r = await chars.next()) {
    if (r.done) break;
    start += r.value;
    if (/\r?\n/.test(start) || start.length > 65_536) break;
  }
  const delimiter = detectDelimiter(start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  });
  pipeline(Readable.from(prepend(start, chars)), parser, () => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: Info }>;

  const next = async () => {
    try {
      return await records.next();
    } catch (err) {
      if (err instanceof AppError) throw err;
      const line = (err as CsvError).lines ?? 0;
      throw unprocessable(
        'bad_csv',
        `The file is not valid CSV near line ${line}: ${(err as Error).message}`,
      );
    }
  };
  const firstRecord = await next();
  if (firstRecord.done) throw unprocessable('empty_file', 'The file is empty.');
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (let r = await next(); !r.done; r = await next())
        yield { row: r.value.info.lines, cells: r.value.record };
    } finally {
      parser.destroy();
    }
  }
  return {
    format: 'csv',
    delimiter,
    encoding,
    sheets: [],
    sheet: null,
    header: firstRecord.value.record.map((h) => h.trim()),
    rows: rows(),
  };
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };
type BookReader = { model?: { sheets?: { name: string }[] } };

async function openXlsx(bytes: AsyncGenerator<Buffer>, wanted: string | undefined): Promise<OpenedTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const broken = (err: unknown) =>
    err instanceof AppError
      ? err
      : unprocessable(
          'bad_xlsx',
          `The XLSX file is damaged or incomplete (${(err as Error).message || 'unreadable'}). Save it again from Excel, or export it as CSV.`,
        );
  const sheets = reader[Symbol.asyncIterator]();
  let sheet: SheetReader | null = null;
  try {
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const ws = s.value as unknown as SheetReader;
      if (!wanted || ws.name === wanted) {
        sheet = ws;
        break;
      }
      // Another sheet: skip its rows.
      for await (const _ of ws) void _;
    }
  } catch (err) {
    throw broken(err);
  }
  const names = ((reader as unknown as BookReader).model?.sheets ?? []).map((s) => s.name);
  if (!sheet)
    throw wanted
      ? unprocessable('no_such_sheet', `The workbook has no sheet "${wanted}"; it has ${names.join(', ')}.`)
      : unprocessable('empty_file', 'The workbook has no worksheets.');
  const iterator = sheet[Symbol.asyncIterator]();
  const toRow = (r: ExcelJS.Row): SheetRow => {
    const values = Array.isArray(r.values) ? r.values.slice(1) : [];
    return { row: r.number, cells: Array.from(values, (v) => cellText(v).trim()) };
  };
  const next = async () => {
    try {
      return await iterator.next();
    } catch (err) {
      throw broken(err);
    }
  };
  let header: string[] | null = null;
  for (let r = await next(); !r.done; r = await next()) {
    const row = toRow(r.value);
    if (row.cells.some((c) => c !== '')) {
      header = row.cells;
      break;
    }
  }
  if (!header) throw unprocessable('empty_file', 'The worksheet is empty.');
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      for (let r = await next(); !r.done; r = await next()) yield toRow(r.value);
    } finally {
      await iterator.return?.(undefined);
    }
  }
  return {
    format: 'xlsx',
    delimiter: null,
    encoding: null,
    sheets: names,
    sheet: sheet.name ?? null,
    header,
    rows: rows(),
  };
}
