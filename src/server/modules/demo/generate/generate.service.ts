import { academicYearStart } from '../../../../shared/academic-year';
import { hashPassword } from '../../../platform/auth/secrets';
import type { Db } from '../../../platform/db/database';
import { refreshResultSummaries } from '../../analysis/analysis.repository';
import { orgRepository } from '../../org/org.repository';
import { defaultYearGroups } from '../../org/year-groups';
import { peopleRepository } from '../../people/people.repository';
import { generateRepository as repo } from './generate.repository';
import { planInterventions } from './intervention-plan';
import { insertGeneratedIntervention } from './interventions.repository';
import { generateRecordsRepository as records } from './records.repository';
import { type GenerateSpec, type PlannedSchool, planPupils, planSchools } from './trust-plan';
import { planStaff } from './workforce-plan';

export type GenerateOptions = Omit<GenerateSpec, 'currentYear'> & { name?: string; password: string };
export type GeneratedTrust = {
  trustId: string;
  trustName: string;
  email: string;
  schools: number;
  pupils: number;
  assessments: number;
  results: number;
  /** Of `pupils`, those who have left (their records kept). */
  leavers: number;
  attendanceRecords: number;
  staffRecords: number;
  interventions: number;
};

/**
 * `sip demo generate`: a whole synthetic trust for demonstrations, tests and benchmarks, made in one
 * transaction: schools that joined over the years, pupils at national rates, results at three
 * collection points a year up to today, termly attendance, staff records with turnover, and last
 * year's interventions with a real effect, with the analysis summaries refreshed. A trust
 * administrator account signs in to it.
 */
export type PopulatedCounts = Omit<GeneratedTrust, 'trustId' | 'trustName' | 'email' | 'schools'>;

/**
 * Fills a trust's schools (already inserted, each with its plan) with generated data: pupils,
 * assessments and results up to `today`, last year's interventions, termly attendance and staff
 * records, then refreshes the analysis summaries. Used by `sip demo generate` and the demo trust.
 */
export async function populateTrust(
  tx: Db,
  trustId: string,
  staged: readonly (PlannedSchool & { id: string })[],
  spec: GenerateSpec,
  seed: number,
  today: Date,
): Promise<PopulatedCounts> {
  const day = today.toISOString().slice(0, 10);
  await repo.stageSchools(tx, staged);
  const pupils = staged.flatMap((s) => planPupils(spec, s));
  await repo.insertPupils(tx, trustId, pupils);
  await repo.insertAssessments(tx, trustId, spec.currentYear - spec.years, spec.currentYear, day);
  await repo.insertResults(tx, trustId, seed, spec.currentYear);
  const interventions = planInterventions(spec, staged);
  let boosted = 0;
  for (const plan of interventions) boosted += await insertGeneratedIntervention(tx, trustId, seed, plan);
  if (boosted) await repo.insertResults(tx, trustId, seed, spec.currentYear, true);
  const attendanceRecords = await records.insertAttendance(
    tx,
    trustId,
    seed,
    spec.currentYear - spec.years,
    spec.currentYear,
    day,
  );
  const staff = staged.flatMap((s) => planStaff(spec, s));
  await records.insertStaff(tx, trustId, seed, staff);
  await repo.analyse(tx);
  await refreshResultSummaries(tx, trustId);
  const counts = await repo.counts(tx, trustId);
  return {
    ...counts,
    attendanceRecords,
    staffRecords: staff.length,
    interventions: interventions.length,
  };
}

export function createGenerateService(db: Db, clock: () => Date) {
  return {
    async generate(o: GenerateOptions): Promise<GeneratedTrust> {
      const today = clock();
      const spec: GenerateSpec = { ...o, currentYear: academicYearStart(today.toISOString().slice(0, 10)) };
      const schools = planSchools(spec);
      const trustName = o.name ?? `Generated trust (seed ${o.seed})`;
      const passwordHash = await hashPassword(o.password);
      return db.transaction().execute(async (tx) => {
        const { id: trustId } = await orgRepository.insertTrust(tx, trustName);
        // Emails are unique on the server, and the same seed may be generated more than once.
        const email = `admin.${trustId.slice(0, 8)}@generated.example.org`;
        const staged: (PlannedSchool & { id: string })[] = [];
        for (const s of schools) {
          const { id } = await orgRepository.insertSchool(tx, {
            trust_id: trustId,
            urn: s.urn,
            name: s.name,
            phase: s.phase,
            local_authority: s.localAuthority,
            joined_trust_on: `${s.joinedYear}-09-01`,
          });
          await orgRepository.insertYearGroups(tx, trustId, id, defaultYearGroups(s.phase));
          staged.push({ ...s, id });
        }
        const { id: personId } = await peopleRepository.insertPerson(tx, {
          trustId,
          email,
          name: 'Trust Administrator',
          jobTitle: 'Director of school improvement',
          passwordHash,
        });
        await peopleRepository.insertAssignment(tx, {
          trustId,
          personId,
          role: 'trust_admin',
          schoolId: null,
          departmentId: null,
        });
        const made = await populateTrust(tx, trustId, staged, spec, o.seed, today);
        return { trustId, trustName, email, schools: schools.length, ...made };
      });
    },
  };
}

export type GenerateService = ReturnType<typeof createGenerateService>;
