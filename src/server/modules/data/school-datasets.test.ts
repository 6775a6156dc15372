import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTrust, signIn } from '../../test/factories';
import { harness } from '../../test/harness';
import { parseSchoolDataset } from './school-datasets';

const real = (name: string) => readFileSync(`test-data/dfe/${name}`, 'utf8');

describe('DfE census, absence and Ofsted files', () => {
  it('reads every row of the real 2019 census: schools, NA codes kept, England rows by phase', () => {
    const { rows, rejected, rowsRead } = parseSchoolDataset('census', real('england_census.csv'));
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(rowsRead);
    expect(rowsRead).toBe(23_942);
    const first = rows.find((r) => r.urn === '100000')!;
    expect(first.measures).toMatchObject({ NOR: 285, PNUMFSMEVER: 16.2, PSENELK: 17.5 });
    const independent = rows.find((r) => r.urn === '100001')!;
    expect(independent.measures.PNUMFSMEVER).toBeNull();
    expect(independent.missing.PNUMFSMEVER).toBe('NA');
    const england = rows.filter((r) => r.recordLevel === 'national_state_funded').map((r) => r.schoolName);
    expect(england).toEqual([
      'England: state-funded primary',
      'England: state-funded secondary',
      'England: state-funded special',
    ]);
  });

  it('reads the real absence file, with SUPP kept as the reason a figure is missing', () => {
    const { rows, rejected } = parseSchoolDataset('absence', real('england_abs.csv'));
    expect(rejected).toEqual([]);
    expect(rows.find((r) => r.urn === '136807')!.measures).toEqual({ PERCTOT: 4.3, PPERSABS10: 11 });
    expect(rows.filter((r) => r.missing.PPERSABS10 === 'SUPP')).toHaveLength(864);
    expect(rows.filter((r) => r.recordLevel === 'national_state_funded')).toHaveLength(3);
  });

  it('reads the real Ofsted ratings as 1 (outstanding) to 4 (inadequate), Unknown as missing', () => {
    const { rows, rejected } = parseSchoolDataset('ofsted', real('ofsted_ratings.csv'));
    expect(rejected).toEqual([]);
    const count = (g: number | null) => rows.filter((r) => r.measures.OFSTED_RATING === g).length;
    expect([count(1), count(2), count(3), count(4), count(null)]).toEqual([834, 2719, 685, 347, 1811]);
  });

  it('rejects a file whose values are not numbers, naming the line and column', () => {
    const { rejected } = parseSchoolDataset(
      'absence',
      'LA,ESTAB,URN,PERCTOT,PPERSABS10\n201,3614,100000,2.6,lots\n',
    );
    expect(rejected).toEqual([
      { row: 2, column: 'PPERSABS10', value: 'lots', reason: 'Not a number or a known no-data code' },
    ]);
  });

  it('imports through the API beside the KS4 tables, and a school sees its own row with England’s', async () => {
    const h = await harness();
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/school-datasets',
      headers: admin.headers,
      payload: {
        dataset: 'absence',
        year: 2019,
        filename: 'england_abs.csv',
        content: real('england_abs.csv'),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'absence', status: 'committed', rowsAccepted: 21_217 });
    const urn = '136807';
    await h.db.updateTable('schools').set({ urn }).where('id', '=', t.schoolA).execute();
    const seen = await h.app.inject({
      method: 'GET',
      url: `/api/v1/schools/${t.schoolA}/published-outcomes`,
      headers: admin.headers,
    });
    const outcomes = seen.json().outcomes.filter((o: { dataset: string }) => o.dataset === 'absence');
    expect(outcomes.find((o: { urn: string | null }) => o.urn === urn).measures).toEqual({
      PERCTOT: 4.3,
      PPERSABS10: 11,
    });
    expect(
      outcomes.filter((o: { recordLevel: string }) => o.recordLevel === 'national_state_funded'),
    ).toHaveLength(3);
  }, 60_000);
});
