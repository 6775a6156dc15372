import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrust, type Session, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { parseBehaviourCsv } from '../data/behaviour-file';
import { seedSyntheticPupils } from '../data/seed-pupils';
import { orgRepository } from '../org/org.repository';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
const send = (s: Session, payload: object) =>
  h.app.inject({ method: 'POST', url: '/api/v1/imports/behaviour', headers: s.headers, payload });
const HEADER = 'upn,date,category,points,note';

async function trustWithPupils() {
  const t = await buildTrust(h);
  const school = (await orgRepository.findSchool(h.db, t.trustId, t.schoolA))!;
  await seedSyntheticPupils(h.db, t.trustId, [
    { id: t.schoolA, urn: school.urn, phase: 'secondary', effect: 0, size: 12 },
  ]);
  const pupils = await h.db
    .selectFrom('pupils')
    .where('trust_id', '=', t.trustId)
    .select(['id', 'upn', 'given_name', 'family_name'])
    .orderBy('upn')
    .execute();
  return { t, pupils, admin: await signIn(h, t.people.admin.email) };
}
const stored = (trustId: string) =>
  h.db
    .selectFrom('behaviour_points')
    .where('trust_id', '=', trustId)
    .select(['pupil_id', 'recorded_on', 'category', 'points', 'note'])
    .orderBy('pupil_id')
    .orderBy('category')
    .execute();

describe('behaviour file', () => {
  it('reads categories as keys, both date styles, and names each bad value', () => {
    const upn = 'N380212319001';
    const r = parseBehaviourCsv(
      Buffer.from(
        [
          HEADER,
          `${upn},02/03/2026,Positive,3,`,
          `${upn},2026-03-02,ATL 3,1,Settled quickly`,
          `${upn},02/03/2026,positive,2,`,
          `A380212319001,31/02/2026,??,lots,`,
        ].join('\n'),
      ),
    );
    expect(r.rows.map((x) => [x.date, x.category, x.points, x.note])).toEqual([
      ['2026-03-02', 'positive', 3, null],
      ['2026-03-02', 'atl_3', 1, 'Settled quickly'],
    ]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([
      [4, 'upn'],
      [5, 'upn'],
      [5, 'date'],
      [5, 'category'],
      [5, 'points'],
    ]);
    expect(r.rejected[0]!.reason).toBe('Duplicate of row 2 (same pupil, day and category)');
  });
});

describe('behaviour imports', () => {
  it('imports points, replaces them on re-import, and deleting the import removes exactly its rows', async () => {
    const f = await trustWithPupils();
    const [a, b] = f.pupils;
    const file = (points: number) =>
      [
        HEADER,
        `${a!.upn},02/03/2026,positive,${points},`,
        `${b!.upn},02/03/2026,negative,-1,Late to two lessons`,
      ].join('\n');
    const first = (await send(f.admin, { filename: 'behaviour.csv', contentBase64: b64(file(3)) })).json();
    expect(first).toMatchObject({ kind: 'behaviour', status: 'committed', rowsAccepted: 2 });
    const again = (await send(f.admin, { filename: 'behaviour.csv', contentBase64: b64(file(5)) })).json();
    expect(again.status).toBe('committed');
    const rows = await stored(f.t.trustId);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.pupil_id === a!.id)).toMatchObject({ category: 'positive', points: 5 });

    const extra = (
      await send(f.admin, {
        filename: 'week2.csv',
        contentBase64: b64([HEADER, `${a!.upn},09/03/2026,positive,1,`].join('\n')),
      })
    ).json();
    expect(await stored(f.t.trustId)).toHaveLength(3);
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/imports/${extra.id}`,
      headers: f.admin.headers,
    });
    expect(del.json()).toEqual({ deletedRows: 1 });
    expect(await stored(f.t.trustId)).toHaveLength(2);
  });

  it('holds back a note that names another pupil and a formula, writing nothing', async () => {
    const f = await trustWithPupils();
    const [a, b] = f.pupils;
    const before = await stored(f.t.trustId);
    const res = (
      await send(f.admin, {
        filename: 'behaviour.csv',
        contentBase64: b64(
          [
            HEADER,
            `${a!.upn},02/03/2026,negative,-2,Argued with ${b!.given_name} ${b!.family_name} at break`,
            `${b!.upn},02/03/2026,positive,1,`,
          ].join('\n'),
        ),
      })
    ).json();
    expect(res.status).toBe('rejected');
    expect(res.rejected).toEqual([
      expect.objectContaining({ row: 2, column: 'note', reason: expect.stringMatching(/another pupil/) }),
    ]);
    expect(await stored(f.t.trustId)).toEqual(before);

    // A note a spreadsheet would run is stored as the text it is, never evaluated.
    const formula = (
      await send(f.admin, {
        filename: 'behaviour.csv',
        contentBase64: b64([HEADER, `${a!.upn},02/03/2026,positive,1,"=HYPERLINK(""x"")"`].join('\n')),
      })
    ).json();
    expect(formula.status, JSON.stringify(formula.rejected)).toBe('committed');
    expect((await stored(f.t.trustId)).find((r) => r.pupil_id === a!.id)?.note).toBe('=HYPERLINK("x")');
  });

  it('refuses a governor, and a school’s pupils imported by another school', async () => {
    const f = await trustWithPupils();
    const governor = await signIn(h, f.t.people.governorA.email);
    const file = b64([HEADER, `${f.pupils[0]!.upn},02/03/2026,positive,1,`].join('\n'));
    expect((await send(governor, { filename: 'b.csv', contentBase64: file })).statusCode).toBe(403);
    const res = (
      await send(f.admin, { schoolId: f.t.schoolB, filename: 'b.csv', contentBase64: file })
    ).json();
    expect(res.status).toBe('rejected');
  });
});
