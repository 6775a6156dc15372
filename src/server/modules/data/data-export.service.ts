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

const PAGE = 2_000;
const yn = (b: boolean) => (b ? 'Y' : 'N');
const score = (n: number | null) => (n === null ? '' : String(n));

/**
 * Pupil data out as CSV in exactly the layouts the importers read, so a trust can move its data or
 * check a round trip. Pupil-level files: only those who keep the school's data may take them.
 */
export function createDataExportService(db: Db, opts: { pageSize: number } = { pageSize: PAGE }) {
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
        [...PUPIL_LIST_COLUMNS, 'entry_date', 'leaving_date'],
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
          // A stay from birth is what the importer records when no entry date is known: out as blank.
          p.entry_date === null || p.entry_date === p.date_of_birth ? '' : p.entry_date,
          p.leaving_date ?? '',
        ]),
      ]);
    },

    /**
     * The results file, produced an assessment at a time as the response is sent: a trust's
     * results run to millions of lines, more than a server should hold as one string. Checked
     * before the first byte, so a refusal is an ordinary error response. Each assessment is read
     * on its own, not in one transaction, which on the embedded database would hold up every
     * other request while a slow download runs.
     */
    async resultsCsv(actor: Actor, schoolId?: string): Promise<AsyncIterable<string>> {
      await allowed(actor, schoolId);
      const assessments = await resultsRepository.exportAssessments(db, actor.trustId);
      // A stored value back in its grade set's notation (U, EXS, Secure), so the export re-imports
      // to the same number.
      const scales = new Map((await gradeSetsForTrust(db, actor.trustId)).map((g) => [g.key, g.scale]));
      const resultText = (gradeSet: string, v: number) => {
        const scale = scales.get(gradeSet);
        return (scale && gradeFor(scale, v)) ?? String(v);
      };
      // Each pupil's place in UPN order; a result is written at its pupil's place (one result per
      // pupil per assessment), so an assessment comes out sorted without the database sorting it.
      const pupils = await resultsRepository.exportPupils(db, actor.trustId, schoolId ?? null);
      const rankOf = new Map(pupils.map((p, i) => [p.id, i]));
      // A UPN is letters and digits; anything else stored there is quoted and escaped as any cell.
      const upnCells = pupils.map((p) => (/^[A-Z0-9]+$/.test(p.upn) ? p.upn : safeCsv([[p.upn]]).trimEnd()));
      const valueAt = new Float64Array(pupils.length);
      async function* lines() {
        yield safeCsv([[...RESULT_COLUMNS]]);
        for (const a of assessments) {
          const fields = [
            a.name,
            a.subject,
            a.year_group,
            a.academic_year,
            a.collection_point,
            a.grade_set,
            a.taken_on,
          ];
          // Read in the index's order, then put in UPN order here: asking the database for UPN
          // order page by page re-sorted the whole assessment for every page. Pages small enough
          // that their rows die young (at 20,000 rows a page V8's heap held 280 MB of garbage).
          const held: number[] = [];
          for (let after: string | null = null; ; ) {
            const page = { after, size: opts.pageSize };
            const rows = await resultsRepository.exportResultsOf(db, actor.trustId, a.id, page);
            for (const r of rows) {
              // Results of pupils without a UPN, or of other schools' pupils, have no rank.
              const i = rankOf.get(r.pupil_id);
              if (i === undefined) continue;
              valueAt[i] = r.value;
              held.push(i);
            }
            if (rows.length < opts.pageSize) break;
            after = rows.at(-1)!.pupil_id;
          }
          held.sort((x, y) => x - y);
          // Every line of an assessment ends the same way for the same result: written once per
          // distinct result rather than once per pupil.
          const endings = new Map<number, string>();
          const ending = (v: number) => {
            let e = endings.get(v);
            if (e === undefined) {
              e = safeCsv([[...fields, resultText(a.grade_set, v)]]);
              endings.set(v, e);
            }
            return e;
          };
          for (let k = 0; k < held.length; k += opts.pageSize) {
            let chunk = '';
            for (const i of held.slice(k, k + opts.pageSize))
              chunk += `${upnCells[i]},${ending(valueAt[i]!)}`;
            yield chunk;
          }
        }
      }
      return lines();
    },
  };
}
