import { describe, expect, it } from 'vitest';
import { detectScale, scoreOn } from './likert';
import { parseSurveyRows } from './survey-file';
import { parseSubmitted, parseYearGroup } from './survey-values';

const opts = { audience: 'pupil' as const, questions: [], mapping: {} };
const ms = (rows: string[][]) => [
  ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Year group', 'I enjoy lessons', 'Anything else?'],
  ...rows,
];

describe('survey export parsing', () => {
  it('drops the identifying columns of a Microsoft Forms export and reads the rest', () => {
    const parsed = parseSurveyRows(
      ms([
        ['1', '14/03/2025 10:00:00', '14/03/2025 10:02:31', 'a@b.uk', 'Ann Bee', 'Year 8', 'Agree', 'Fine'],
      ]),
      opts,
    );
    expect(parsed.source).toBe('ms_forms');
    expect(parsed.columns.map((c) => [c.header, c.use])).toEqual([
      ['ID', 'dropped'],
      ['Start time', 'dropped'],
      ['Completion time', 'submitted'],
      ['Email', 'dropped'],
      ['Name', 'dropped'],
      ['Year group', 'yearGroup'],
      ['I enjoy lessons', 'likert'],
      ['Anything else?', 'text'],
    ]);
    const [r] = parsed.responses;
    expect(r).toMatchObject({ submittedOn: '2025-03-14', yearGroup: 'Y8' });
    expect(r?.answers).toEqual([
      { column: 6, value: 4, text: null },
      { column: 7, value: null, text: 'Fine' },
    ]);
    expect(JSON.stringify(parsed.responses)).not.toMatch(/Ann Bee|a@b\.uk/);
  });

  it('drops headings that ask who someone is, but keeps questions that merely use such words', () => {
    const parsed = parseSurveyRows(
      [
        ['Timestamp', 'Your name', 'Pupil UPN', 'Home address', 'Does the school address bullying well?'],
        ['14/03/2025 10:00', 'Ann', 'A123', '1 High St', 'Agree'],
      ],
      opts,
    );
    expect(parsed.columns.map((c) => c.use)).toEqual([
      'submitted',
      'dropped',
      'dropped',
      'dropped',
      'likert',
    ]);
  });

  it('recognises Google Forms by its Timestamp column and drops the email address', () => {
    const parsed = parseSurveyRows(
      [
        ['Timestamp', 'Email address', 'Happy here'],
        ['2025/05/02 7:00:00 pm GMT+1', 'x@y.com', 'Strongly agree'],
      ],
      { ...opts, audience: 'parent' },
    );
    expect(parsed.source).toBe('google_forms');
    expect(parsed.columns[1]?.use).toBe('dropped');
    expect(parsed.responses[0]).toMatchObject({ submittedOn: '2025-05-02', answers: [{ value: 5 }] });
  });

  it('refuses a file that is neither export, naming the first column', () => {
    const parsed = parseSurveyRows(
      [
        ['UPN', 'Q1'],
        ['A1', 'Yes'],
      ],
      opts,
    );
    expect(parsed.rejected[0]).toMatchObject({ row: 1, column: 'UPN' });
    expect(parsed.responses).toEqual([]);
  });

  it('reports every bad cell with its row, column and value and keeps no response', () => {
    const parsed = parseSurveyRows(
      ms([
        ['1', '', '14/03/2025 10:02', '', '', 'Year 8', 'Agree', ''],
        ['2', '', 'yesterday', '', '', 'Year 99', 'Agree', ''],
      ]),
      { ...opts, mapping: { 'I enjoy lessons': 'likert' } },
    );
    expect(parsed.rejected).toEqual([
      expect.objectContaining({ row: 3, column: 'Year group', value: 'Year 99' }),
      expect.objectContaining({ row: 3, column: 'Completion time', value: 'yesterday' }),
    ]);
  });

  it('lets the importer read a Likert-looking column as free text', () => {
    const parsed = parseSurveyRows(ms([['1', '', '14/03/2025 10:02', '', '', '', 'Agree', '']]), {
      ...opts,
      mapping: { 'I enjoy lessons': 'text' },
    });
    expect(parsed.columns[6]?.use).toBe('text');
    expect(parsed.responses[0]?.answers).toEqual([{ column: 6, value: null, text: 'Agree' }]);
  });

  it('ignores characteristics on a staff survey', () => {
    const parsed = parseSurveyRows(ms([['1', '', '14/03/2025 10:02', '', '', 'Year 8', 'Agree', '']]), {
      ...opts,
      audience: 'staff',
    });
    expect(parsed.columns[5]?.use).toBe('ignore');
    expect(parsed.responses[0]?.yearGroup).toBeNull();
  });

  it('gives the same submission the same fingerprint and a changed answer a different one', () => {
    const row = ['1', '', '14/03/2025 10:02', '', '', 'Year 8', 'Agree', 'x'];
    const a = parseSurveyRows(ms([row]), opts).responses[0]?.fingerprint;
    const b = parseSurveyRows(ms([[...row.slice(0, 4), 'Other Name', ...row.slice(5)]]), opts).responses[0]
      ?.fingerprint;
    const c = parseSurveyRows(ms([[...row.slice(0, 6), 'Disagree', 'x']]), opts).responses[0]?.fingerprint;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('survey values', () => {
  it('reads the time formats the forms write', () => {
    expect(parseSubmitted('14/03/2025 10:22:31')).toBe('2025-03-14T10:22:31');
    expect(parseSubmitted('3/14/2025 10:22:31 pm')).toBe('2025-03-14T22:22:31');
    expect(parseSubmitted('2025-03-14T10:22:31')).toBe('2025-03-14T10:22:31');
    expect(parseSubmitted('31/02/2025 10:00')).toBeNull();
  });
  it('reads year groups and scales', () => {
    expect(['Year 7', 'Y10', '11', 'Reception', 'Year 14'].map(parseYearGroup)).toEqual([
      'Y7',
      'Y10',
      'Y11',
      'R',
      undefined,
    ]);
    expect(detectScale(['Often', 'Never', "Don't know"])?.[0]).toBe('Never');
    expect(detectScale(['4', '2'])).toHaveLength(5);
    expect(detectScale(['Lunch is nice'])).toBeNull();
    expect(scoreOn(detectScale(['Agree']) ?? [], 'Neutral')).toBe(3);
  });
});
