import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { buildTrust, type Session, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { orgRepository } from '../org/org.repository';
import { createDataExportService } from './data-export.service';
import { seedSyntheticPupils } from './seed-pupils';

let h: Harness;

const HEADER = 'UPN,Assessment,Subject,Year group,Academic year,Collection point,Grade set,Date,Result';

/** A trust whose two schools have synthetic pupils and results, with an admin and data manager signed in. */
async function trustWithPupils(sizeA = 30) {
  const t = await buildTrust(h);
  const urn = async (id: string) => (await orgRepository.findSchool(h.db, t.trustId, id))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: await urn(t.schoolA), phase: 'secondary', effect: 0.2, size: sizeA },
    { id: t.schoolB, urn: await urn(t.schoolB), phase: 'primary', effect: -0.1, size: 20 },
  ]);
  const upns = async (schoolId: string) =>
    (
      await h.db.selectFrom('pupils').where('school_id', '=', schoolId).select('upn').orderBy('upn').execute()
    ).map((p) => p.upn!);
  return {
    t,
    upnsA: await upns(t.schoolA),
    upnsB: await upns(t.schoolB),
    admin: await signIn(h, t.people.admin.email),
    dm: await signIn(h, t.people.dataManagerA.email),
  };
}

const post = (s: Session, body: string, query = 'filename=results.csv') =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/results?${query}`,
    headers: { ...s.headers, 'content-type': 'text/csv' },
    payload: body,
  });
const line = (upn: string, result: string, assessment = 'Year 11 science mock', subject = 'Science') =>
  `${upn},${assessment},${subject},Year 11,2025/26,Spring 2,gcse,02/03/2026,${result}`;
const counts = async (trustId: string) => ({
  results: (await h.db.selectFrom('results').where('trust_id', '=', trustId).select('pupil_id').execute())
    .length,
  assessments: (await h.db.selectFrom('assessments').where('trust_id', '=', trustId).select('id').execute())
    .length,
});

beforeAll(async () => {
  h = await harness();
});

describe('results import', () => {
  let f: Awaited<ReturnType<typeof trustWithPupils>>;
  beforeAll(async () => {
    f = await trustWithPupils();
  });

  it('writes every result, creates the assessment once, skips absences, and replaces values on re-import', async () => {
    const before = await counts(f.t.trustId);
    const rows = f.upnsA.map((u, i) => line(u, i === 0 ? 'A' : i === 1 ? 'U' : String(i % 10)));
    const res = await post(f.admin, [HEADER, ...rows].join('\r\n'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'results',
      status: 'committed',
      rowsRead: 30,
      rowsAccepted: 29,
      rowsSkipped: 1,
      rowsRejected: 0,
    });
    expect(res.json().fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await counts(f.t.trustId)).toEqual({
      results: before.results + 29,
      assessments: before.assessments + 1,
    });
    const stored = await h.db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
      .where('a.name', '=', 'Year 11 science mock')
      .where('p.upn', '=', f.upnsA[1]!)
      .select('r.value')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe(0);

    const again = await post(f.admin, [HEADER, ...rows.map((r) => r.replace(/,U$/, ',7'))].join('\n'));
    expect(again.json().status).toBe('committed');
    expect(await counts(f.t.trustId)).toEqual({
      results: before.results + 29,
      assessments: before.assessments + 1,
    });
    const replaced = await h.db
      .selectFrom('results as r')
      .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
      .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
      .where('a.name', '=', 'Year 11 science mock')
      .where('p.upn', '=', f.upnsA[1]!)
      .where('r.value', '=', 7)
      .select('r.value')
      .execute();
    expect(replaced).toHaveLength(1);
  });

  it('rejects the whole file, naming each bad line, when any line is wrong', async () => {
    const before = await counts(f.t.trustId);
    const badUpn = `${f.upnsA[3]!.slice(0, 12)}${f.upnsA[3]!.at(-1) === '1' ? '2' : '1'}`;
    const rows = [
      line(f.upnsA[0]!, '5', 'Year 11 history mock', 'History'),
      line(f.upnsA[1]!, '10', 'Year 11 history mock', 'History'),
      line(badUpn, '4', 'Year 11 history mock', 'History'),
      `${f.upnsA[4]},Year 11 history mock,History,Year 11,2025/26,Spring 2,gcse,31/02/2026,4`,
      `${f.upnsA[5]},Year 11 history mock,History,Year 11,2025/26,Spring 2,letters,02/03/2026,B`,
    ];
    const res = (await post(f.admin, [HEADER, ...rows].join('\n'))).json();
    expect(res.status).toBe('rejected');
    expect(res.rowsRejected).toBe(4);
    expect(res.rejected.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [3, 'result'],
      [4, 'upn'],
      [5, 'date'],
      [6, 'grade_set'],
    ]);
    expect(await counts(f.t.trustId)).toEqual(before);
  });

  it('rejects pupils the trust does not have and repeated lines, found after reading the whole file', async () => {
    const before = await counts(f.t.trustId);
    const other = await trustWithPupils();
    const rows = [
      line(f.upnsA[0]!, '5', 'Year 11 RE mock', 'RE'),
      line(f.upnsA[0]!, '6', 'Year 11 RE mock', 'RE'),
      line(other.upnsA[0]!, '5', 'Year 11 RE mock', 'RE'),
    ];
    const res = (await post(f.admin, [HEADER, ...rows].join('\n'))).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, reason: 'Same pupil and assessment as line 2' }),
      ]),
    );
    expect(await counts(f.t.trustId)).toEqual(before);
  });

  it('names the missing columns and treats an empty file as an error', async () => {
    const missing = (await post(f.admin, 'UPN,Subject,Result\nX,Maths,4')).json();
    expect(missing.rejected[0]).toMatchObject({ row: 1, reason: 'Missing required column(s)' });
    expect(missing.rejected[0].column).toContain('assessment');
    const empty = (await post(f.admin, '')).json();
    expect(empty.rejected[0]).toMatchObject({ reason: 'The file is empty' });
  });

  it('validates without writing on a dry run', async () => {
    const before = await counts(f.t.trustId);
    const rows = f.upnsA.map((u) => line(u, '6', 'Year 11 art mock', 'Art'));
    const res = (await post(f.admin, [HEADER, ...rows].join('\n'), 'filename=r.csv&dryRun=true')).json();
    expect(res).toMatchObject({ status: 'validated', rowsAccepted: 30 });
    expect(await counts(f.t.trustId)).toEqual(before);
  });

  it('lets a data manager import only their own school’s pupils, and only with the school named', async () => {
    const rows = [line(f.upnsA[0]!, '5', 'Year 11 music mock', 'Music')];
    expect((await post(f.dm, [HEADER, ...rows].join('\n'))).statusCode).toBe(403);
    const own = await post(f.dm, [HEADER, ...rows].join('\n'), `filename=r.csv&schoolId=${f.t.schoolA}`);
    expect(own.json().status).toBe('committed');
    const elsewhere = await post(
      f.dm,
      [HEADER, line(f.upnsB[0]!, '5', 'Year 11 music mock', 'Music')].join('\n'),
      `filename=r.csv&schoolId=${f.t.schoolA}`,
    );
    expect(elsewhere.json().rejected[0]).toMatchObject({ reason: 'This pupil is at another school' });
    expect((await post(f.dm, 'x', `filename=r.csv&schoolId=${f.t.schoolB}`)).statusCode).toBe(403);
  });

  it('refuses a results file sent as JSON', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/results?filename=r.csv',
      headers: f.admin.headers,
      payload: { rows: [] },
    });
    expect(res.statusCode).toBe(415);
  });

  it('leaves the database unchanged when line 90,000 of a 100,000-line file is invalid', async () => {
    // 999: synthetic UPNs have a three-digit serial.
    const big = await trustWithPupils(999);
    const before = await counts(big.t.trustId);
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const a = Math.floor(i / big.upnsA.length);
      rows.push(line(big.upnsA[i % big.upnsA.length]!, String(i % 10), `Quiz ${a}`, 'Maths'));
    }
    rows[90_000 - 2] = rows[90_000 - 2]!.replace(/,\d$/, ',11');
    const res = await post(big.admin, [HEADER, ...rows].join('\n'));
    expect(res.json()).toMatchObject({ status: 'rejected', rowsRead: 100_000, rowsRejected: 1 });
    expect(res.json().rejected).toEqual([expect.objectContaining({ row: 90_000, column: 'result' })]);
    expect(await counts(big.t.trustId)).toEqual(before);
    const jobs = (
      await h.app.inject({ method: 'GET', url: '/api/v1/imports', headers: big.admin.headers })
    ).json();
    expect(jobs.jobs[0]).toMatchObject({ status: 'rejected', rowsRead: 100_000 });
  }, 120_000);
});

describe('pupil data round trip', () => {
  it('exports a trust’s pupils and results as CSV and imports them into an empty trust unchanged', async () => {
    const src = await trustWithPupils();
    const dst = await buildTrust(h);
    const dstAdmin = await signIn(h, dst.people.admin.email);
    const get = async (s: Session, url: string) => {
      const r = await h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });
      expect(r.statusCode, r.body).toBe(200);
      return r.body;
    };
    const schools: [string, string][] = [
      [src.t.schoolA, dst.schoolA],
      [src.t.schoolB, dst.schoolB],
    ];
    for (const [from, to] of schools) {
      const csv = await get(src.admin, `/pupils/export.csv?schoolId=${from}`);
      expect(csv.split('\n')[0]).toContain('ks2_reading');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/imports/pupils',
        headers: dstAdmin.headers,
        payload: { schoolId: to, filename: 'pupils.csv', contentBase64: Buffer.from(csv).toString('base64') },
      });
      expect(res.json().status, res.body).toBe('committed');
    }
    const results = await get(src.admin, '/results/export.csv');
    // Secondary pupils have an autumn baseline and a spring mock in each of two subjects.
    expect(results.trim().split('\n').length).toBe(1 + 30 * 2 * 2 + 20 * 2);
    expect((await post(dstAdmin, results)).json().status).toBe('committed');

    for (const [from, to] of schools)
      expect(await get(dstAdmin, `/pupils/export.csv?schoolId=${to}`)).toBe(
        await get(src.admin, `/pupils/export.csv?schoolId=${from}`),
      );
    expect(await get(dstAdmin, '/results/export.csv')).toBe(results);
    const assessments = async (trustId: string) =>
      h.db
        .selectFrom('assessments')
        .where('trust_id', '=', trustId)
        .select([
          'name',
          'subject',
          'year_group',
          'academic_year',
          'collection_point',
          'grade_set',
          'taken_on',
        ])
        .orderBy('name')
        .execute();
    expect(await assessments(dst.trustId)).toEqual(await assessments(src.t.trustId));
  });

  it('shows pupil data only to those who may see the school’s pupils', async () => {
    const f = await trustWithPupils();
    const governor = await signIn(h, f.t.people.governorA.email);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/pupils/export.csv?schoolId=${f.t.schoolA}`,
      headers: governor.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('results file edge cases', () => {
  it('reads semicolon-delimited Windows-1252 files with a byte-order mark and quoted fields', async () => {
    const f = await trustWithPupils();
    const text = `${HEADER.replaceAll(',', ';')}\r\n${f.upnsA[0]};"Year 11 français mock; paper 1 – O’Neill’s set";French;Y11;2025/26;Spring 2;gcse;02/03/2026;6\r\n`;
    // Windows-1252 puts the dash and the curly apostrophe at 0x96 and 0x92, outside Latin-1.
    const bytes = Buffer.from([...text].map((c) => (c === '–' ? 0x96 : c === '’' ? 0x92 : c.charCodeAt(0))));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/results?filename=r.csv',
      headers: { ...f.admin.headers, 'content-type': 'text/csv' },
      payload: bytes,
    });
    expect(res.json()).toMatchObject({ status: 'committed', rowsAccepted: 1 });
    const a = await h.db
      .selectFrom('assessments')
      .where('trust_id', '=', f.t.trustId)
      .where('subject', '=', 'French')
      .select('name')
      .executeTakeFirstOrThrow();
    expect(a.name).toBe('Year 11 français mock; paper 1 – O’Neill’s set');
  });

  it('rejects a file with an unclosed quote', async () => {
    const f = await trustWithPupils();
    const res = (
      await post(f.admin, `${HEADER}\n${f.upnsA[0]},"Mock,Maths,Y11,2025/26,Spring 2,gcse,02/03/2026,6\n`)
    ).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected[0].reason).toMatch(/^Not valid CSV/);
  });
});

describe('results in the trust’s grade sets', () => {
  it('reads a trust-defined set and the built-in codes, and exports them in their own notation', async () => {
    const f = await trustWithPupils(4);
    // An A-level scale: A is a grade here, so only ABS and X mean "no result".
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/grade-sets',
      headers: f.admin.headers,
      payload: {
        key: 'a_level',
        name: 'A level A*-E',
        scale: {
          kind: 'ordered',
          grades: ['U', 'E', 'D', 'C', 'B', 'A', 'A*'].map((code, value) => ({ code, value })),
        },
        nonResults: ['ABS', 'X'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [u0, u1, u2, u3] = f.upnsA as [string, string, string, string];
    const alevel = (upn: string, r: string) =>
      `${upn},Y13 chemistry mock,Chemistry,Year 13,2025/26,Spring 1,a_level,02/02/2026,${r}`;
    const ta = (upn: string, r: string) =>
      `${upn},Y6 writing TA,Writing,Year 6,2025/26,Summer 2,ks_ta,01/06/2026,${r}`;
    const file = [
      HEADER,
      alevel(u0, 'A*'),
      alevel(u1, 'a'),
      alevel(u2, 'ABS'),
      alevel(u3, 'F'),
      ta(u0, 'EXS'),
      ta(u1, 'D'),
    ].join('\n');
    const rejected = (await post(f.admin, file)).json();
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejected).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'result',
        value: 'F',
        reason: expect.stringContaining('A level'),
      }),
    ]);

    const inTheseSets = () =>
      h.db
        .selectFrom('results as r')
        .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
        .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
        .where('r.trust_id', '=', f.t.trustId)
        .where('a.grade_set', 'in', ['a_level', 'ks_ta'])
        .select(['p.upn', 'a.grade_set', 'r.value'])
        .orderBy('a.grade_set')
        .orderBy('p.upn')
        .execute();
    const fixed = file.replace(/,F$/m, ',B');
    const res = (await post(f.admin, fixed)).json();
    expect(res).toMatchObject({ status: 'committed', rowsAccepted: 4, rowsSkipped: 2 });
    const stored = await inTheseSets();
    expect(stored.map((s) => [s.upn, s.grade_set, Number(s.value)])).toEqual([
      [u0, 'a_level', 6],
      [u1, 'a_level', 5],
      [u3, 'a_level', 4],
      [u0, 'ks_ta', 6],
    ]);

    const exported = await h.app.inject({
      method: 'GET',
      url: '/api/v1/results/export.csv',
      headers: f.admin.headers,
    });
    const mine = exported.body.split('\n').filter((l) => /a_level|ks_ta/.test(l));
    expect(mine.map((l) => l.split(',').at(-1)?.trim()).sort()).toEqual(['A', 'A*', 'B', 'EXS']);
    // The export reads back to the same values: nothing changes and nothing is duplicated.
    const again = (await post(f.admin, exported.body)).json();
    expect(again.status, JSON.stringify(again.rejected)).toBe('committed');
    const after = await inTheseSets();
    expect(after).toEqual(stored);
  });
});

describe('results export', () => {
  it('writes every result once, by assessment then UPN, across pages, and only a school’s pupils when asked', async () => {
    const f = await trustWithPupils(28);
    const all = [...f.upnsA].sort();
    const file = [HEADER, ...all.map((u, i) => line(u, String(i % 10), 'Paged mock'))].join('\n');
    const imported = (await post(f.admin, file)).json();
    expect(imported).toMatchObject({ status: 'committed', rowsAccepted: all.length });

    const upnsOf = (csv: string) =>
      csv
        .trim()
        .split('\n')
        .filter((l) => l.includes(',Paged mock,'))
        .map((l) => l.split(',')[0]);
    const exported = async (pageSize: number, schoolId?: string) => {
      const service = createDataExportService(h.db, { pageSize });
      let csv = '';
      for await (const chunk of await service.resultsCsv(systemActor(f.t.trustId), schoolId)) csv += chunk;
      return csv;
    };
    // 28 results: four full pages of 7 and an empty one; pages of 5 end on a part page.
    for (const size of [7, 5, 100]) expect(upnsOf(await exported(size)), `pages of ${size}`).toEqual(all);
    expect(await exported(7)).toBe(await exported(5));
    expect(upnsOf(await exported(5, f.t.schoolA))).toEqual(all);
    expect(upnsOf(await exported(5, f.t.schoolB))).toEqual([]);
    // The route streams the same file.
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/results/export.csv',
      headers: f.admin.headers,
    });
    expect(res.body).toBe(await exported(5));
  });

  it('stores a formula-like assessment name as given and exports it as text a spreadsheet will not run', async () => {
    const f = await trustWithPupils(3);
    const file = [HEADER, ...f.upnsA.map((u, i) => line(u, String(4 + i), '=SUM(A1) mock', '@Science'))];
    expect((await post(f.admin, file.join('\n'))).json()).toMatchObject({
      status: 'committed',
      rowsAccepted: 3,
    });
    const csv = (
      await h.app.inject({ method: 'GET', url: '/api/v1/results/export.csv', headers: f.admin.headers })
    ).body;
    const lines = csv.split('\n').filter((l) => l.includes('SUM(A1)'));
    expect(lines).toEqual(
      [...f.upnsA]
        .sort()
        .map((u) => expect.stringMatching(new RegExp(`^${u},'=SUM\\(A1\\) mock,'@Science,`))),
    );
    const names = await h.db
      .selectFrom('assessments')
      .where('trust_id', '=', f.t.trustId)
      .where('name', 'like', '%SUM%')
      .select(['name', 'subject'])
      .execute();
    expect(names).toEqual([{ name: '=SUM(A1) mock', subject: '@Science' }]);
  });
});
