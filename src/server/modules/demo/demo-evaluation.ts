import { createHash } from 'node:crypto';
import { systemActor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { evaluationRepository } from '../evaluation/evaluation.repository';
import type { EvaluationService } from '../evaluation/evaluation.service';
import type { FrameworksService } from '../frameworks/frameworks.service';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import { demoSchools } from './demo-trust';

/** How strong each demo school is (on a 1-4 scale), so the heatmap shows a believable spread. */
const strength: Record<string, number> = { ash: 3.2, bro: 2.6, cal: 2.3, den: 1.9, hol: 2.7, riv: 2.4 };

/** A repeatable number in [0, 1) from a string, so every demo reset looks the same. */
const noise = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
const clamp = (v: number) => Math.max(1, Math.min(4, Math.round(v)));

/**
 * Two rounds of self-evaluation for the demo trust: last term's, agreed and closed, and this term's,
 * opened from it with judgements carried forward and schools at different stages of the workflow.
 */
export async function seedDemoEvaluation(
  db: Db,
  trustId: string,
  services: { evaluation: EvaluationService; frameworks: FrameworksService },
): Promise<void> {
  const actor = systemActor(trustId);
  const tools = await services.frameworks.list(actor);
  const versionIds = ['teaching-learning', 'leadership-governance']
    .map((k) => tools.find((t) => t.key === k)?.versionId)
    .filter((v): v is string => !!v);
  if (versionIds.length === 0) return;
  const schools = await orgRepository.listSchools(db, trustId);
  const people = await peopleRepository.listPeople(db, trustId);
  const liaison = (name: string) => people.find((p) => p.name === name)?.id ?? null;
  const keyOf = new Map(demoSchools.map((s) => [s.urn, s.key]));
  const schoolKey = new Map(schools.map((s) => [s.id, keyOf.get(s.urn) ?? s.urn]));

  const summer = await services.evaluation.createRound(actor, {
    name: 'Summer 2026',
    cycle: 'termly',
    opensOn: '2026-04-20',
    closesOn: '2026-07-17',
    toolVersionIds: versionIds,
    schools: schools.map((s) => ({
      schoolId: s.id,
      liaisonPersonId: liaison(s.phase === 'primary' ? 'Priya Shah' : 'Gareth Lewis'),
    })),
  });
  await fill(db, trustId, summer.id, schoolKey, 'summer', 'agreed');
  const closed = await evaluationRepository.findRound(db, trustId, summer.id);
  await evaluationRepository.closeRound(db, trustId, summer.id, closed!.version);

  const autumn = await services.evaluation.openNextRound(actor, summer.id, {
    name: 'Autumn 2026',
    opensOn: '2026-09-07',
    closesOn: '2026-12-18',
  });
  // Schools at different stages: two agreed, one with the liaison, one part-way, two not started.
  const stage: Record<string, 'agreed' | 'submitted' | 'partial' | 'untouched'> = {
    ash: 'agreed',
    hol: 'agreed',
    bro: 'submitted',
    cal: 'partial',
    den: 'untouched',
    riv: 'untouched',
  };
  await fill(db, trustId, autumn.id, schoolKey, 'autumn', stage);
}

async function fill(
  db: Db,
  trustId: string,
  roundId: string,
  schoolKey: Map<string, string>,
  term: string,
  stage: 'agreed' | Record<string, 'agreed' | 'submitted' | 'partial' | 'untouched'>,
): Promise<void> {
  const subjects = await evaluationRepository.listSubjects(db, trustId, roundId);
  for (const subject of subjects) {
    const key = schoolKey.get(subject.school_id ?? '') ?? 'trust';
    const s = typeof stage === 'string' ? stage : (stage[key] ?? 'untouched');
    if (s === 'untouched') continue;
    const responses = await evaluationRepository.listResponses(db, trustId, [subject.id]);
    // This term most schools have moved on a little from last term.
    const lift = term === 'autumn' ? 0.35 : 0;
    for (const [i, r] of responses.entries()) {
      if (s === 'partial' && i % 2 === 1) continue;
      const n = noise(`${key}|${r.statement_id}|${term}`);
      const leave = n < 0.06;
      const self = leave
        ? null
        : clamp((strength[key] ?? 2.5) + lift + (noise(`${key}|${r.statement_id}`) - 0.5) * 2.2);
      // Liaisons are a little more cautious than schools about one judgement in six.
      const agreed = self === null ? null : n > 0.83 ? clamp(self - 1) : self;
      const withAgreement = s === 'agreed';
      await evaluationRepository.updateResponse(
        db,
        trustId,
        r.id,
        r.version,
        {
          self_value: self,
          self_reason: self === null ? '' : 'Seen consistently in lesson visits and work scrutiny this term.',
          not_judged: leave,
          not_judged_note: leave ? 'Pupil voice next term will settle this.' : '',
          carried_forward: false,
          agreed_value: withAgreement ? agreed : null,
          agreed_rationale:
            withAgreement && agreed !== self ? 'Books show this is not yet consistent in every class.' : '',
        },
        null,
      );
    }
    if (s === 'agreed' || s === 'submitted') {
      await evaluationRepository.setSubjectStatus(db, trustId, subject.id, subject.version, 'submitted');
      if (s === 'agreed')
        await evaluationRepository.setSubjectStatus(db, trustId, subject.id, subject.version + 1, 'agreed');
    }
  }
}
