import { beforeAll, describe, expect, it } from 'vitest';
import { smallSchoolTool } from '../../test/evaluation-fixtures';
import { buildTrust, type Session, signIn, type TrustFixture } from '../../test/factories';
import { type Harness, harness } from '../../test/harness';
import { loadStarterLibrary } from './starter-library';
import { parseToolCsv, toolToCsv } from './tool-files';

let h: Harness;
let t: TrustFixture;
let admin: Session;
beforeAll(async () => {
  h = await harness();
  t = await buildTrust(h);
  admin = await signIn(h, t.people.admin.email);
});

const call = (method: 'GET' | 'POST', url: string, payload?: object, s: Session = admin) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const versionCount = async () =>
  (await h.db.selectFrom('tool_versions').where('trust_id', '=', t.trustId).select('id').execute()).length;

describe('starter library', () => {
  it('ships at least five tools and 60 statements, including a department tool and a CST trust tool', async () => {
    const lib = await loadStarterLibrary();
    const statements = lib.tools.flatMap((x) => x.aspects.flatMap((a) => a.statements));
    expect(lib.tools.length).toBeGreaterThanOrEqual(5);
    expect(statements.length).toBeGreaterThanOrEqual(60);
    expect(lib.tools.some((x) => x.completedBy === 'department' && x.area === 'curriculum')).toBe(true);
    const cst = lib.tools.find((x) => x.completedBy === 'trust');
    const cstCodes = new Set(
      cst?.aspects
        .flatMap((a) => a.statements.flatMap((s) => s.tags ?? []))
        .filter((c) => c.startsWith('cst.')),
    );
    expect(cstCodes.size).toBe(12);
    const known = new Set(lib.components.map((c) => c.code));
    expect(statements.flatMap((s) => s.tags ?? []).filter((tag) => !known.has(tag))).toEqual([]);
  });

  it('installs into a trust once', async () => {
    const first = await call('POST', '/tools/starter-library');
    expect(first.json().installed).toBeGreaterThanOrEqual(5);
    expect((await call('POST', '/tools/starter-library')).json().installed).toBe(0);
    const tools = (await call('GET', '/tools')).json().tools;
    expect(tools.length).toBe(first.json().installed);
  });
});

describe('tool versions', () => {
  it('makes a new version on every save and keeps the old one intact', async () => {
    const v1 = (await call('POST', '/tools', smallSchoolTool('versioned'))).json();
    const edited = smallSchoolTool('versioned');
    edited.aspects[0]!.statements[0]!.text = 'Every pupil in Reception to Year 2 has a daily phonics lesson.';
    const v2 = (await call('POST', '/tools', edited)).json();
    expect(v2.id).toBe(v1.id);
    expect(v2.version).toBe(2);
    const old = (await call('GET', `/tool-versions/${v1.versionId}`)).json();
    expect(old.aspects[0].statements[0].text).toMatch(/^Every pupil in Reception and Year 1/);
  });
});

describe('tool files', () => {
  it('round-trips a tool through CSV', () => {
    const csv = toolToCsv([smallSchoolTool()]);
    const back = parseToolCsv(csv);
    expect(back.ok && back.tools[0]?.aspects.map((a) => a.statements.map((s) => s.code))).toEqual([
      ['R.1.1', 'R.1.2'],
      ['R.2.1'],
    ]);
  });

  it('exports JSON and CSV that import again', async () => {
    const tool = (await call('POST', '/tools', smallSchoolTool('exported'))).json();
    const json = await call('GET', `/tools/${tool.id}/export?format=json`);
    expect(json.headers['content-disposition']).toContain('exported-v1.json');
    const reimport = await call('POST', '/tools/import', {
      format: 'json',
      content: json.body.replace('"exported"', '"reimported"'),
    });
    expect(reimport.statusCode, reimport.body).toBe(201);
    const csv = await call('GET', `/tools/${tool.id}/export?format=csv`);
    expect(csv.body.split('\n')[0]).toContain('tool_key,tool_name');
  });

  it('rejects a CSV with bad rows, naming each line, and changes nothing', async () => {
    const before = await versionCount();
    const content = [
      'tool_key,tool_name,area,completed_by,aspect,code,statement,tags',
      'good-tool,Good tool,curriculum,school,Aspect one,G.1,A fine statement,',
      'good-tool,Good tool,curriculum,school,Aspect one,G.2,,',
      'good-tool,Good tool,curriculum,school,Aspect one,G.1,Duplicate code,',
      'bad-tool,Bad tool,astrology,school,Aspect,B.1,Statement,',
    ].join('\n');
    const res = await call('POST', '/tools/import', { format: 'csv', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_file');
    const errors = res.json().error.details.errors as { line: number; field: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'statement' }),
        expect.objectContaining({ line: 4, field: 'code' }),
        expect.objectContaining({ line: 5, field: 'area' }),
      ]),
    );
    expect(await versionCount()).toBe(before);
  });

  it('rejects malformed JSON with the line of the problem', async () => {
    const before = await versionCount();
    const content =
      '{\n  "key": "x-tool",\n  "name": "X",\n  "area": "curriculum",\n  "completedBy": "school",\n  "aspects": [\n    { "title": "A", "statements": [ { "code": "X.1" } ] }\n  ]\n}';
    const res = await call('POST', '/tools/import', { format: 'json', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors[0]).toMatchObject({
      line: 7,
      field: 'aspects.0.statements.0.text',
    });
    const broken = await call('POST', '/tools/import', {
      format: 'json',
      content: '{\n  "key": "x",\n  oops\n}',
    });
    expect(broken.json().error.details.errors[0].line).toBe(3);
    expect(await versionCount()).toBe(before);
  });

  it('lets only trust administrators and improvement leads change tools', async () => {
    const head = await signIn(h, t.people.headA.email);
    expect((await call('POST', '/tools', smallSchoolTool('nope'), head)).statusCode).toBe(403);
    expect((await call('GET', '/tools', undefined, head)).statusCode).toBe(200);
  });
});
