import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { systemActor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/secrets';
import type { Db } from '../../platform/db/database';
import type { CalendarService } from '../calendar/calendar.service';
import type { DataService } from '../data/data.service';
import type { EvaluationService } from '../evaluation/evaluation.service';
import { type FrameworksService, installStarterLibrary } from '../frameworks/frameworks.service';
import { libraryRepository } from '../library/library.repository';
import { installToolkit } from '../library/library.service';
import { orgRepository } from '../org/org.repository';
import { defaultYearGroups } from '../org/year-groups';
import { peopleRepository } from '../people/people.repository';
import { demoRepository } from './demo.repository';
import { demoCaseStudies } from './demo-case-studies';
import { seedDemoEvaluation } from './demo-evaluation';
import { seedDemoCalendar, seedDemoPupils } from './demo-pupils';
import { demoEmail, demoPeople, demoSchools, demoTrustName } from './demo-trust';

export type DemoSignIn = { trustName: string; email: string; password: string; accounts: number };

/** Readable but strong: four groups of five letters and digits, without look-alikes (0/O, 1/l). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export function createDemoService(
  db: Db,
  services: {
    evaluation: EvaluationService;
    frameworks: FrameworksService;
    data: DataService;
    calendar: CalendarService;
  },
  clock: () => Date = () => new Date(),
) {
  return {
    isEmpty: async () => (await demoRepository.countTrusts(db)) === 0,
    findDemoTrust: () => demoRepository.findDemoTrust(db),

    /** Creates the demo trust; every demo account shares one generated password. */
    async seed(): Promise<DemoSignIn> {
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const trustId = await db.transaction().execute(async (trx) => {
        const { id: trustId } = await orgRepository.insertTrust(trx, demoTrustName, true);
        const schoolIds = new Map<string, string>();
        const departmentIds = new Map<string, string>();
        for (const s of demoSchools) {
          const { id } = await orgRepository.insertSchool(trx, {
            trust_id: trustId,
            urn: s.urn,
            name: s.name,
            phase: s.phase,
            local_authority: s.localAuthority,
            joined_trust_on: s.joined,
          });
          schoolIds.set(s.key, id);
          await orgRepository.insertYearGroups(trx, trustId, id, defaultYearGroups(s.phase));
          for (const d of s.departments) {
            const dept = await orgRepository.insertDepartment(trx, trustId, id, d);
            departmentIds.set(`${s.key}/${d}`, dept.id);
          }
        }
        for (const p of demoPeople) {
          const { id } = await peopleRepository.insertPerson(trx, {
            trustId,
            email: demoEmail(p.name),
            name: p.name,
            jobTitle: p.jobTitle,
            passwordHash,
          });
          await peopleRepository.insertAssignment(trx, {
            trustId,
            personId: id,
            role: p.role,
            schoolId: p.school ? (schoolIds.get(p.school) ?? null) : null,
            departmentId: p.department ? (departmentIds.get(`${p.school}/${p.department}`) ?? null) : null,
          });
        }
        await installStarterLibrary(trx, trustId);
        await installToolkit(trx, trustId);
        for (const { school, ...c } of demoCaseStudies) {
          await libraryRepository.insert(trx, {
            ...c,
            trustId,
            schoolId: schoolIds.get(school) ?? null,
            sourcePriorityId: null,
            createdBy: null,
            status: 'published',
          });
        }
        return trustId;
      });
      await seedDemoEvaluation(db, trustId, services);
      await seedDemoPupils(db, trustId, clock());
      await seedDemoCalendar(services.calendar, trustId, clock());
      await seedDemoPublishedOutcomes(trustId, services.data);
      return {
        trustName: demoTrustName,
        email: demoEmail(demoPeople[0]!.name),
        password,
        accounts: demoPeople.length,
      };
    },

    async reset(): Promise<DemoSignIn> {
      await demoRepository.deleteDemoTrusts(db);
      return this.seed();
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;

/**
 * The 2018/19 KS4 performance tables for the demo's two secondary-phase schools, their local
 * authorities and England, in the DfE's own file layout. The school rows are real rows of
 * test-data/dfe/england_ks4provisional.csv (two Kirklees and Wakefield schools) given the demo
 * schools' invented URNs and names, so the demo shows believable published figures.
 */
async function seedDemoPublishedOutcomes(trustId: string, data: DataService): Promise<void> {
  const content = await readFile(new URL('./demo-ks4.csv', import.meta.url), 'utf8');
  await data.importKs4(systemActor(trustId), {
    year: 2019,
    filename: 'demo-ks4.csv',
    content,
    dryRun: false,
  });
}
