import type { Db } from '../../platform/db/database';
import { refreshResultSummaries } from '../analysis/analysis.repository';
import { pupilHistoryRepository } from '../pupils/pupils.repository';
import { pupilsRepository } from './pupils.repository';
import { clamp, generateCohort, generateInterventionTrial, normal, rng } from './synthetic';

type SchoolToSeed = { id: string; urn: string; phase: string; effect: number; size: number };

/**
 * Gives a trust a year of synthetic results: Year 6 KS2 reading and maths at primary schools, and a
 * Year 11 maths and English mock at secondary and all-through schools. Deterministic from `seed`.
 */
export async function seedSyntheticPupils(
  db: Db,
  trustId: string,
  schools: SchoolToSeed[],
  seed = 2026,
): Promise<number> {
  const assessment = (
    name: string,
    subject: string,
    yearGroup: string,
    collectionPoint: string,
    gradeSet: string,
    takenOn: string,
  ) =>
    pupilsRepository.insertAssessment(db, {
      trustId,
      name,
      subject,
      yearGroup,
      academicYear: '2025/26',
      collectionPoint,
      gradeSet,
      takenOn,
    });
  const ks2 = {
    Reading: (
      await assessment('Year 6 reading (KS2 test)', 'Reading', 'Y6', 'Summer 2', 'ks2_scaled', '2026-05-12')
    ).id,
    Maths: (
      await assessment('Year 6 maths (KS2 test)', 'Maths', 'Y6', 'Summer 2', 'ks2_scaled', '2026-05-14')
    ).id,
  };
  const mocks = {
    Maths: (await assessment('Year 11 maths mock', 'Maths', 'Y11', 'Spring 1', 'gcse', '2026-01-20')).id,
    English: (await assessment('Year 11 English mock', 'English', 'Y11', 'Spring 1', 'gcse', '2026-01-22'))
      .id,
  };
  // An earlier point for the same Year 11, so gaps can be followed over time.
  const baselines = {
    Maths: (await assessment('Year 11 maths baseline', 'Maths', 'Y11', 'Autumn 1', 'gcse', '2025-10-06')).id,
    English: (
      await assessment('Year 11 English baseline', 'English', 'Y11', 'Autumn 1', 'gcse', '2025-10-08')
    ).id,
  };
  let total = 0;
  for (const [i, s] of schools.entries()) {
    const yearGroup = s.phase === 'primary' ? 'Y6' : 'Y11';
    const pupils = generateCohort({
      seed: seed * 100 + i,
      laCode: '380',
      estab: s.urn.slice(-4),
      size: s.size,
      yearGroup,
      schoolEffect: s.effect,
      birthYear: yearGroup === 'Y6' ? 2014 : 2009,
    });
    const ids = await pupilsRepository.insertPupils(db, trustId, s.id, pupils);
    await pupilHistoryRepository.openHistoryFor(db, trustId, ids);
    const ids2 = yearGroup === 'Y6' ? ks2 : mocks;
    const results = pupils.flatMap((p, k) =>
      Object.entries(p.results).map(([subject, value]) => ({
        assessmentId: ids2[subject as keyof typeof ids2],
        pupilId: ids[k]!,
        value,
      })),
    );
    if (yearGroup === 'Y11') {
      // Baselines from a separate generator, so the mock results above stay as they were. Everyone
      // was a little lower in the autumn, disadvantaged pupils a little more so.
      const r = rng(seed * 100 + i + 50);
      pupils.forEach((p, k) => {
        for (const [subject, value] of Object.entries(p.results))
          results.push({
            assessmentId: baselines[subject as keyof typeof baselines],
            pupilId: ids[k]!,
            value: clamp(Math.round(value - 0.3 - (p.disadvantaged ? 0.4 : 0) + 0.7 * normal(r)), 0, 9),
          });
      });
    }
    await pupilsRepository.insertResults(db, trustId, results);
    total += pupils.length;
  }
  await refreshResultSummaries(db, trustId, {
    assessmentIds: [...Object.values(ks2), ...Object.values(mocks), ...Object.values(baselines)],
  });
  return total;
}

/**
 * A Year 8 intervention trial in one school (see `generateInterventionTrial`): pupils, a pre-test and
 * a post-test, with the intervention pupils' post-test raised by `effect` SDs. Returns the assessments
 * and the two groups, so an evaluation can be run against a known answer.
 */
export async function seedInterventionTrial(
  db: Db,
  trustId: string,
  school: { id: string; urn: string },
  opts: { effect: number; size: number; seed: number; name?: string },
) {
  const name = opts.name ?? 'Year 8 reading';
  const assessment = (label: string, takenOn: string) =>
    pupilsRepository.insertAssessment(db, {
      trustId,
      name: `${name} ${label}`,
      subject: 'Reading',
      yearGroup: 'Y8',
      academicYear: '2025/26',
      collectionPoint: label === 'pre-test' ? 'Autumn 1' : 'Spring 2',
      gradeSet: 'standardised',
      takenOn,
    });
  const pre = (await assessment('pre-test', '2025-09-22')).id;
  const post = (await assessment('post-test', '2026-03-16')).id;
  const pupils = generateInterventionTrial({
    seed: opts.seed,
    laCode: '381',
    estab: school.urn.slice(-4),
    size: opts.size,
    effect: opts.effect,
    birthYear: 2012,
  });
  const ids = await pupilsRepository.insertPupils(db, trustId, school.id, pupils);
  await pupilHistoryRepository.openHistoryFor(db, trustId, ids);
  await pupilsRepository.insertResults(
    db,
    trustId,
    pupils.flatMap((p, k) => [
      { assessmentId: pre, pupilId: ids[k]!, value: p.pre },
      { assessmentId: post, pupilId: ids[k]!, value: p.post },
    ]),
  );
  await refreshResultSummaries(db, trustId, { assessmentIds: [pre, post] });
  return {
    preAssessmentId: pre,
    postAssessmentId: post,
    interventionPupilIds: ids.filter((_, k) => pupils[k]!.treated),
    comparisonPupilIds: ids.filter((_, k) => !pupils[k]!.treated),
  };
}
