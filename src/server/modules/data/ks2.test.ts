import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTrust, signIn } from '../../test/factories';
import { harness } from '../../test/harness';
import { parseSchoolDataset } from './school-datasets';

const sample = () => readFileSync('test-data/ks2/ks2-layout-sample.csv', 'utf8');

describe('the DfE KS2 performance tables', () => {
  it('reads schools, a special school, the local authority and England, keeping every no-data reason', () => {
    const { rows, rejected, rowsRead } = parseSchoolDataset('ks2', sample());
    expect(rejected).toEqual([]);
    expect(rowsRead).toBe(8);
    expect(rows.map((r) => r.recordLevel)).toEqual([
      'school',
      'school',
      'school',
      'school',
      'special_school',
      'local_authority',
      'national_all',
      'national_state_funded',
    ]);
    const aldwick = rows.find((r) => r.urn === '151001')!;
    expect(aldwick.measures).toMatchObject({
      PTRWM_EXP: 64,
      PTRWM_HIGH: 10,
      READ_AVERAGE: 104,
      READPROG: 0.8,
      READPROG_LOWER: -0.9,
      MATPROG: -0.3,
      PTRWM_EXP_FSM6CLA1A: 48,
      PTRWM_EXP_NOTFSM6CLA1A: 70,
    });
    const small = rows.find((r) => r.urn === '151003')!;
    expect(small.measures.PTRWM_EXP).toBeNull();
    expect(small.missing.PTRWM_EXP).toBe('SUPP');
    expect(rows.find((r) => r.urn === '151004')!.missing.READPROG).toBe('NEW');
    expect(rows.find((r) => r.urn === '151005')!.missing).toMatchObject({
      READ_AVERAGE: 'NE',
      READPROG: 'LOWCOV',
    });
    const la = rows.find((r) => r.recordLevel === 'local_authority')!;
    expect(la).toMatchObject({ laCode: '383', urn: null });
    expect(la.missing.READPROG_LOWER).toBe('blank');
  });

  it('rejects impossible figures and a file without the headline measure, naming line and column', () => {
    const bad = sample().replace('104,106,105,0.8', '140,106,105,0.8').replace('72%', '172%');
    expect(parseSchoolDataset('ks2', bad).rejected).toEqual([
      {
        row: 2,
        column: 'READ_AVERAGE',
        value: '140',
        reason: 'An average scaled score must be between 80 and 120',
      },
      { row: 3, column: 'PTRWM_EXP', value: '172%', reason: 'A percentage must be between 0 and 100' },
    ]);
    const noHeadline = 'RECTYPE,LEA,URN,SCHNAME\n1,383,151001,Aldwick\n';
    expect(parseSchoolDataset('ks2', noHeadline).rejected[0]).toMatchObject({
      column: 'PTRWM_EXP',
      reason: 'Missing required column(s)',
    });
  });

  it('imports through the API, and a school sees its KS2 row beside its local authority and England', async () => {
    const h = await harness();
    const t = await buildTrust(h);
    const admin = await signIn(h, t.people.admin.email);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/school-datasets',
      headers: admin.headers,
      payload: { dataset: 'ks2', year: 2019, filename: 'england_ks2final.csv', content: sample() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'ks2', status: 'committed', rowsAccepted: 8, rowsRejected: 0 });
    await h.db.updateTable('schools').set({ urn: '151001' }).where('id', '=', t.schoolA).execute();
    const seen = await h.app.inject({
      method: 'GET',
      url: `/api/v1/schools/${t.schoolA}/published-outcomes`,
      headers: admin.headers,
    });
    const ks2 = seen.json().outcomes.filter((o: { dataset: string }) => o.dataset === 'ks2');
    const levels = ks2.map((o: { recordLevel: string }) => o.recordLevel).sort();
    expect(levels).toContain('school');
    expect(levels).toContain('national_state_funded');
    expect(ks2.find((o: { urn: string | null }) => o.urn === '151001').measures.PTRWM_EXP).toBe(64);
  }, 60_000);
});
