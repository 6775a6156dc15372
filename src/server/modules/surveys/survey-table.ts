import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText } from '../data/pupil-file';

/** Survey exports are small; these limits keep one upload from holding the server. */
export const MAX_SURVEY_BYTES = 10 * 1024 * 1024;
export const MAX_SURVEY_ROWS = 20_000;

export type Table = { rows: string[][] } | { error: string };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A cell of a worksheet as the text the form showed; dates as local ISO date-times. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { error: 'The spreadsheet could not be read: it may be damaged or only partly saved.' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { error: 'The spreadsheet has no worksheet.' };
  if (sheet.rowCount > MAX_SURVEY_ROWS + 1)
    return { error: `The sheet has more than ${MAX_SURVEY_ROWS} rows; split it into smaller files.` };
  const width = sheet.columnCount;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value).trim()));
  }
  return { rows };
}

function readCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  try {
    const rows: string[][] = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    if (rows.length > MAX_SURVEY_ROWS + 1)
      return { error: `The file has more than ${MAX_SURVEY_ROWS} rows; split it into smaller files.` };
    return { rows };
  } catch (err) {
    return { error: `The file is not CSV we can read: ${(err as Error).message}` };
  }
}

/** The cells of a CSV or XLSX export, told apart by their bytes rather than the file name. */
export async function readSurveyTable(bytes: Uint8Array, filename: string): Promise<Table> {
  if (bytes.length === 0) return { error: 'The file is empty.' };
  if (bytes.length > MAX_SURVEY_BYTES)
    return { error: `The file is larger than ${MAX_SURVEY_BYTES / 1024 / 1024} MB.` };
  if (isZip(bytes)) return readXlsx(bytes);
  if (/\.xlsx$/i.test(filename)) return { error: 'The file is named .xlsx but is not an Excel workbook.' };
  return readCsv(bytes);
}
