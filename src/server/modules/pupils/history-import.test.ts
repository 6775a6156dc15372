import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { refreshResultSummaries } from '../analysis/analysis.repository';
import { pupilsRepository } from '../data/pupils.repository';
import { upnCheckLetter } from '../data/upn';
import { pupilHistoryRepository } from './pupils.repository';

let h: Harness;
let t: TrustFixture;
let dm: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  dm = await signIn(h, t.people.dataManagerA.email);
});

const upn = (serial: number) => {
  const rest = `380999927${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(rest)}${rest}`;
};
const header = 'UPN,Given name,Family name,Date of birth,Sex,Year group,Disadvantaged,FSM,SEN,EAL,Ethnicity';
const rows = (disadvantagedFirst: boolean) =>
  Array.from(
    { length: 8 },
    (_, i) =>
      `${upn(i + 1)},Pupil,${i + 1},01/09/2011,F,Y9,${i === 0 && disadvantagedFirst ? 'Y' : 'N'},N,N,N,WBRI`,
  );
const importFile = (lines: string[], effectiveDate: string, head = header) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/imports/pupils',
    headers: dm.headers,
    payload: {
      schoolId: t.schoolA,
      filename: 'pupils.csv',
      contentBase64: Buffer.from([head, ...lines].join('\n')).toString('base64'),
      effectiveDate,
    },
  });
const historyOf = async (u: string) => {
  const p = await h.db.selectFrom('pupils').where('upn', '=', u).select('id').executeTakeFirstOrThrow();
  return (await pupilHistoryRepository.historiesOf(h.db, t.trustId, [p.id])).get(p.id) ?? [];
};

describe('characteristics history from imports', () => {
  it('opens one period from birth, closes it the day before a change, and a re-import changes nothing', async () => {
    expect((await importFile(rows(false), '2025-09-01')).statusCode).toBe(201);
    expect((await historyOf(upn(1))).map((p) => [p.from, p.to, p.values.disadvantaged])).toEqual([
      ['2011-09-01', null, false],
    ]);
    expect((await importFile(rows(true), '2026-01-05')).statusCode).toBe(201);
    const changed = await historyOf(upn(1));
    expect(changed.map((p) => [p.from, p.to, p.values.disadvantaged])).toEqual([
      ['2011-09-01', '2026-01-04', false],
      ['2026-01-05', null, true],
    ]);
    expect((await importFile(rows(true), '2026-02-01')).statusCode).toBe(201);
    expect(await historyOf(upn(1))).toEqual(changed);
    expect(await historyOf(upn(2))).toHaveLength(1);
  });

  it('resolves pupils as at a date in SQL, and groups each result as the pupil was on its date', async () => {
    const pupil = await h.db
      .selectFrom('pupils')
      .where('upn', '=', upn(1))
      .select('id')
      .executeTakeFirstOrThrow();
    const [before] = await pupilHistoryRepository.characteristicsAsAtDate(
      h.db,
      t.trustId,
      [pupil.id],
      '2025-12-01',
    );
    const [after] = await pupilHistoryRepository.characteristicsAsAtDate(
      h.db,
      t.trustId,
      [pupil.id],
      '2026-03-01',
    );
    expect([before!.values.disadvantaged, after!.values.disadvantaged]).toEqual([false, true]);

    const assessment = (takenOn: string) =>
      pupilsRepository.insertAssessment(h.db, {
        trustId: t.trustId,
        name: `Y9 maths ${takenOn}`,
        subject: 'Maths',
        yearGroup: 'Y9',
        academicYear: '2025/26',
        collectionPoint: takenOn,
        gradeSet: 'gcse',
        takenOn,
      });
    const autumn = (await assessment('2025-12-01')).id;
    const spring = (await assessment('2026-03-01')).id;
    const ids = await h.db.selectFrom('pupils').where('school_id', '=', t.schoolA).select('id').execute();
    await pupilsRepository.insertResults(
      h.db,
      t.trustId,
      ids.flatMap((p) => [autumn, spring].map((a) => ({ assessmentId: a, pupilId: p.id, value: 5 }))),
    );
    await refreshResultSummaries(h.db, t.trustId, { assessmentIds: [autumn, spring] });
    const disadvantagedCount = async (a: string) =>
      (
        await h.db
          .selectFrom('result_summaries')
          .where('assessment_id', '=', a)
          .where('disadvantaged', '=', true)
          .select('n')
          .execute()
      ).reduce((s, r) => s + r.n, 0);
    expect(await disadvantagedCount(autumn)).toBe(0);
    expect(await disadvantagedCount(spring)).toBe(1);
  });
});

describe('enrolments from entry and leaving dates', () => {
  const stayHeader = `${header},Admission date,Leaving date`;
  const importStays = (lines: string[]) => importFile(lines, '2026-09-10', stayHeader);
  const line = (serial: number, entry: string, leaving: string) =>
    `${upn(serial)},Pupil,${serial},01/09/2011,F,Y9,N,N,N,N,WBRI,${entry},${leaving}`;
  const staysOf = async (u: string) => {
    const p = await h.db.selectFrom('pupils').where('upn', '=', u).select('id').executeTakeFirstOrThrow();
    return (await pupilHistoryRepository.enrolmentsOf(h.db, t.trustId, [p.id])).get(p.id) ?? [];
  };
  const onRoll = async (u: string) => {
    const found = await h.app.inject({
      method: 'GET',
      url: `/api/v1/pupils?schoolId=${t.schoolA}&q=${u}`,
      headers: dm.headers,
    });
    return found.json().pupils[0].onRoll as boolean;
  };

  it('records when a pupil joined and left, takes the leaver off roll, and a re-import changes nothing', async () => {
    const lines = [line(51, '04/09/2023', ''), line(52, '2023-09-04', '22/07/2026')];
    const first = await importStays(lines);
    expect(first.json().status, first.body).toBe('committed');
    expect(await staysOf(upn(51))).toEqual([{ schoolId: t.schoolA, start: '2023-09-04', end: null }]);
    expect(await staysOf(upn(52))).toEqual([{ schoolId: t.schoolA, start: '2023-09-04', end: '2026-07-22' }]);
    expect(await onRoll(upn(51))).toBe(true);
    expect(await onRoll(upn(52))).toBe(false);
    expect((await importStays(lines)).json().status).toBe('committed');
    expect(await staysOf(upn(52))).toEqual([{ schoolId: t.schoolA, start: '2023-09-04', end: '2026-07-22' }]);

    const exported = await h.app.inject({
      method: 'GET',
      url: `/api/v1/pupils/export.csv?schoolId=${t.schoolA}`,
      headers: dm.headers,
    });
    const row = exported.body.split('\n').find((l) => l.startsWith(upn(52)));
    expect(row?.endsWith(',2023-09-04,2026-07-22')).toBe(true);
  });

  it('rejects a leaving date before the entry date and a date it cannot read, and imports nothing', async () => {
    const res = (
      await importStays([line(53, '04/09/2023', '01/09/2023'), line(54, '31/02/2023', ''), line(55, '', '')])
    ).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'leaving_date',
        reason: 'The leaving date is before the entry date',
      }),
      expect.objectContaining({ row: 3, column: 'entry_date', value: '31/02/2023' }),
    ]);
    expect(await h.db.selectFrom('pupils').where('upn', '=', upn(55)).select('id').execute()).toEqual([]);
  });
});
