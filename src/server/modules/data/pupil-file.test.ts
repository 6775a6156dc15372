import { describe, expect, it } from 'vitest';
import { parseDate, parsePupilCsv } from './pupil-file';
import { upnCheckLetter } from './upn';

const upn = (serial: number) => {
  const rest = `380123426${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(rest)}${rest}`;
};
const bytes = (s: string) => new TextEncoder().encode(s);
const header = 'UPN,Given name,Family name,Date of birth,Sex,Year group,Disadvantaged,FSM,SEN,EAL,Ethnicity';

describe('pupil CSV', () => {
  it('reads dd/mm/yyyy and ISO dates, Y/N flags and "Year 7" year groups', () => {
    const csv = `${header}\n${upn(1)},Ada,Lovelace,10/12/2014,F,Year 6,Y,Y,K,N,WBRI\n${upn(2)},Alan,Turing,2014-06-23,M,Y6,N,N,N,N,WBRI\n`;
    const out = parsePupilCsv(bytes(csv));
    expect(out.rejected).toEqual([]);
    expect(out.pupils.map((p) => [p.dateOfBirth, p.yearGroup, p.disadvantaged, p.sen])).toEqual([
      ['2014-12-10', 'Y6', true, 'K'],
      ['2014-06-23', 'Y6', false, 'N'],
    ]);
  });

  it('accepts a BOM, semicolons and Windows-1252 names', () => {
    const utf8 = `\uFEFF${header.replaceAll(',', ';')}\n${upn(3)};Zoë;O'Brien;01/01/2015;F;Y5;N;N;N;Y;WIRI\n`;
    expect(parsePupilCsv(bytes(utf8)).pupils[0]?.givenName).toBe('Zoë');
    const latin = Uint8Array.from([
      ...bytes(`${header}\n${upn(4)},Zo`),
      0xeb,
      ...bytes(',Smith,01/01/2015,F,Y5,N,N,N,N,WBRI\n'),
    ]);
    expect(parsePupilCsv(latin).pupils[0]?.givenName).toBe('Zoë');
  });

  it('explains every bad row: check letter, impossible date, duplicate, unknown codes', () => {
    const good = upn(5);
    const badLetter = `${good[0] === 'A' ? 'B' : 'A'}${good.slice(1)}`;
    const csv = [
      header,
      `${badLetter},A,B,01/01/2015,F,Y5,N,N,N,N,WBRI`,
      `${good},A,B,31/02/2015,F,Y5,N,N,N,N,WBRI`,
      `${upn(6)},A,B,01/01/2015,X,Y5,maybe,N,Q,N,WBRI`,
      `${upn(7)},A,B,01/01/2015,F,Y5,N,N,N,N,WBRI`,
      `${upn(7)},A,B,01/01/2015,F,Y5,N,N,N,N,WBRI`,
    ].join('\n');
    const out = parsePupilCsv(bytes(csv));
    expect(out.rejected.map((r) => [r.row, r.column])).toEqual([
      [2, 'upn'],
      [3, 'date_of_birth'],
      [4, 'sex'],
      [4, 'sen'],
      [4, 'disadvantaged'],
      [6, 'upn'],
    ]);
  });

  it('rejects an empty file and a file without the required columns', () => {
    expect(parsePupilCsv(new Uint8Array()).rejected[0]?.reason).toBe('The file is empty');
    expect(parsePupilCsv(bytes('name,age\nA,3\n')).rejected[0]?.reason).toBe('Missing required column(s)');
  });

  it('keeps formula-like names as plain text', () => {
    const out = parsePupilCsv(
      bytes(`${header}\n${upn(8)},=HYPERLINK(1),@Smith,01/01/2015,F,Y5,N,N,N,N,WBRI\n`),
    );
    expect(out.pupils[0]).toMatchObject({ givenName: '=HYPERLINK(1)', familyName: '@Smith' });
  });

  it('checks dates exist', () => {
    expect(parseDate('29/02/2016')).toBe('2016-02-29');
    expect(parseDate('29/02/2015')).toBeNull();
    expect(parseDate('2015-13-01')).toBeNull();
  });
});
