import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import { safeCsv } from '../../platform/csv-safe';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { gradeFor } from '../grade-sets/grade-set';
import { gradeSetsForTrust } from '../grade-sets/grade-sets.service';
import { orgRepository } from '../org/org.repository';
import { PUPIL_LIST_COLUMNS, pupilsRepository } from './pupils.repository';
import { resultsRepository } from './results.repository';
import { RESULT_COLUMNS } from './results-file';

const yn = (b: boolean) => (b ? 'Y' : 'N');
const score = (n: number | null) => (n === null ? '' : String(n));

/**
 * Pupil data out as CSV in exactly the layouts the importers read, so a trust can move its data or
 * check a round trip. Pupil-level files: only those who keep the school's data may take them.
 */
export function createDataExportService(db: Db) {
  const allowed = async (actor: Actor, schoolId: string | undefined) => {
    if (schoolId && !(await orgRepository.findSchool(db, actor.trustId, schoolId))) throw notFound('School');
    const scope = schoolId ? { trustId: actor.trustId, schoolId } : { trustId: actor.trustId };
    if (!can(actor, 'pupil.export', scope)) throw forbidden();
  };

  return {
    async pupilsCsv(actor: Actor, schoolId?: string): Promise<string> {
      await allowed(actor, schoolId);
      const rows = await pupilsRepository.exportPupils(db, actor.trustId, schoolId ?? null);
      return safeCsv([
        [...PUPIL_LIST_COLUMNS],
        ...rows.map((p) => [
          p.upn ?? '',
          p.given_name,
          p.family_name,
          p.date_of_birth,
          p.sex,
          p.year_group,
          yn(p.disadvantaged),
          yn(p.fsm),
          p.sen,
          yn(p.eal),
          p.ethnicity,
          score(p.ks2_reading),
          score(p.ks2_maths),
        ]),
      ]);
    },

    async resultsCsv(actor: Actor, schoolId?: string): Promise<string> {
      await allowed(actor, schoolId);
      const rows = await resultsRepository.exportRows(db, actor.trustId, schoolId ?? null);
      // A stored value back in its grade set's notation (U, EXS, Secure), so the export re-imports
      // to the same number.
      const scales = new Map((await gradeSetsForTrust(db, actor.trustId)).map((g) => [g.key, g.scale]));
      const resultText = (gradeSet: string, v: number) => {
        const scale = scales.get(gradeSet);
        return (scale && gradeFor(scale, v)) ?? String(v);
      };
      return safeCsv([
        [...RESULT_COLUMNS],
        ...rows.map((r) => [
          r.upn ?? '',
          r.name,
          r.subject,
          r.year_group,
          r.academic_year,
          r.collection_point,
          r.grade_set,
          r.taken_on,
          resultText(r.grade_set, r.value),
        ]),
      ]);
    },
  };
}
