import type { InterventionDetail } from '../../../shared/contracts/interventions';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import { badRequest, notFound } from '../../platform/errors';
import { inGroupOn } from './attendance';
import type { InterventionRow } from './interventions.repository';
import { interventionsRepository as repo } from './interventions.repository';
import { parseUpnList, type RejectedRow } from './upn-list';

type Change = (
  actor: Actor,
  id: string,
  version: number,
  audit: { action: string; changes: object },
  fn: (tx: Db, row: InterventionRow) => Promise<void>,
) => Promise<InterventionDetail>;
type Deps = {
  load: (actor: Actor, id: string, action: 'intervention.write') => Promise<InterventionRow>;
  change: Change;
};

/** Who is in an intervention (picked or from a CSV of UPNs) and their attendance at its sessions. */
export function createMembershipService(db: Db, { load, change }: Deps) {
  // Unless told otherwise pupils join on the start day: registers are often filled in after the
  // programme began, and a late joiner's date can be corrected on their row.
  const joinDay = (startsOn: string) => startsOn;

  return {
    async addPupils(
      actor: Actor,
      id: string,
      body: { version: number; pupilIds: string[]; joinedOn?: string | undefined },
    ) {
      const row = await load(actor, id, 'intervention.write');
      const ids = [...new Set(body.pupilIds)];
      const found = await repo.pupilsByIds(db, actor.trustId, ids);
      if (found.length !== ids.length || found.some((p) => p.school_id !== row.school_id))
        throw badRequest("Choose pupils from the intervention's school.", { field: 'pupilIds' });
      const members = new Set((await repo.members(db, actor.trustId, id)).map((m) => m.id));
      if (ids.some((p) => members.has(p)))
        throw badRequest('Some of these pupils are already in the intervention.', { field: 'pupilIds' });
      const joinedOn = body.joinedOn ?? joinDay(row.starts_on);
      return change(
        actor,
        id,
        body.version,
        { action: 'add_pupils', changes: { added: ids.length, joinedOn } },
        (tx) => repo.insertMembers(tx, actor.trustId, id, ids, joinedOn),
      );
    },

    /** All or nothing: one bad row and no pupil is added; every bad row is explained. */
    async addPupilsFromUpns(
      actor: Actor,
      id: string,
      body: { version: number; csv: string; joinedOn?: string | undefined },
    ) {
      const row = await load(actor, id, 'intervention.write');
      const { rows, rejected } = parseUpnList(body.csv);
      const found = new Map(
        (
          await repo.pupilsByUpns(
            db,
            actor.trustId,
            rows.map((r) => r.upn),
          )
        ).map((p) => [p.upn ?? '', p]),
      );
      const members = new Set((await repo.members(db, actor.trustId, id)).map((m) => m.id));
      const more: RejectedRow[] = [];
      for (const r of rows) {
        const pupil = found.get(r.upn);
        const reject = (reason: string) => more.push({ row: r.row, column: 'UPN', value: r.upn, reason });
        // A pupil of another trust reads as unknown, so the file reveals nothing about other trusts.
        if (!pupil) reject('No pupil in the trust has this UPN.');
        else if (pupil.school_id !== row.school_id)
          reject("This pupil is not on the intervention's school roll.");
        else if (members.has(pupil.id)) reject('This pupil is already in the intervention.');
      }
      const all = [...rejected, ...more].sort((a, b) => a.row - b.row);
      if (all.length)
        throw badRequest(
          `${all.length} row${all.length === 1 ? '' : 's'} could not be used, so no pupils were added. Correct the file and upload it again.`,
          { rejected: all },
        );
      const ids = rows.map((r) => found.get(r.upn)!.id);
      const joinedOn = body.joinedOn ?? joinDay(row.starts_on);
      return change(
        actor,
        id,
        body.version,
        { action: 'add_pupils_from_upns', changes: { added: ids.length, joinedOn } },
        (tx) => repo.insertMembers(tx, actor.trustId, id, ids, joinedOn),
      );
    },

    async editMembership(
      actor: Actor,
      id: string,
      pupilId: string,
      body: { version: number; joinedOn: string; leftOn: string | null },
    ) {
      return change(
        actor,
        id,
        body.version,
        { action: 'edit_pupil', changes: { pupilId, joinedOn: body.joinedOn, leftOn: body.leftOn } },
        async (tx) => {
          if (!(await repo.updateMember(tx, actor.trustId, id, pupilId, body))) throw notFound('Pupil');
        },
      );
    },

    async removeMember(actor: Actor, id: string, pupilId: string, version: number) {
      return change(actor, id, version, { action: 'remove_pupil', changes: { pupilId } }, async (tx) => {
        if (!(await repo.removeMember(tx, actor.trustId, id, pupilId))) throw notFound('Pupil');
      });
    },

    /** Marks every pupil in the group on the day: present if listed, absent otherwise. */
    async recordSession(
      actor: Actor,
      id: string,
      body: { version: number; heldOn: string; attendedPupilIds: string[] },
    ) {
      await load(actor, id, 'intervention.write');
      const members = await repo.members(db, actor.trustId, id);
      const inGroup = members.filter((m) =>
        inGroupOn({ pupilId: m.id, joinedOn: m.joined_on, leftOn: m.left_on }, body.heldOn),
      );
      const present = new Set(body.attendedPupilIds);
      const known = new Set(inGroup.map((m) => m.id));
      if ([...present].some((p) => !known.has(p)))
        throw badRequest('Mark only pupils who were in the group on that day.', {
          field: 'attendedPupilIds',
        });
      const marks = inGroup.map((m) => ({ pupilId: m.id, attended: present.has(m.id) }));
      return change(
        actor,
        id,
        body.version,
        {
          action: 'record_session',
          changes: { heldOn: body.heldOn, present: present.size, of: marks.length },
        },
        async (tx) => {
          await repo.recordSession(tx, actor.trustId, id, body.heldOn, marks);
        },
      );
    },

    async deleteSession(actor: Actor, id: string, sessionId: string, version: number) {
      return change(actor, id, version, { action: 'delete_session', changes: { sessionId } }, async (tx) => {
        if (!(await repo.deleteSession(tx, actor.trustId, id, sessionId))) throw notFound('Session');
      });
    },
  };
}
