import type { ToolDefinition } from '../../shared/contracts/frameworks';
import { systemActor } from '../platform/auth/actor';
import type { TrustFixture } from './factories';
import type { Harness } from './harness';

export const smallSchoolTool = (key = 'reading'): ToolDefinition => ({
  key,
  name: 'Early reading',
  area: 'curriculum',
  completedBy: 'school',
  aspects: [
    {
      title: 'Phonics programme',
      statements: [
        {
          code: 'R.1.1',
          text: 'Every pupil in Reception and Year 1 has a daily phonics lesson.',
          tags: ['ofsted.curriculum-teaching'],
        },
        { code: 'R.1.2', text: 'Pupils who fall behind get same-day catch-up.' },
      ],
    },
    {
      title: 'Reading for pleasure',
      statements: [{ code: 'R.2.1', text: 'Each class reads a shared book aloud every day.' }],
    },
  ],
});

export const departmentTool = (): ToolDefinition => ({
  key: 'sequencing',
  name: 'Curriculum sequencing',
  area: 'curriculum',
  completedBy: 'department',
  aspects: [
    {
      title: 'Sequence',
      statements: [
        { code: 'S.1', text: 'Units build on the unit before.' },
        { code: 'S.2', text: 'Pupils can explain the sequence.' },
      ],
    },
  ],
});

/** A tool and an open round covering schools A and B, with the improvement lead as liaison. */
export async function openRound(h: Harness, t: TrustFixture, tool = smallSchoolTool()) {
  const actor = systemActor(t.trustId);
  const saved = await h.services.frameworks.save(actor, tool);
  const round = await h.services.evaluation.createRound(actor, {
    name: 'Autumn 2026',
    cycle: 'termly',
    opensOn: '2026-09-01',
    closesOn: '2026-12-18',
    toolVersionIds: [saved.versionId],
    schools: [
      { schoolId: t.schoolA, liaisonPersonId: t.people.lead.id },
      { schoolId: t.schoolB, liaisonPersonId: t.people.lead.id },
    ],
  });
  return { tool: saved, round };
}
