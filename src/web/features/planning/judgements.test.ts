import { describe, expect, it } from 'vitest';
import type { SubjectDetail } from '../../../shared/contracts/evaluation';
import { weakJudgements } from './judgements.api';

const response = (statementId: string, agreedValue: number | null) => ({
  id: `r-${statementId}`,
  statementId,
  selfValue: 3,
  selfReason: 'Our view',
  evidence: [],
  notJudged: false,
  notJudgedNote: '',
  agreedValue,
  agreedRationale: agreedValue === 2 ? 'Not yet in every class' : '',
  carriedForward: false,
  previousAgreedValue: null,
  leftLastTime: false,
  change: null,
  commentCount: 0,
  version: 1,
  updatedAt: '2026-11-01T00:00:00Z',
});

const statement = (id: string) => ({
  id,
  code: id.toUpperCase(),
  text: `Statement ${id}`,
  guidance: '',
  tags: [],
});

const detail = {
  scale: {
    name: 'Four points',
    secureValue: 3,
    points: [
      { value: 1, label: 'Not yet in place', descriptor: '' },
      { value: 2, label: 'Developing', descriptor: '' },
      { value: 3, label: 'Secure', descriptor: '' },
      { value: 4, label: 'Exemplary', descriptor: '' },
    ],
  },
  aspects: [
    { id: 'a1', title: 'Curriculum', description: '', statements: [statement('s1'), statement('s2')] },
    { id: 'a2', title: 'Feedback', description: '', statements: [statement('s3'), statement('s4')] },
  ],
  responses: [response('s1', 3), response('s2', 2), response('s3', null), response('s4', 1)],
} as unknown as SubjectDetail;

describe('weak judgements', () => {
  it('lists agreed judgements below secure in the tool’s order, with their label and reason', () => {
    expect(weakJudgements(detail)).toEqual([
      {
        responseId: 'r-s2',
        statementId: 's2',
        code: 'S2',
        text: 'Statement s2',
        aspect: 'Curriculum',
        judgement: 'Developing',
        rationale: 'Not yet in every class',
      },
      {
        responseId: 'r-s4',
        statementId: 's4',
        code: 'S4',
        text: 'Statement s4',
        aspect: 'Feedback',
        judgement: 'Not yet in place',
        rationale: 'Our view',
      },
    ]);
  });
});
