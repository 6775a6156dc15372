import { describe, expect, it } from 'vitest';
import { publishedTables } from './published-tables';

const row = (over: Partial<Parameters<typeof publishedTables>[0][number]>) => ({
  dataset: 'ks4',
  year: 2019,
  recordLevel: 'school' as const,
  laCode: '383',
  urn: '151001',
  schoolName: null,
  measures: {},
  missing: {},
  ...over,
});

describe('published tables on the school page', () => {
  it('sets the school beside its local authority and England, with confidence limits and bands in words', () => {
    const tables = publishedTables(
      [
        row({ measures: { P8MEA: -0.08, P8CILOW: -0.25, P8CIUPP: 0.09, P8_BANDING: 3, ATT8SCR: 46.2 } }),
        row({ recordLevel: 'local_authority', urn: null, measures: { P8MEA: -0.12, ATT8SCR: 44.9 } }),
        row({
          recordLevel: 'local_authority',
          laCode: '380',
          urn: null,
          measures: { P8MEA: 0.5, ATT8SCR: 50 },
        }),
        row({
          recordLevel: 'national_state_funded',
          laCode: null,
          urn: null,
          measures: { P8MEA: -0.03, ATT8SCR: 46.7 },
        }),
        row({ year: 2018, measures: { P8MEA: 0.4, ATT8SCR: 50 } }),
      ],
      '151001',
      'secondary',
    );
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t).toMatchObject({
      dataset: 'ks4',
      year: 2019,
      columns: ['This school', 'Local authority', 'England'],
    });
    expect(t.rows.map((r) => r.label)).toEqual(['Progress 8', 'Progress 8 band', 'Attainment 8']);
    expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['−0.08 (−0.25 to +0.09)', '−0.12', '−0.03']);
    expect(t.rows[1]!.cells[0]!.text).toBe('Average');
  });

  it('says why a figure is missing, and picks England for the school’s phase', () => {
    const tables = publishedTables(
      [
        row({
          dataset: 'absence',
          measures: { PERCTOT: 4.3, PPERSABS10: null },
          missing: { PPERSABS10: 'SUPP' },
        }),
        row({
          dataset: 'absence',
          recordLevel: 'national_state_funded',
          urn: null,
          laCode: null,
          schoolName: 'England: state-funded secondary',
          measures: { PERCTOT: 5.5, PPERSABS10: 13.7 },
        }),
        row({
          dataset: 'absence',
          recordLevel: 'national_state_funded',
          urn: null,
          laCode: null,
          schoolName: 'England: state-funded primary',
          measures: { PERCTOT: 4, PPERSABS10: 8.2 },
        }),
      ],
      '151001',
      'primary',
    );
    const cells = tables[0]!.rows.map((r) => r.cells);
    expect(cells[0]!.map((c) => c.text)).toEqual(['4.3%', '4.0%']);
    expect(cells[1]![0]).toEqual({ text: 'SUPP', missing: 'suppressed: too few pupils to publish' });
  });

  it('shows nothing for a download without the school', () => {
    expect(publishedTables([row({ urn: '999999' })], '151001', 'secondary')).toEqual([]);
  });
});
