import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../../test/factories';
import { type Harness, harness } from '../../../test/harness';
import { orgRepository } from '../../org/org.repository';
import { seedSyntheticPupils } from '../seed-pupils';
import { upnCheckLetter } from '../upn';

let h: Harness;
let t: TrustFixture;
let dm: Session;
let upns: string[];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const send = (s: Session, path: string, body: string | Buffer, query: Record<string, string>, type: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/mapped${path}?${new URLSearchParams(query)}`,
    headers: { ...s.headers, 'content-type': type },
    payload: body,
  });
const resultsOf = (assessment: string) =>
  h.db
    .selectFrom('results as r')
    .innerJoin('assessments as a', 'a.id', 'r.assessment_id')
    .innerJoin('pupils as p', 'p.id', 'r.pupil_id')
    .where('a.trust_id', '=', t.trustId)
    .where('a.name', '=', assessment)
    .select(['p.upn', 'r.value', 'a.collection_point', 'a.year_group', 'a.taken_on'])
    .orderBy('p.upn')
    .execute();

/** A SIMS-style marksheet: pupil details, then one column per assessment. */
async function marksheet(rows: (string | number | Date)[][], extraSheet = true): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (extraSheet) wb.addWorksheet('Read me').addRow(['Exported from the MIS']);
  const ws = wb.addWorksheet('Marksheet');
  ws.addRow(['UPN', 'Surname', 'Forename', 'Reg', 'Year', 'Maths Aut2', 'English Aut2']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  const urn = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!.urn;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn, phase: 'secondary', effect: 0, size: 12 },
  ]);
  upns = (
    await h.db.selectFrom('pupils').where('school_id', '=', t.schoolA).select('upn').orderBy('upn').execute()
  ).map((p) => p.upn!);
  dm = await signIn(h, t.people.dataManagerA.email);
});

describe('results in a school’s own layout', () => {
  it('previews a wide marksheet: finds the layout, suggests the columns, and checks the first rows', async () => {
    const file = await marksheet([
      [upns[0]!, 'Ali', 'Sam', '10A', 10, 6, 'U'],
      [`${upnCheckLetter('999888777666')}999888777666`, 'Nobody', 'No', '10A', 10, 4, 5],
    ]);
    const res = await send(
      dm,
      '/preview',
      file,
      { filename: 'marks.xlsx', schoolId: t.schoolA, sheet: 'Marksheet' },
      XLSX,
    );
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ format: 'xlsx', sheet: 'Marksheet', detectedLayout: 'wide' });
    expect(p.sheets).toEqual(['Read me', 'Marksheet']);
    expect(p.mapping.fields.upn).toEqual({ column: 'UPN' });
    expect(p.mapping.fields.year_group).toEqual({ column: 'Year' });
    expect(p.mapping.assessments.map((a: { subject: string }) => a.subject)).toEqual(['Maths', 'English']);
    expect(p.mappingProblems).toEqual([]);
    // Two rows, two results each; the unknown pupil is flagged, the known one is clean.
    expect(p.rows).toHaveLength(4);
    expect(p.rows[0]).toMatchObject({ row: 2, sourceColumn: 'Maths Aut2', problems: [] });
    expect(p.rows[0].values).toMatchObject({ upn: upns[0], year_group: 'Y10', result: '6' });
    expect(p.rows[2].problems[0]).toMatchObject({
      field: 'upn',
      reason: 'No pupil with this UPN in the trust',
    });
  });

  it('imports a marksheet through a saved template, all or nothing, naming the file’s rows and columns', async () => {
    const preview = (
      await send(
        dm,
        '/preview',
        await marksheet([[upns[0]!, 'A', 'B', '10A', 10, 6, 7]]),
        { filename: 'm.xlsx', sheet: 'Marksheet', schoolId: t.schoolA },
        XLSX,
      )
    ).json();
    const mapping = {
      ...preview.mapping,
      fields: {
        ...preview.mapping.fields,
        academic_year: { value: '2025/26' },
        date: { value: '2025-12-05' },
      },
    };
    const saved = await h.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings',
      headers: dm.headers,
      payload: { name: 'SIMS Year 10 marksheet', source: 'SIMS', mapping },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings',
      headers: dm.headers,
      payload: { name: 'SIMS Year 10 marksheet', mapping },
    });
    expect(again.statusCode).toBe(409);

    // Row 4 has a grade GCSE does not have: the whole file is refused and nothing is written.
    const bad = await marksheet([
      [upns[0]!, 'A', 'B', '10A', 10, 6, 7],
      [upns[1]!, 'C', 'D', '10A', 10, 5, ''],
      [upns[2]!, 'E', 'F', '10A', 10, 'Q', 4],
    ]);
    const q = { filename: 'm.xlsx', schoolId: t.schoolA, mappingId: saved.json().id as string };
    const refused = await send(dm, '', bad, q, XLSX);
    expect(refused.statusCode, refused.body).toBe(201);
    expect(refused.json()).toMatchObject({ status: 'rejected', rowsRejected: 1 });
    expect(refused.json().rejected[0]).toMatchObject({ row: 4, column: 'Maths Aut2', value: 'Q' });
    expect(await resultsOf('Maths Aut2')).toEqual([]);

    const good = await marksheet([
      [upns[0]!, 'A', 'B', '10A', 10, 6, 7],
      [upns[1]!, 'C', 'D', '10A', 10, 5, ''],
    ]);
    const done = await send(dm, '', good, q, XLSX);
    expect(done.json()).toMatchObject({ status: 'committed', rowsAccepted: 3, rowsRejected: 0 });
    const maths = await resultsOf('Maths Aut2');
    expect(maths.map((r) => [r.upn, Number(r.value), r.collection_point, r.year_group])).toEqual([
      [upns[0], 6, 'Aut2', 'Y10'],
      [upns[1], 5, 'Aut2', 'Y10'],
    ]);
    // The empty English cell is no result at all; a second run adds nothing.
    expect(await resultsOf('English Aut2')).toHaveLength(1);
    await send(dm, '', good, q, XLSX);
    expect(await resultsOf('Maths Aut2')).toHaveLength(2);
  });

  it('imports a long semicolon CSV with an inline mapping, and refuses a mapping naming a missing column', async () => {
    const csv = [
      'Pupil UPN;Test;Subject;Year;Term;Mark',
      `${upns[3]};Spelling test;English;8;Autumn 1;17`,
      `${upns[4]};Spelling test;English;8;Autumn 1;12`,
    ].join('\n');
    const mapping = {
      layout: 'long',
      fields: {
        upn: { column: 'Pupil UPN' },
        assessment: { column: 'Test' },
        subject: { column: 'Subject' },
        year_group: { column: 'Year' },
        academic_year: { value: '2025/26' },
        collection_point: { column: 'Term' },
        grade_set: { value: 'points' },
        date: { value: '06/10/2025' },
        result: { column: 'Mark' },
      },
    };
    const q = { filename: 'spelling.csv', schoolId: t.schoolA, mapping: JSON.stringify(mapping) };
    const res = await send(dm, '', csv, q, 'text/csv');
    expect(res.json()).toMatchObject({ status: 'committed', rowsAccepted: 2 });
    const stored = await resultsOf('Spelling test');
    expect(stored.map((r) => Number(r.value))).toEqual([17, 12]);
    expect(String(stored[0]!.taken_on)).toMatch(/2025-10-06|Oct 06 2025/);

    const wrong = { ...mapping, fields: { ...mapping.fields, result: { column: 'Score' } } };
    const refused = await send(dm, '', csv, { ...q, mapping: JSON.stringify(wrong) }, 'text/csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/no column "Score"/);
  });

  it('refuses a truncated workbook, an empty file and a 2 GB declared length without writing anything', async () => {
    const before = (
      await h.db.selectFrom('import_jobs').where('trust_id', '=', t.trustId).select('id').execute()
    ).length;
    const whole = await marksheet([[upns[0]!, 'A', 'B', '10A', 10, 6, 7]]);
    const cut = await send(
      dm,
      '',
      whole.subarray(0, Math.floor(whole.length * 0.6)),
      { filename: 'm.xlsx', schoolId: t.schoolA },
      XLSX,
    );
    expect(cut.statusCode).toBe(422);
    expect(cut.json().error.code).toBe('bad_xlsx');
    const empty = await send(dm, '', '', { filename: 'm.csv', schoolId: t.schoolA }, 'text/csv');
    expect(empty.statusCode).toBe(422);
    for (const url of [
      `/api/v1/imports/mapped?filename=big.csv&schoolId=${t.schoolA}`,
      `/api/v1/imports/results?filename=big.csv&schoolId=${t.schoolA}`,
    ]) {
      const big = await h.app.inject({
        method: 'POST',
        url,
        headers: { ...dm.headers, 'content-type': 'text/csv', 'content-length': String(2 * 1024 ** 3) },
        payload: 'upn\n',
      });
      expect(big.statusCode, url).toBe(413);
      expect(big.json().error.code).toBe('file_too_large');
    }
    const after = (
      await h.db.selectFrom('import_jobs').where('trust_id', '=', t.trustId).select('id').execute()
    ).length;
    expect(after).toBe(before);
  });

  it('keeps templates to the trust and to people who import data', async () => {
    const other = await buildTrust(h);
    const outsider = await signIn(h, other.people.admin.email);
    const mine = (
      await h.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: dm.headers })
    ).json();
    expect(mine.templates.length).toBeGreaterThan(0);
    const theirs = (
      await h.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: outsider.headers })
    ).json();
    expect(theirs.templates).toEqual([]);
    const teacher = await signIn(h, t.people.teacherA.email);
    const refused = await h.app.inject({
      method: 'GET',
      url: '/api/v1/import-mappings',
      headers: teacher.headers,
    });
    expect(refused.statusCode).toBe(403);
    const id = mine.templates[0].id;
    const stale = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/import-mappings/${id}`,
      headers: dm.headers,
      payload: { version: 99, name: 'Renamed' },
    });
    expect(stale.statusCode).toBe(409);
  });
});
