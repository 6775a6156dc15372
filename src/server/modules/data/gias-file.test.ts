import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEstablishments, parseGroupLinks } from './gias-file';

const establishments = readFileSync('test-data/gias/edubasealldata-sample.csv');
const links = readFileSync('test-data/gias/allgroupslinksdata-sample.csv');
const lines = (b: Buffer) => b.toString('latin1').split(/\r?\n/).filter(Boolean);
const withRepeat = (b: Buffer, pick: (line: string) => boolean, edit = (l: string) => l) => {
  const all = lines(b);
  return Buffer.from([...all, edit(all.find(pick)!)].join('\r\n'), 'latin1');
};

describe('GIAS extracts', () => {
  it('reads the trust’s establishments once each, and names a URN listed twice', () => {
    const group = { groupUid: '5001' };
    const ok = parseEstablishments(establishments, group);
    expect(ok.rejected).toEqual([]);
    const urns = ok.establishments.map((e) => e.urn);
    expect(new Set(urns).size).toBe(urns.length);

    const twice = parseEstablishments(
      withRepeat(establishments, (l) => l.startsWith('"141002"')),
      group,
    );
    expect(twice.rejected).toEqual([
      expect.objectContaining({
        column: 'urn',
        value: '141002',
        reason: 'The same URN is at row 3: an establishment is listed once',
      }),
    ]);
  });

  it('takes a repeated group link once, and rejects one that gives another joined date', () => {
    const group = { groupUid: '5001' };
    const base = parseGroupLinks(links, group);
    const same = parseGroupLinks(
      withRepeat(links, (l) => l.includes('"141002"')),
      group,
    );
    expect(same.rejected).toEqual([]);
    expect(same.links).toEqual(base.links);

    const other = parseGroupLinks(
      withRepeat(
        links,
        (l) => l.includes('"141002"'),
        (l) => l.replace('01-09-2016', '01-09-2017'),
      ),
      group,
    );
    expect(other.rejected).toEqual([
      expect.objectContaining({
        column: 'urn',
        value: '141002',
        reason: expect.stringMatching(/^The same URN is linked at row 3/),
      }),
    ]);
  });
});
