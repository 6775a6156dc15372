import { beforeAll, describe, expect, it } from 'vitest';
import { orgRepository } from '../../modules/org/org.repository';
import { departmentTool, openRound, smallSchoolTool } from '../../test/evaluation-fixtures';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';

let h: Harness;
let t: TrustFixture;
let admin: Session;
let head: Session;
let liaison: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  [admin, head, liaison] = await Promise.all([
    signIn(h, t.people.admin.email),
    signIn(h, t.people.headA.email),
    signIn(h, t.people.lead.email),
  ]);
});

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

type Resp = {
  id: string;
  statementId: string;
  version: number;
  selfValue: number | null;
  agreedValue: number | null;
  carriedForward: boolean;
  leftLastTime: boolean;
  change: string | null;
};
const subjectOf = async (s: Session, subjectId: string) =>
  (await call(s, 'GET', `/evaluations/${subjectId}`)).json() as {
    subject: { version: number; status: string; progress: Record<string, number> };
    aspects: { statements: { id: string; code: string }[] }[];
    responses: Resp[];
  };
const byCode = (d: Awaited<ReturnType<typeof subjectOf>>, code: string) => {
  const st = d.aspects.flatMap((a) => a.statements).find((s) => s.code === code)!;
  return d.responses.find((r) => r.statementId === st.id)!;
};

describe('an evaluation round from start to the next round', () => {
  it('is filled in, submitted, agreed with a disagreement, closed, and carried forward', async () => {
    // A third school, so the round covers three.
    const { id: schoolC } = await orgRepository.insertSchool(h.db, {
      trust_id: t.trustId,
      urn: '123999',
      name: 'Gamma Primary',
      phase: 'primary',
      local_authority: 'Leeds',
      joined_trust_on: null,
    });
    const tool = (await call(admin, 'POST', '/tools', smallSchoolTool('journey'))).json();
    expect(tool.statementCount).toBe(3);
    const created = await call(admin, 'POST', '/rounds', {
      name: 'Autumn 2026',
      cycle: 'termly',
      opensOn: '2026-09-01',
      closesOn: '2026-12-18',
      toolVersionIds: [tool.versionId],
      schools: [t.schoolA, t.schoolB, schoolC].map((schoolId) => ({
        schoolId,
        liaisonPersonId: t.people.lead.id,
      })),
    });
    expect(created.statusCode).toBe(201);
    const round = created.json();
    expect(round.subjects).toHaveLength(3);
    const subjectA = round.subjects.find((s: { schoolId: string }) => s.schoolId === t.schoolA).id;

    // The school judges two statements and leaves one until next time.
    let d = await subjectOf(head, subjectA);
    const sources = (await call(head, 'GET', '/evidence-sources')).json().sources;
    for (const [code, body] of [
      [
        'R.1.1',
        {
          selfValue: 3,
          selfReason: 'Seen in every lesson visit this term.',
          evidence: sources[0] ? [{ sourceId: sources[0].id, note: '12 visits' }] : [],
        },
      ],
      ['R.1.2', { selfValue: 2, selfReason: 'Catch-up happens, but not always the same day.' }],
      ['R.2.1', { notJudged: true, notJudgedNote: 'Pupil voice in spring will tell us.' }],
    ] as const) {
      const r = byCode(d, code);
      const res = await call(head, 'PATCH', `/responses/${r.id}`, { version: r.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    }
    d = await subjectOf(head, subjectA);
    expect(d.subject.progress).toEqual({ statements: 3, judged: 2, leftForNextTime: 1, agreed: 0 });

    // The liaison cannot agree before submission; the school submits.
    const early = await call(liaison, 'PATCH', `/responses/${byCode(d, 'R.1.1').id}/agreement`, {
      version: byCode(d, 'R.1.1').version,
      agreedValue: 3,
    });
    expect(early.statusCode).toBe(409);
    expect(
      (await call(head, 'POST', `/evaluations/${subjectA}/submit`, { version: d.subject.version }))
        .statusCode,
    ).toBe(200);

    // Agree one as judged; disagree with the other, which needs a rationale.
    d = await subjectOf(liaison, subjectA);
    const same = byCode(d, 'R.1.1');
    expect(
      (
        await call(liaison, 'PATCH', `/responses/${same.id}/agreement`, {
          version: same.version,
          agreedValue: 3,
        })
      ).statusCode,
    ).toBe(200);
    const differ = byCode(d, 'R.1.2');
    const noReason = await call(liaison, 'PATCH', `/responses/${differ.id}/agreement`, {
      version: differ.version,
      agreedValue: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual({ field: 'agreedRationale' });
    const withReason = await call(liaison, 'PATCH', `/responses/${differ.id}/agreement`, {
      version: differ.version,
      agreedValue: 1,
      agreedRationale: 'Books show catch-up is rare in Year 2.',
    });
    expect(withReason.statusCode).toBe(200);
    // The disagreement stays visible: both values are kept.
    expect(withReason.json()).toMatchObject({ selfValue: 2, agreedValue: 1 });

    d = await subjectOf(liaison, subjectA);
    const agreed = await call(liaison, 'POST', `/evaluations/${subjectA}/agree`, {
      version: d.subject.version,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    // Locked: the school can no longer change it.
    const locked = await call(head, 'PATCH', `/responses/${same.id}`, {
      version: same.version + 1,
      selfValue: 4,
    });
    expect(locked.statusCode).toBe(409);

    const roundNow = (await call(admin, 'GET', `/rounds/${round.id}`)).json();
    expect(
      (await call(admin, 'POST', `/rounds/${round.id}/close`, { version: roundNow.version })).json().status,
    ).toBe('closed');

    // Next round: agreed judgements arrive carried forward, the left statement is flagged.
    const next = await call(admin, 'POST', `/rounds/${round.id}/next`, {
      name: 'Spring 2027',
      opensOn: '2027-01-05',
      closesOn: '2027-03-27',
    });
    expect(next.statusCode, next.body).toBe(201);
    const nextA = next.json().subjects.find((s: { schoolId: string }) => s.schoolId === t.schoolA).id;
    d = await subjectOf(head, nextA);
    expect(byCode(d, 'R.1.1')).toMatchObject({ selfValue: 3, carriedForward: true });
    expect(byCode(d, 'R.1.2')).toMatchObject({ selfValue: 1, carriedForward: true });
    expect(byCode(d, 'R.2.1')).toMatchObject({ selfValue: null, leftLastTime: true });

    // Improve one statement and agree it: the change since last round is "up".
    const improve = byCode(d, 'R.1.2');
    await call(head, 'PATCH', `/responses/${improve.id}`, {
      version: improve.version,
      selfValue: 3,
      selfReason: 'Same-day catch-up is now routine.',
    });
    await call(head, 'POST', `/evaluations/${nextA}/submit`, { version: d.subject.version });
    d = await subjectOf(liaison, nextA);
    const agreedUp = await call(liaison, 'PATCH', `/responses/${byCode(d, 'R.1.2').id}/agreement`, {
      version: byCode(d, 'R.1.2').version,
      agreedValue: 3,
    });
    expect(agreedUp.json()).toMatchObject({ carriedForward: false, change: 'up' });

    const summary = (
      await call(head, 'GET', `/rounds/${next.json().id}/summary?schoolId=${t.schoolA}`)
    ).json();
    expect(summary.tools[0].aspects[0].up).toBe(1);
  });
});

describe('concurrent edits', () => {
  it('lets exactly one of two simultaneous edits win and loses nothing', async () => {
    const t2 = await buildTrust(h);
    const { round } = await openRound(h, t2);
    const s = await signIn(h, t2.people.headA.email);
    const subjectId = round.subjects.find((x) => x.schoolId === t2.schoolA)!.id;
    const r = (await subjectOf(s, subjectId)).responses[0]!;
    const [a, b] = await Promise.all([
      call(s, 'PATCH', `/responses/${r.id}`, { version: r.version, selfValue: 2, selfReason: 'first' }),
      call(s, 'PATCH', `/responses/${r.id}`, { version: r.version, selfValue: 4, selfReason: 'second' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const now = (await subjectOf(s, subjectId)).responses.find((x) => x.id === r.id)!;
    expect(now.selfValue).toBe(winner.selfValue);
    expect(now.version).toBe(r.version + 1);
  });
});

describe('left until next time', () => {
  it('never counts as a judgement in the summary or the heatmap', async () => {
    const t3 = await buildTrust(h);
    const { round } = await openRound(h, t3);
    const [hd, ld] = await Promise.all([signIn(h, t3.people.headA.email), signIn(h, t3.people.lead.email)]);
    const subjectId = round.subjects.find((x) => x.schoolId === t3.schoolA)!.id;
    let d = await subjectOf(hd, subjectId);
    await call(hd, 'PATCH', `/responses/${byCode(d, 'R.1.1').id}`, {
      version: byCode(d, 'R.1.1').version,
      selfValue: 1,
    });
    await call(hd, 'PATCH', `/responses/${byCode(d, 'R.1.2').id}`, {
      version: byCode(d, 'R.1.2').version,
      notJudged: true,
    });
    await call(hd, 'PATCH', `/responses/${byCode(d, 'R.2.1').id}`, {
      version: byCode(d, 'R.2.1').version,
      selfValue: 4,
    });
    d = await subjectOf(hd, subjectId);
    await call(hd, 'POST', `/evaluations/${subjectId}/submit`, { version: d.subject.version });
    d = await subjectOf(ld, subjectId);
    await call(ld, 'PATCH', `/responses/${byCode(d, 'R.1.1').id}/agreement`, {
      version: byCode(d, 'R.1.1').version,
      agreedValue: 1,
    });
    await call(ld, 'PATCH', `/responses/${byCode(d, 'R.2.1').id}/agreement`, {
      version: byCode(d, 'R.2.1').version,
      agreedValue: 4,
    });
    // Agreeing a statement that was left is refused.
    const left = await call(ld, 'PATCH', `/responses/${byCode(d, 'R.1.2').id}/agreement`, {
      version: byCode(d, 'R.1.2').version,
      agreedValue: 2,
    });
    expect(left.statusCode).toBe(400);
    d = await subjectOf(ld, subjectId);
    expect(
      (await call(ld, 'POST', `/evaluations/${subjectId}/agree`, { version: d.subject.version })).statusCode,
    ).toBe(200);

    const summary = (await call(hd, 'GET', `/rounds/${round.id}/summary?schoolId=${t3.schoolA}`)).json();
    const phonics = summary.tools[0].aspects[0];
    expect(phonics.distribution).toEqual({ '1': 1 });
    expect(phonics.leftForNextTime.map((l: { code: string }) => l.code)).toEqual(['R.1.2']);

    const admin3 = await signIn(h, t3.people.admin.email);
    const heat = (await call(admin3, 'GET', `/rounds/${round.id}/heatmap`)).json();
    const row = heat.rows.findIndex((r: { schoolId: string }) => r.schoolId === t3.schoolA);
    const col = heat.columns.findIndex((c: { code: string }) => c.code === 'R.1.2');
    expect(heat.cells[row][col]).toBe('left');
    const filtered = (await call(admin3, 'GET', `/rounds/${round.id}/heatmap?area=early_years`)).json();
    expect(filtered.rows).toEqual([]);
    expect(
      (await call(admin3, 'GET', `/rounds/${round.id}/heatmap?area=curriculum`)).json().rows,
    ).toHaveLength(2);
    const weak = heat.commonWeaknesses.map((w: { code: string }) => w.code);
    expect(weak).toEqual(['R.1.1']);
    expect(heat.commonWeaknesses[0]).toMatchObject({ judged: 1, belowSecure: 1 });
  });
});

describe('who sees and does what', () => {
  it('shows governors agreed judgements only, never drafts', async () => {
    const t4 = await buildTrust(h);
    const { round } = await openRound(h, t4);
    const gov = await signIn(h, t4.people.governorA.email);
    const subjectId = round.subjects.find((x) => x.schoolId === t4.schoolA)!.id;
    expect((await call(gov, 'GET', `/evaluations/${subjectId}`)).statusCode).toBe(403);
    const r = (await subjectOf(await signIn(h, t4.people.headA.email), subjectId)).responses[0]!;
    expect(
      (await call(gov, 'PATCH', `/responses/${r.id}`, { version: r.version, selfValue: 1 })).statusCode,
    ).toBe(403);
  });

  it('lets a middle leader judge their own department only', async () => {
    const t5 = await buildTrust(h);
    const { round } = await openRound(h, t5, departmentTool());
    const ml = await signIn(h, t5.people.englishLeadA.email);
    const english = round.subjects.find((s) => s.departmentId === t5.englishA)!.id;
    const maths = round.subjects.find((s) => s.departmentId === t5.mathsA)!.id;
    const mine = (await subjectOf(ml, english)).responses[0]!;
    expect(
      (await call(ml, 'PATCH', `/responses/${mine.id}`, { version: mine.version, selfValue: 3 })).statusCode,
    ).toBe(200);
    const admin5 = await signIn(h, t5.people.admin.email);
    const theirs = (await subjectOf(admin5, maths)).responses[0]!;
    expect(
      (await call(ml, 'PATCH', `/responses/${theirs.id}`, { version: theirs.version, selfValue: 3 }))
        .statusCode,
    ).toBe(403);
  });

  it('exports the round as CSV and XLSX', async () => {
    const t6 = await buildTrust(h);
    const { round } = await openRound(h, t6);
    const a6 = await signIn(h, t6.people.admin.email);
    const csv = await call(a6, 'GET', `/rounds/${round.id}/export?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toContain('Self-judgement');
    expect(csv.body.trim().split('\n')).toHaveLength(1 + 6);
    const xlsx = await call(a6, 'GET', `/rounds/${round.id}/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
