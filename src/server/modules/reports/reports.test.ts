import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../../shared/contracts/reports';
import { holdDemoTrust } from '../../test/demo-lock';
import { type Session, signIn } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { GEOGRAPHY_COLUMNS } from './open-data';

/** The demo trust's board report, dashboard and open-data export, read through the real HTTP stack. */
let h: Harness;
let admin: Session;
let governor: Session;
let threshold: number;

const get = (s: Session, url: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });
const tables = (r: Report) =>
  r.sections.flatMap((s) => s.figures).filter((f): f is ReportTable => f.kind === 'table');
const gapTables = (r: Report) => tables(r).filter((t) => t.source.endpoint === 'GET /api/v1/analysis/gaps');

let release: () => Promise<void>;
beforeAll(async () => {
  h = await harness();
  release = await holdDemoTrust();
  const demo = await h.services.demo.reset();
  admin = await signIn(h, demo.email, demo.password);
  governor = await signIn(h, 'olivia.stanton@northfield.example', demo.password);
  threshold = (await get(admin, '/reports/board')).json().suppressionThreshold;
}, 600_000);
afterAll(() => release());

/**
 * Every count shown is hidden ('c') or at least the threshold; a row hides both groups together,
 * and with a total row shown, never exactly one school is hidden (it could be found by subtraction).
 */
function expectSuppressed(t: ReportTable) {
  for (const row of t.rows) {
    const counts = t.countColumns.map((c) => row[c]);
    for (const n of counts)
      expect(n === 'c' || (typeof n === 'number' && n >= threshold), `${t.title}: ${n}`).toBe(true);
    expect(new Set(counts.map((n) => n === 'c')).size, `${t.title}: ${row[0]} hides one group only`).toBe(1);
    if (counts[0] === 'c') expect(row.slice(1).filter((v) => typeof v === 'number')).toEqual([]);
  }
  if (t.totalRows.length) {
    const hiddenSchools = t.rows.filter((r, i) => !t.totalRows.includes(i) && r[t.countColumns[0]!] === 'c');
    expect(hiddenSchools.length, `${t.title}: one school hidden beside a total`).not.toBe(1);
  }
}

describe('board report', () => {
  it('respects suppression in every table, for a trust administrator as for governors', async () => {
    const res = await get(admin, '/reports/board');
    expect(res.statusCode, res.body).toBe(200);
    const report: Report = res.json();
    expect(report.audience).toBe('board');
    const gaps = gapTables(report);
    // The latest data drop of each Year 6 subject (reading, maths) and Year 11 subject (English,
    // maths, science): a board reads where things stand, not every drop.
    expect(gaps.length).toBe(5);
    for (const t of gaps) expectSuppressed(t);
    // Staff who may see pupils read the same assessments unsuppressed: every school with a group
    // below the threshold there must be hidden in the board report.
    let small = 0;
    for (const t of gaps) {
      const staff = (await get(admin, `/analysis/gaps?assessmentId=${t.source.params.assessmentId}`)).json();
      expect(staff.pupilLevel).toBe(true);
      for (const scope of staff.scopes as { label: string; groups: { n: number }[] }[]) {
        if (!scope.groups.some((g) => g.n < threshold)) continue;
        small++;
        expect(t.rows.find((r) => r[0] === scope.label)?.slice(1, 5)).toEqual(['c', 'c', 'c', 'c']);
      }
    }
    expect(small).toBeGreaterThan(0);
    const ks2 = gaps.filter((t) => t.title.startsWith('Year 6'));
    // Every figure names the query that made it, and that query reproduces it.
    for (const f of report.sections.flatMap((s) => s.figures))
      expect(f.source.endpoint).toMatch(/^GET \/api\/v1\//);
    const again = (
      await get(admin, `/analysis/gaps?${new URLSearchParams(ks2[0]!.source.params).toString()}`)
    ).json();
    expect(again.scopes.map((s: { groups: { n: number | null }[] }) => s.groups[0]!.n ?? 'c')).toEqual(
      ks2[0]!.rows.map((r) => r[1]),
    );
  });

  it('shows a governor only their own school, suppressed, with published outcomes and caveats', async () => {
    const report: Report = (await get(governor, '/reports/board')).json();
    for (const t of gapTables(report)) {
      expectSuppressed(t);
      expect(t.rows.map((r) => r[0])).toEqual(['Holmebridge Academy']);
    }
    const published = tables(report).find((t) => t.id === 'published-ks4');
    expect(published?.rows[0]?.slice(0, 5)).toEqual([
      'Holmebridge Academy',
      '01/09/2016',
      '2018/19',
      '225',
      '43.1',
    ]);
    expect(report.caveats.join(' ')).toMatch(/Published performance tables cover 1 of 1 schools/);
  });

  it('downloads as Word and as a printable page with SVG charts and every source', async () => {
    const docx = await get(admin, '/reports/board/file?format=docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const html = await get(admin, '/reports/board/file?format=html');
    expect(html.body).toContain('<svg');
    expect(html.body).toContain('Source: <code>GET /api/v1/analysis/gaps?assessmentId=');
    expect(html.body).not.toContain('<script');
  });

  it('answers 503 with a plain reason when the server has no Chromium to print the PDF', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await get(admin, '/reports/board/file?format=pdf');
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/need Chromium at \/nonexistent\/chromium.*Word version/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});

describe('trust board dashboard', () => {
  it('assembles every tile in one call, with trajectories and headline gaps', async () => {
    const res = await get(admin, '/trust/board');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.trustName).toBe('Northfield Learning Trust');
    expect(d.trajectories).toHaveLength(6);
    const hol = d.trajectories.find((t: { schoolName: string }) => t.schoolName === 'Holmebridge Academy');
    expect(hol.basis).toBe('published');
    expect(hol.points).toEqual([{ label: '2018/19', value: 43.1 }]);
    expect(d.gaps).toHaveLength(5);
    expect(d.heatmap.roundName).toBe('Summer 2026');
    expect(d.heatmap.schools.length).toBe(6);
  });
});

describe('open-data export', () => {
  it('follows the tidy-data structural rules, with its meta file', async () => {
    const dataRes = await get(admin, '/reports/open-data?file=data');
    const metaRes = await get(admin, '/reports/open-data?file=meta');
    expect(dataRes.statusCode).toBe(200);
    const rows: Record<string, string>[] = parse(dataRes.body, { columns: true });
    const header = (parse(dataRes.body, { to_line: 1 }) as string[][])[0] ?? [];
    const meta: Record<string, string>[] = parse(metaRes.body, { columns: true });
    const metaHeader = (parse(metaRes.body, { to_line: 1 }) as string[][])[0] ?? [];

    expect(metaHeader).toEqual([
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ]);
    for (const c of ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name'])
      expect(header).toContain(c);
    // School level needs the school columns.
    expect(rows.every((r) => r.geographic_level === 'School')).toBe(true);
    for (const c of ['school_urn', 'school_laestab', 'school_name']) expect(header).toContain(c);
    // Every other column is described in the meta file as a Filter or an Indicator, and nothing else is.
    const described = header.filter((c) => !(GEOGRAPHY_COLUMNS as readonly string[]).includes(c));
    expect(meta.map((m) => m.col_name).sort()).toEqual([...described].sort());
    for (const m of meta) {
      expect(['Filter', 'Indicator']).toContain(m.col_type);
      expect(m.label).not.toBe('');
      if (m.col_type === 'Indicator') {
        expect(['', '%', 'pp', '£', '£m', 'numberstring']).toContain(m.indicator_unit);
        expect(m.indicator_dp).toMatch(/^\d+$/);
      }
    }
    // No blank cells: time, geography, filters and indicators are all filled; indicators are numbers or symbols.
    const indicators = meta.filter((m) => m.col_type === 'Indicator').map((m) => m.col_name ?? '');
    for (const r of rows) {
      for (const c of header) expect(r[c], `${c} blank`).not.toBe('');
      expect(r.time_period).toMatch(/^\d{4}(\d{2})?$/);
      for (const c of indicators) expect(r[c]).toMatch(/^(-?\d+(\.\d+)?|c|x|z)$/);
    }
    // Published KS4 rows and the trust's own figures are both there; small groups are 'c', never a count below the threshold.
    expect(rows.some((r) => r.school_urn === '990105' && r.attainment8_average === '43.1')).toBe(true);
    const own = rows.filter((r) => r.data_source === 'Trust assessment');
    expect(own.some((r) => r.pupil_count === 'c')).toBe(true);
    for (const r of own)
      if (r.pupil_count !== 'c') expect(Number(r.pupil_count)).toBeGreaterThanOrEqual(threshold);
  });
});

describe('self-evaluation and plan reports', () => {
  it('summarises a school by tool and aspect with change since the last round', async () => {
    const rounds = (await get(admin, '/rounds')).json().rounds;
    const autumn = rounds.find((r: { name: string }) => r.name === 'Autumn 2026');
    const schools = (await get(admin, '/schools')).json().schools;
    const ash = schools.find((s: { name: string }) => s.name.startsWith('Ashby'));
    const res = await get(admin, `/reports/self-evaluation?roundId=${autumn.id}&schoolId=${ash.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const r: Report = res.json();
    expect(r.title).toBe('Self-evaluation summary: Ashby Lane Primary School');
    const t = tables(r)[0]!;
    expect(t.columns.slice(-3)).toEqual(['Improved', 'Same', 'Declined']);
    const changed = t.rows.reduce(
      (n, row) => n + Number(row.at(-3)) + Number(row.at(-2)) + Number(row.at(-1)),
      0,
    );
    expect(changed).toBeGreaterThan(0);
    const word = await get(
      admin,
      `/reports/self-evaluation/file?roundId=${autumn.id}&schoolId=${ash.id}&format=docx`,
    );
    expect(word.statusCode).toBe(200);
  });

  it('reports a plan: priorities, outcomes baseline to target, checks and what was stopped', async () => {
    const schools = (await get(admin, '/schools')).json().schools;
    const hol = schools.find((s: { name: string }) => s.name === 'Holmebridge Academy');
    const post = (url: string, payload: object) =>
      h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: admin.headers, payload });
    const plan = (
      await post('/plans', {
        title: 'Holmebridge plan 2026/27',
        schoolId: hol.id,
        periodStart: '2026-09-01',
        periodEnd: '2027-07-31',
      })
    ).json();
    const pr = (await post(`/plans/${plan.id}/priorities`, { title: 'Reading in Key Stage 3' })).json();
    await post(`/priorities/${pr.id}/outcomes`, {
      description: 'Year 7 reading age',
      measure: 'Reading age gap in months',
      baselineValue: '14',
      baselineOn: '2026-09-15',
      targetValue: '6',
      targetOn: '2027-07-15',
      direction: 'down',
    });
    const res = await get(admin, `/reports/plan?planId=${plan.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const r: Report = res.json();
    const outcomes = tables(r).find((t) => t.id === 'outcomes-0')!;
    expect(outcomes.rows[0]?.slice(2, 5)).toEqual(['14 (15/09/2026)', 'not yet measured', '6 by 15/07/2027']);
    expect(r.sections.map((s) => s.heading)).toContain('De-implemented initiatives');
    expect((await get(governor, `/reports/plan?planId=${plan.id}`)).statusCode).toBe(200);
  });
});

describe('plan progress on the board', () => {
  it('counts plans by phase, lists overdue checks and what was stopped, on the dashboard and in the report', async () => {
    h.clock.set('2026-11-25');
    const sys = (await h.services.demo.findDemoTrust())!;
    const actor = (await import('../../platform/auth/actor')).systemActor(sys.id);
    const schools = (await get(admin, '/schools')).json().schools;
    const riv = schools.find((s: { name: string }) => s.name.startsWith('Riverside'));
    const plan = await h.services.planning.createPlan(actor, {
      title: 'Riverside plan 2026/27',
      schoolId: riv.id,
      periodStart: '2026-09-01',
      periodEnd: '2027-07-31',
      reviewEveryWeeks: 6,
    });
    const add = (title: string) =>
      h.services.planning.addPriority(actor, plan.id, { title, rationale: '', statementIds: [], tags: [] });
    const keep = await add('Attendance in Year 9');
    await h.services.planning.planCheck(actor, keep.id, {
      dueOn: '2026-10-01',
      method: 'survey',
      outcomeIds: [],
    });
    const stop = await add('Weekly homework club');
    const checked = await h.services.planning.planCheck(actor, stop.id, {
      dueOn: '2026-11-01',
      method: 'survey',
      outcomeIds: [],
    });
    const check = checked.checks[0]!;
    await h.services.planning.recordCheck(actor, check.id, {
      version: check.version,
      recordedOn: '2026-11-02',
      findings: 'Few pupils came and homework completion did not change.',
      values: [],
      rag: 'red',
      response: 'stop',
      responseDetail: 'No effect on homework completion',
    });

    const d = (await get(admin, '/trust/board')).json();
    // The plan-report test above made a Holmebridge plan with one priority in Explore too.
    expect(d.plans).toBe(2);
    expect(d.plansByPhase).toEqual({ explore: 2 });
    expect(d.overdueChecks).toContainEqual({
      planId: plan.id,
      planTitle: 'Riverside plan 2026/27',
      schoolName: riv.name,
      overdue: 1,
    });
    expect(d.deimplemented.map((x: { title: string }) => x.title)).toEqual(['Weekly homework club']);

    const report: Report = (await get(admin, '/reports/board')).json();
    const plans = tables(report).find((t) => t.id === 'plans')!;
    expect(plans.rows).toContainEqual(['Riverside plan 2026/27', riv.name, 1, 0, 0, 0, 1, 1]);
    expect(tables(report).find((t) => t.id === 'deimplemented')?.rows[0]?.[3]).toBe(
      'No effect on homework completion',
    );
    h.clock.set(null);
  });
});
