import type { MeetingBody } from '../../../shared/contracts/planning';
import { type Actor, systemActor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail/mailer';
import { auditService } from '../audit/audit.service';
import { orgRepository } from '../org/org.repository';
import { peopleRepository } from '../people/people.repository';
import type { Clock } from '../planning/planning.service';
import type { PlanningViews } from '../planning/planning-views.service';
import { todayOf } from '../planning/schedule';
import { composeDigest } from './digest';
import { monitoringRepository as repo } from './monitoring.repository';

/** Meeting logs against agenda items, and the daily digest. */
export function createMonitoringService(
  db: Db,
  deps: { views: PlanningViews; mailer: Mailer; config: Config; clock: Clock },
) {
  /** The person themselves, or someone who may read their record (their line manager's roles). */
  async function requireAbout(actor: Actor, personId: string): Promise<void> {
    const person = await peopleRepository.findPerson(db, actor.trustId, personId);
    if (!person) throw notFound('Person');
    if (personId === actor.personId || can(actor, 'person.read', { trustId: actor.trustId })) return;
    const roles = await peopleRepository.listAssignments(db, actor.trustId, [personId]);
    if (
      !roles.some(
        (r) => r.school_id && can(actor, 'person.read', { trustId: actor.trustId, schoolId: r.school_id }),
      )
    )
      throw forbidden();
  }

  return {
    async recordMeeting(actor: Actor, personId: string, body: MeetingBody) {
      await requireAbout(actor, personId);
      if (body.schoolId && !(await orgRepository.findSchool(db, actor.trustId, body.schoolId)))
        throw badRequest('Choose a school of this trust.', { field: 'schoolId' });
      const id = await db.transaction().execute(async (tx) => {
        const { id } = await repo.insertMeeting(tx, {
          trustId: actor.trustId,
          personId,
          kind: body.kind,
          schoolId: body.schoolId ?? null,
          heldOn: body.heldOn,
          notes: body.notes,
          actionsAgreed: body.actionsAgreed,
          nextOn: body.nextOn ?? null,
          createdBy: actor.via === 'system' ? null : actor.personId,
        });
        await repo.insertItems(
          tx,
          actor.trustId,
          id,
          body.items.map((i) => ({ ...i, itemId: i.itemId ?? null })),
        );
        await auditService.record(tx, actor, {
          action: 'create',
          entityType: 'meeting',
          entityId: id,
          changes: { personId, heldOn: body.heldOn, items: body.items.length },
        });
        return id;
      });
      return (await this.meetings(actor, personId)).find((m) => m.id === id)!;
    },

    async meetings(actor: Actor, personId: string) {
      await requireAbout(actor, personId);
      const rows = await repo.listMeetings(db, actor.trustId, personId);
      const items = await repo.listItems(
        db,
        actor.trustId,
        rows.map((r) => r.id),
      );
      return rows.map((m) => ({
        id: m.id,
        personId: m.person_id,
        kind: m.kind as 'line_management' | 'liaison',
        schoolId: m.school_id,
        heldOn: m.held_on,
        notes: m.notes,
        actionsAgreed: m.actions_agreed,
        nextOn: m.next_on,
        createdByName: m.created_by_name,
        items: items
          .filter((i) => i.meeting_id === m.id)
          .map((i) => ({
            kind: i.item_kind,
            itemId: i.item_id,
            title: i.title,
            note: i.note,
            decision: i.decision,
          })),
      }));
    },

    async preferences(actor: Actor) {
      return { digestEnabled: await repo.digestEnabled(db, actor.trustId, actor.personId) };
    },

    async setPreferences(actor: Actor, digestEnabled: boolean) {
      await repo.setDigestEnabled(db, actor.trustId, actor.personId, digestEnabled);
      return { digestEnabled };
    },

    /** The digest a person would get today, or null when nothing is due. */
    async composeFor(trustId: string, personId: string) {
      const person = await peopleRepository.findPerson(db, trustId, personId);
      if (!person) throw notFound('Person');
      const agenda = await deps.views.agenda(systemActor(trustId), personId);
      return composeDigest(person.name, agenda, deps.config.appUrl);
    },

    /** Sends today's digests to everyone who wants one and has not had it; safe to call hourly. */
    async sendDueDigests(): Promise<{ sent: number; skipped: number }> {
      const today = todayOf(deps.clock());
      let sent = 0;
      let skipped = 0;
      for (const p of await repo.digestRecipients(db, today)) {
        const mail = await this.composeFor(p.trust_id, p.id);
        if (mail) {
          await deps.mailer.send({ to: p.email, ...mail });
          sent++;
        } else skipped++;
        await repo.markDigestSent(db, p.id, today);
      }
      return { sent, skipped };
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
