import type {
  CalendarYear,
  CollectionPointBody,
  CreateYearBody,
  PlannedAssessmentBody,
  Term,
  UpdateCollectionPointBody,
  UpdatePlannedAssessmentBody,
  UpdateYearBody,
} from '../../../shared/contracts/calendar';
import type { Actor } from '../../platform/auth/actor';
import { canAnywhere } from '../../platform/auth/policy';
import type { Db } from '../../platform/db/database';
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../platform/errors';
import { auditService } from '../audit/audit.service';
import { gradeSetsForTrust } from '../grade-sets/grade-sets.service';
import type { Clock } from '../planning/planning.service';
import { todayOf } from '../planning/schedule';
import { calendarRepository as repo } from './calendar.repository';
import { defaultTerms, termProblems, yearBounds } from './calendar-rules';
import { composeCalendar, sortYearGroups, termFromRow, yearFromRows } from './calendar-view';

type YearRow = NonNullable<Awaited<ReturnType<typeof repo.findYear>>>;

// The calendar is the trust's, shared by its schools: anyone with a role reads it, and those
// granted calendar.manage anywhere in the trust maintain it (see policy.ts).
const requireRead = (actor: Actor) => {
  if (!canAnywhere(actor, 'calendar.read')) throw forbidden();
};
const requireManage = (actor: Actor) => {
  if (!canAnywhere(actor, 'calendar.manage')) throw forbidden();
};

const checkTerms = (label: string, terms: readonly Term[]) => {
  const problems = termProblems(label, terms);
  if (problems.length) throw badRequest(problems[0]!.message, { fields: problems });
};
const insideYear = (y: YearRow, date: string, field: string) => {
  if (date < y.starts_on || date > y.ends_on)
    throw badRequest(`Choose a date within ${y.label} (1 September to 31 August).`, {
      fields: [{ field, message: `Choose a date within ${y.label}` }],
    });
};

/** Links imported assessments to the planned ones they fulfil (after an import, in its transaction). */
export const linkPlannedAssessments = (tx: Db, trustId: string) => repo.linkImportedAssessments(tx, trustId);

export function createCalendarService(db: Db, clock: Clock = () => new Date()) {
  async function view(trustId: string, yearId: string, tx: Db = db): Promise<CalendarYear> {
    const y = await repo.findYear(tx, trustId, yearId);
    if (!y) throw notFound('Academic year');
    const [terms, points, assessments, received] = await Promise.all([
      repo.listTerms(tx, trustId, [y.id]),
      repo.listPoints(tx, trustId, y.id),
      repo.listAssessments(tx, trustId, y.id),
      repo.receivedResults(tx, trustId, y.id),
    ]);
    return composeCalendar(y, terms, points, assessments, received, todayOf(clock()));
  }

  /** Loads a year for a write, checking the caller may edit the calendar. */
  async function yearForWrite(tx: Db, actor: Actor, yearId: string): Promise<YearRow> {
    requireManage(actor);
    const y = await repo.findYear(tx, actor.trustId, yearId);
    if (!y) throw notFound('Academic year');
    return y;
  }

  /** A planned assessment's link to a collection point and grade set must make sense. */
  async function checkAssessment(tx: Db, actor: Actor, y: YearRow, a: PlannedAssessmentBody) {
    insideYear(y, a.plannedOn, 'plannedOn');
    if (a.collectionPointId) {
      const p = await repo.findPoint(tx, actor.trustId, a.collectionPointId);
      const field = 'collectionPointId';
      if (!p || p.academic_year_id !== y.id)
        throw badRequest('Choose a collection point of the same academic year.', { field });
      if (!p.year_groups.includes(a.yearGroup))
        throw badRequest(`${p.name} does not collect ${a.yearGroup}; add the year group to it first.`, {
          field,
        });
      if (a.plannedOn > p.collect_on)
        throw badRequest(`An assessment that feeds ${p.name} must take place on or before its date.`, {
          fields: [{ field: 'plannedOn', message: `On or before ${p.collect_on}` }],
        });
    }
    if (a.gradeSetKey && !(await gradeSetsForTrust(tx, actor.trustId)).some((s) => s.key === a.gradeSetKey))
      throw badRequest('Choose one of the trust’s grade sets.', { field: 'gradeSetKey' });
  }

  const assessmentRow = (a: PlannedAssessmentBody) => ({
    collectionPointId: a.collectionPointId ?? null,
    name: a.name,
    subject: a.subject,
    yearGroup: a.yearGroup,
    type: a.type,
    plannedOn: a.plannedOn,
    gradeSet: a.gradeSetKey ?? null,
  });

  return {
    async listYears(actor: Actor) {
      requireRead(actor);
      const years = await repo.listYears(db, actor.trustId);
      const terms = await repo.listTerms(
        db,
        actor.trustId,
        years.map((y) => y.id),
      );
      return {
        years: years.map((y) =>
          yearFromRows(
            y,
            terms.filter((t) => t.academic_year_id === y.id),
          ),
        ),
      };
    },

    defaults(actor: Actor, label: string) {
      requireRead(actor);
      return { label, ...yearBounds(label), terms: defaultTerms(label) };
    },

    async get(actor: Actor, yearId: string) {
      requireRead(actor);
      return view(actor.trustId, yearId);
    },

    async createYear(actor: Actor, body: CreateYearBody) {
      requireManage(actor);
      const terms = body.terms ?? defaultTerms(body.label);
      checkTerms(body.label, terms);
      const id = await db.transaction().execute(async (tx) => {
        if (await repo.findYearByLabel(tx, actor.trustId, body.label))
          throw conflict(`The trust already has the academic year ${body.label}.`, { field: 'label' });
        const { id } = await repo.insertYear(tx, actor.trustId, {
          label: body.label,
          ...yearBounds(body.label),
        });
        await repo.replaceTerms(tx, actor.trustId, id, terms);
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'academic_year',
          entityId: id,
          changes: { label: body.label, terms },
        });
        return id;
      });
      return view(actor.trustId, id);
    },

    async updateYear(actor: Actor, yearId: string, body: UpdateYearBody) {
      await db.transaction().execute(async (tx) => {
        const y = await yearForWrite(tx, actor, yearId);
        if (y.version !== body.version) throw staleVersion();
        checkTerms(y.label, body.terms);
        const before = await repo.listTerms(tx, actor.trustId, [y.id]);
        if (!(await repo.bumpYear(tx, actor.trustId, y.id, body.version))) throw staleVersion();
        await repo.replaceTerms(tx, actor.trustId, y.id, body.terms);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'academic_year',
          entityId: y.id,
          changes: { terms: { from: before.map(termFromRow), to: body.terms } },
        });
      });
      return view(actor.trustId, yearId);
    },

    async addCollectionPoint(actor: Actor, yearId: string, body: CollectionPointBody) {
      await db.transaction().execute(async (tx) => {
        const y = await yearForWrite(tx, actor, yearId);
        insideYear(y, body.collectOn, 'collectOn');
        const row = {
          name: body.name,
          collectOn: body.collectOn,
          yearGroups: sortYearGroups(body.yearGroups),
        };
        const { id } = await repo.insertPoint(tx, actor.trustId, y.id, row);
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'collection_point',
          entityId: id,
          changes: { academicYear: y.label, ...row },
        });
      });
      return view(actor.trustId, yearId);
    },

    async updateCollectionPoint(actor: Actor, id: string, body: UpdateCollectionPointBody) {
      requireManage(actor);
      const yearId = await db.transaction().execute(async (tx) => {
        const p = await repo.findPoint(tx, actor.trustId, id);
        if (!p) throw notFound('Collection point');
        if (p.version !== body.version) throw staleVersion();
        const y = await yearForWrite(tx, actor, p.academic_year_id);
        const row = {
          name: body.name ?? p.name,
          collectOn: body.collectOn ?? p.collect_on,
          yearGroups: sortYearGroups(body.yearGroups ?? p.year_groups),
        };
        insideYear(y, row.collectOn, 'collectOn');
        const feeding = (await repo.listAssessments(tx, actor.trustId, y.id)).filter(
          (a) => a.collection_point_id === id,
        );
        const orphaned = feeding.filter((a) => !row.yearGroups.includes(a.year_group));
        if (orphaned.length)
          throw badRequest(
            `Assessments feed this collection point for ${sortYearGroups(orphaned.map((a) => a.year_group)).join(', ')}; keep those year groups or move the assessments first.`,
            { field: 'yearGroups' },
          );
        const late = feeding.filter((a) => a.planned_on > row.collectOn);
        if (late.length)
          throw badRequest(
            `${late[0]!.name} (${late[0]!.year_group}) is planned after that date; move it first.`,
            {
              field: 'collectOn',
            },
          );
        if (!(await repo.updatePoint(tx, actor.trustId, id, body.version, row))) throw staleVersion();
        await repo.linkImportedAssessments(tx, actor.trustId);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'collection_point',
          entityId: id,
          changes: {
            from: { name: p.name, collectOn: p.collect_on, yearGroups: p.year_groups },
            to: row,
          },
        });
        return y.id;
      });
      return view(actor.trustId, yearId);
    },

    async deleteCollectionPoint(actor: Actor, id: string, version: number) {
      requireManage(actor);
      const yearId = await db.transaction().execute(async (tx) => {
        const p = await repo.findPoint(tx, actor.trustId, id);
        if (!p) throw notFound('Collection point');
        if (p.version !== version || !(await repo.deletePoint(tx, actor.trustId, id, version)))
          throw staleVersion();
        await repo.linkImportedAssessments(tx, actor.trustId);
        await auditService.record(tx, actor, {
          action: 'delete',
          entityType: 'collection_point',
          entityId: id,
          changes: { name: p.name, collectOn: p.collect_on, yearGroups: p.year_groups },
        });
        return p.academic_year_id;
      });
      return view(actor.trustId, yearId);
    },

    async addAssessment(actor: Actor, yearId: string, body: PlannedAssessmentBody) {
      await db.transaction().execute(async (tx) => {
        const y = await yearForWrite(tx, actor, yearId);
        await checkAssessment(tx, actor, y, body);
        const row = assessmentRow(body);
        const { id } = await repo.insertAssessment(tx, actor.trustId, y.id, row);
        await repo.linkImportedAssessments(tx, actor.trustId);
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'planned_assessment',
          entityId: id,
          changes: { academicYear: y.label, ...row },
        });
      });
      return view(actor.trustId, yearId);
    },

    async updateAssessment(actor: Actor, id: string, body: UpdatePlannedAssessmentBody) {
      requireManage(actor);
      const yearId = await db.transaction().execute(async (tx) => {
        const a = await repo.findAssessment(tx, actor.trustId, id);
        if (!a) throw notFound('Planned assessment');
        if (a.version !== body.version) throw staleVersion();
        const y = await yearForWrite(tx, actor, a.academic_year_id);
        const { version, ...changes } = body;
        const merged: PlannedAssessmentBody = {
          name: a.name,
          subject: a.subject,
          yearGroup: a.year_group,
          type: a.assessment_type as PlannedAssessmentBody['type'],
          plannedOn: a.planned_on,
          collectionPointId: a.collection_point_id,
          gradeSetKey: a.grade_set,
          ...changes,
        };
        await checkAssessment(tx, actor, y, merged);
        if (!(await repo.updateAssessment(tx, actor.trustId, id, version, assessmentRow(merged))))
          throw staleVersion();
        await repo.linkImportedAssessments(tx, actor.trustId);
        await auditService.record(tx, actor, {
          action: 'update',
          entityType: 'planned_assessment',
          entityId: id,
          changes,
        });
        return y.id;
      });
      return view(actor.trustId, yearId);
    },

    async deleteAssessment(actor: Actor, id: string, version: number) {
      requireManage(actor);
      const yearId = await db.transaction().execute(async (tx) => {
        const a = await repo.findAssessment(tx, actor.trustId, id);
        if (!a) throw notFound('Planned assessment');
        if (a.version !== version || !(await repo.deleteAssessment(tx, actor.trustId, id, version)))
          throw staleVersion();
        await repo.linkImportedAssessments(tx, actor.trustId);
        await auditService.record(tx, actor, {
          action: 'delete',
          entityType: 'planned_assessment',
          entityId: id,
          changes: { name: a.name, subject: a.subject, yearGroup: a.year_group, plannedOn: a.planned_on },
        });
        return a.academic_year_id;
      });
      return view(actor.trustId, yearId);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
