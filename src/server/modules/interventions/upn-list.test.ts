import { describe, expect, it } from 'vitest';
import { upnCheckLetter } from '../data/upn';
import { parseUpnList } from './upn-list';

const upn = (rest: string) => `${upnCheckLetter(rest)}${rest}`;
const good1 = upn('380123412001');
const good2 = upn('380123412002');
const wrongLetter = `${good1[0] === 'A' ? 'B' : 'A'}${good1.slice(1)}`;

describe('parseUpnList', () => {
  it('reads the UPN column of a file with a header and ignores the other columns', () => {
    const csv = `\uFEFFName,UPN\r\nAmelia Smith,${good1}\r\nNoah Khan,${good2.toLowerCase()}\r\n`;
    expect(parseUpnList(csv)).toEqual({
      rows: [
        { row: 2, upn: good1 },
        { row: 3, upn: good2 },
      ],
      rejected: [],
    });
  });

  it('reads one UPN per line without a header', () => {
    expect(parseUpnList(`${good1}\n\n${good2}\n`).rows.map((r) => r.row)).toEqual([1, 3]);
  });

  it('explains every rejected row with its number, column, value and reason', () => {
    const { rejected } = parseUpnList(`UPN\n${wrongLetter}\nnot-a-upn\n${good1}\n${good1}\n,\n`);
    expect(rejected).toEqual([
      {
        row: 2,
        column: 'UPN',
        value: wrongLetter,
        reason: 'The check letter does not match the rest of the UPN.',
      },
      { row: 3, column: 'UPN', value: 'not-a-upn', reason: 'A UPN is a letter followed by 12 characters.' },
      { row: 5, column: 'UPN', value: good1, reason: 'The same UPN is already on row 4.' },
    ]);
  });

  it('rejects an empty file', () => {
    expect(parseUpnList('').rejected[0]?.reason).toBe('The file has no UPNs in it.');
  });
});
