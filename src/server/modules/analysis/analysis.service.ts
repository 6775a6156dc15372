import type { GapAnalysis } from '../../../shared/contracts/analysis';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { orgRepository } from '../org/org.repository';
import { analysisRepository as repo } from './analysis.repository';
import { buildScope, suppressAcrossSchools } from './gap-analysis';

type GroupBy = GapAnalysis['groupBy'];

const inFocus: Record<
  GroupBy,
  (r: { disadvantaged: boolean; sen: string; eal: boolean; sex: string }) => boolean
> = {
  disadvantaged: (r) => r.disadvantaged,
  sen: (r) => r.sen !== 'N',
  eal: (r) => r.eal,
  sex: (r) => r.sex === 'F',
};

/** The equity lens: outcomes by group with gaps, for the trust and each school the reader may see. */
export function createAnalysisService(db: Db, suppressionThreshold: number) {
  const toAssessment = (a: NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>) => ({
    id: a.id,
    name: a.name,
    subject: a.subject,
    yearGroup: a.year_group,
    academicYear: a.academic_year,
    collectionPoint: a.collection_point,
    gradeSet: a.grade_set,
    takenOn: a.taken_on,
  });

  return {
    async assessments(actor: Actor) {
      if (
        !actor.assignments.some((a) =>
          can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: a.schoolId }),
        )
      )
        throw forbidden();
      return (await repo.listAssessments(db, actor.trustId)).map(toAssessment);
    },

    /**
     * With `audience: 'board'` the figures are suppressed as for governors and trustees whoever asks,
     * so a board report made by a trust administrator hides exactly what a governor would not see.
     */
    async gaps(
      actor: Actor,
      assessmentId: string,
      groupBy: GroupBy,
      opts: { audience?: 'staff' | 'board' } = {},
    ): Promise<GapAnalysis> {
      const a = await repo.findAssessment(db, actor.trustId, assessmentId);
      if (!a) throw notFound('Assessment');
      const schools = (await orgRepository.listSchools(db, actor.trustId)).filter((s) =>
        can(actor, 'analysis.read', { trustId: actor.trustId, schoolId: s.id }),
      );
      if (!schools.length) throw forbidden();
      const rows = await repo.resultRows(
        db,
        actor.trustId,
        assessmentId,
        schools.map((s) => s.id),
      );
      const focus = inFocus[groupBy];
      const pupilLevelFor = (schoolId: string | null) =>
        opts.audience !== 'board' && can(actor, 'pupil.read', { trustId: actor.trustId, schoolId });
      const scopes: GapAnalysis['scopes'] = [];
      const trustWide = can(actor, 'analysis.read', { trustId: actor.trustId });
      if (trustWide) {
        scopes.push(
          buildScope(
            { scope: 'trust', schoolId: null, label: 'All schools' },
            rows.map((r) => ({ value: r.value, inFocus: focus(r) })),
            groupBy,
            {
              threshold: suppressionThreshold,
              pupilLevel: pupilLevelFor(null),
            },
          ),
        );
      }
      for (const s of schools) {
        const mine = rows.filter((r) => r.school_id === s.id);
        if (!mine.length) continue;
        scopes.push(
          buildScope(
            { scope: 'school', schoolId: s.id, label: s.name },
            mine.map((r) => ({ value: r.value, inFocus: focus(r) })),
            groupBy,
            {
              threshold: suppressionThreshold,
              pupilLevel: pupilLevelFor(s.id),
            },
          ),
        );
      }
      const pupilLevel = schools.every((s) => pupilLevelFor(s.id));
      const sizes = new Map(
        schools.map((s) => [s.id, rows.filter((r) => r.school_id === s.id && focus(r)).length]),
      );
      return {
        assessment: toAssessment(a),
        groupBy,
        suppressionThreshold,
        pupilLevel,
        scopes: pupilLevel ? scopes : suppressAcrossSchools(scopes, (s) => sizes.get(s.schoolId ?? '') ?? 0),
      };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
