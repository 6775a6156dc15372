import { describe, expect, it } from 'vitest';
import { boardAssessments } from './board-assessments';

const a = (id: string, subject: string, yearGroup: string, takenOn: string) => ({
  id,
  subject,
  yearGroup,
  takenOn,
});

describe('boardAssessments', () => {
  it('keeps the latest of each subject and year group, at the end of key stages when there are any', () => {
    const picked = boardAssessments([
      a('y11-maths-aut', 'Maths', 'Y11', '2025-12-02'),
      a('y11-maths-spr', 'Maths', 'Y11', '2026-03-25'),
      a('y11-eng-spr', 'English', 'Y11', '2026-03-20'),
      a('y6-read', 'Reading', 'Y6', '2026-05-12'),
      a('y8-maths', 'Maths', 'Y8', '2026-03-25'),
    ]);
    expect(picked.map((p) => p.id)).toEqual(['y11-eng-spr', 'y11-maths-spr', 'y6-read']);
  });

  it('shows every year group when none is at the end of a key stage', () => {
    const picked = boardAssessments([
      a('y8', 'Maths', 'Y8', '2026-03-25'),
      a('y9-old', 'Maths', 'Y9', '2025-12-02'),
      a('y9', 'Maths', 'Y9', '2026-03-26'),
    ]);
    expect(picked.map((p) => p.id)).toEqual(['y8', 'y9']);
    expect(boardAssessments([])).toEqual([]);
  });
});
