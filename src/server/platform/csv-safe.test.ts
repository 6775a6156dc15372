import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, safeCsv, spreadsheetSafe } from './csv-safe';

describe('spreadsheet-safe CSV', () => {
  it('writes text a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])
      expect(spreadsheetSafe(v)).toBe(`'${v}`);
    expect(fromSpreadsheetSafe(spreadsheetSafe("'=x"))).toBe("'=x");
    for (const v of ['Smith', '-2', '+1.5', '3e5', "O'Neil", '', 'a=b']) expect(spreadsheetSafe(v)).toBe(v);
  });

  it('escapes every text cell of a document, and leaves numbers as they are', () => {
    const csv = safeCsv([
      ['name', 'score'],
      ['=1+1', -3],
    ]);
    expect(parse(csv)).toEqual([
      ['name', 'score'],
      ["'=1+1", '-3'],
    ]);
  });

  it('reads back exactly what it wrote, for any text', () => {
    fc.assert(
      fc.property(fc.constantFrom('', "'", "''", '=', '-', '@', '+1'), fc.string(), (head, tail) => {
        const v = head + tail;
        expect(fromSpreadsheetSafe(spreadsheetSafe(v))).toBe(v);
        // Nothing that comes out opens as a formula, unless it is a plain number.
        expect(/^[=+\-@\t\r]/.test(spreadsheetSafe(v)) && !/^[+-]?[\d.]/.test(v)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
