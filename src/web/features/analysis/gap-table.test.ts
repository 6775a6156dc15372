import { describe, expect, test } from 'vitest';
import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { csvFilename, gapCsv, gapRows } from './gap-table';

const analysis: GapAnalysis = {
  assessment: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Year 6 reading (KS2 test)',
    subject: 'Reading',
    yearGroup: 'Y6',
    academicYear: '2025/26',
    collectionPoint: 'Summer 2',
    gradeSet: 'ks2_scaled',
    takenOn: '2026-05-12',
  },
  groupBy: 'disadvantaged',
  suppressionThreshold: 6,
  pupilLevel: false,
  scopes: [
    {
      scope: 'school',
      schoolId: '00000000-0000-4000-8000-000000000002',
      label: 'Ashby Lane, Primary',
      groups: [
        {
          key: 'focus',
          label: 'Disadvantaged',
          n: 6,
          mean: 102.17,
          ci: [95.75, 108.58],
          suppressed: false,
          smallGroup: false,
        },
        {
          key: 'other',
          label: 'Not disadvantaged',
          n: 24,
          mean: 104.42,
          ci: [102.15, 106.68],
          suppressed: false,
          smallGroup: false,
        },
      ],
      gap: { difference: 2.25, ci: [-4.18, 8.68], distinguishable: false },
      gapIndex: 3.26,
      reading: '',
    },
    {
      scope: 'school',
      schoolId: '00000000-0000-4000-8000-000000000003',
      label: '=Brookfield',
      groups: [
        {
          key: 'focus',
          label: 'Disadvantaged',
          n: null,
          mean: null,
          ci: null,
          suppressed: true,
          smallGroup: true,
        },
        {
          key: 'other',
          label: 'Not disadvantaged',
          n: null,
          mean: null,
          ci: null,
          suppressed: true,
          smallGroup: false,
        },
      ],
      gap: null,
      gapIndex: null,
      reading: '',
    },
  ],
};

describe('gap table', () => {
  test('rounds to one place and puts the gap verdict in words', () => {
    const [ashby] = gapRows(analysis);
    expect(ashby).toMatchObject({
      focus: { pupils: '6', average: '102.2', from: '95.8', to: '108.6' },
      gap: '2.3',
      gapFrom: '−4.2',
      verdict: 'Could be chance',
      gapIndex: '3.3',
      note: '',
    });
  });

  test('a suppressed scope shows c in every figure', () => {
    const [, brookfield] = gapRows(analysis);
    expect(brookfield).toMatchObject({
      focus: { pupils: 'c', average: 'c' },
      other: { pupils: 'c' },
      gap: 'c',
      verdict: 'c',
      gapIndex: 'c',
      note: 'c – fewer than 6 pupils in a group',
    });
  });

  test('the CSV quotes commas, uses plain minus signs and defuses spreadsheet formulas', () => {
    const lines = gapCsv(analysis).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^School,Assessment,Disadvantaged: pupils,/);
    expect(lines[1]).toContain('"Ashby Lane, Primary"');
    expect(lines[1]).toContain(',-4.2,');
    expect(lines[2]?.startsWith("'=Brookfield,")).toBe(true);
    expect(csvFilename(analysis)).toBe('gaps-year-6-reading-ks2-test-summer-2-2025-26-disadvantaged.csv');
  });
});
