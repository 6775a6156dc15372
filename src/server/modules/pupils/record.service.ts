import type {
  PupilCharacteristics,
  PupilRecord,
  PupilSearchQuery,
  PupilSummary,
} from '../../../shared/contracts/pupils';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { isPersistentlyAbsent } from '../attendance/measures';
import { gradeFor } from '../grade-sets/grade-set';
import { gradeSetsForTrust } from '../grade-sets/grade-sets.service';
import { orgRepository } from '../org/org.repository';
import type { Clock } from '../planning/planning.service';
import { todayOf } from '../planning/schedule';
import {
  type Characteristics,
  characteristicsAsAt,
  ks2FineLevel,
  priorAttainmentBand,
} from './characteristics';
import { pupilHistoryRepository } from './pupils.repository';
import { pupilRecordRepository as repo } from './record.repository';

const SEARCH_LIMIT = 50;

type SummaryRow = {
  id: string;
  given_name: string;
  family_name: string;
  year_group: string;
  date_of_birth: string;
  on_roll: boolean;
};
const summaryOf = (r: SummaryRow): PupilSummary => ({
  id: r.id,
  givenName: r.given_name,
  familyName: r.family_name,
  yearGroup: r.year_group,
  dateOfBirth: r.date_of_birth,
  onRoll: r.on_roll,
});

// The fine level is how the band is worked out; the record shows the band.
const shown = ({ ks2FineLevel: _, ...c }: Characteristics): PupilCharacteristics => c;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One pupil's record, and finding it: for those who may see the pupils of the pupil's school
 * (pupil.read there). The UPN is shown only to those who keep the school's data (pupil.export),
 * since nobody else needs it.
 */
export function createPupilRecordService(db: Db, clock: Clock = () => new Date()) {
  const mayRead = (actor: Actor, schoolId: string) =>
    can(actor, 'pupil.read', { trustId: actor.trustId, schoolId });

  return {
    async search(actor: Actor, query: PupilSearchQuery) {
      if (!(await orgRepository.findSchool(db, actor.trustId, query.schoolId))) throw notFound('School');
      if (!mayRead(actor, query.schoolId)) throw forbidden();
      const rows = await repo.search(db, actor.trustId, query.schoolId, query.q, SEARCH_LIMIT + 1);
      return { pupils: rows.slice(0, SEARCH_LIMIT).map(summaryOf), more: rows.length > SEARCH_LIMIT };
    },

    async get(actor: Actor, pupilId: string): Promise<PupilRecord> {
      const p = await repo.find(db, actor.trustId, pupilId);
      if (!p) throw notFound('Pupil');
      if (!mayRead(actor, p.school_id)) throw forbidden();
      const [histories, enrolments, schools, results, attendance, interventions, gradeSets] =
        await Promise.all([
          pupilHistoryRepository.historiesOf(db, actor.trustId, [p.id]),
          pupilHistoryRepository.enrolmentsOf(db, actor.trustId, [p.id]),
          repo.schoolNames(db, actor.trustId),
          repo.results(db, actor.trustId, p.id),
          repo.attendance(db, actor.trustId, p.id),
          repo.interventions(db, actor.trustId, p.id),
          gradeSetsForTrust(db, actor.trustId),
        ]);
      const history = histories.get(p.id) ?? [];
      // The pupil's own row holds the current values of a pupil imported without a history.
      const fineLevel = ks2FineLevel(p.ks2_reading, p.ks2_maths);
      const fromRow: Characteristics = {
        disadvantaged: p.disadvantaged,
        fsm: p.fsm,
        // Pupil premium follows disadvantage (the same eligibility) when nothing else is held.
        pupilPremium: p.disadvantaged,
        lookedAfter: false,
        adoptedFromCare: false,
        serviceChild: false,
        sen: p.sen as Characteristics['sen'],
        senPrimaryNeed: null,
        eal: p.eal,
        ethnicity: p.ethnicity,
        ks2Reading: p.ks2_reading,
        ks2Maths: p.ks2_maths,
        ks2FineLevel: fineLevel,
        priorAttainmentBand: priorAttainmentBand(fineLevel),
      };
      const current = characteristicsAsAt(history, todayOf(clock())) ?? history.at(-1)?.values ?? fromRow;
      const schoolName = new Map(schools.map((s) => [s.id, s.name]));
      const scales = new Map(gradeSets.map((g) => [g.key, g.scale]));
      return {
        pupil: {
          ...summaryOf(p),
          upn: can(actor, 'pupil.export', { trustId: actor.trustId, schoolId: p.school_id }) ? p.upn : null,
          sex: p.sex,
          schoolId: p.school_id,
          schoolName: p.school_name,
        },
        current: shown(current),
        history: [...history].reverse().map((h) => ({ from: h.from, to: h.to, values: shown(h.values) })),
        enrolments: [...(enrolments.get(p.id) ?? [])].reverse().map((e) => ({
          schoolName: schoolName.get(e.schoolId) ?? 'Another school',
          // A stay from birth is the importer's placeholder when no entry date is known.
          start: e.start === p.date_of_birth ? null : e.start,
          end: e.end,
        })),
        results: results.map((r) => {
          const scale = scales.get(r.grade_set);
          return {
            assessment: r.name,
            subject: r.subject,
            yearGroup: r.year_group,
            academicYear: r.academic_year,
            collectionPoint: r.collection_point,
            takenOn: r.taken_on,
            // Shown as read: a percentage with its sign.
            result: `${(scale && gradeFor(scale, r.value)) ?? String(r.value)}${scale?.kind === 'range' ? (scale.suffix ?? '') : ''}`,
          };
        }),
        attendance: attendance.map((a) => ({
          from: a.period_start,
          to: a.period_end,
          possible: a.possible_sessions,
          attended: a.attended_sessions,
          percent: a.possible_sessions > 0 ? round1((100 * a.attended_sessions) / a.possible_sessions) : null,
          persistentAbsence: isPersistentlyAbsent(a.possible_sessions, a.attended_sessions),
        })),
        interventions: interventions.map((i) => ({
          id: i.id,
          name: i.name,
          type: i.type,
          joinedOn: i.joined_on,
          leftOn: i.left_on,
          sessionsHeld: Number(i.held ?? 0),
          sessionsAttended: Number(i.attended ?? 0),
        })),
      };
    },
  };
}
