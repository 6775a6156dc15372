import type { Person, RoleAssignment } from '../../../shared/contracts/people';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { notifySuccess } from '../../app/notify';
import { InvitePersonModal } from './InvitePersonModal';
import { useArchivePerson, useRemoveRole } from './people.api';
import { describeRole } from './role-text';

export type PeopleDialog =
  | { kind: 'invite' }
  | { kind: 'assign'; person: Person; schoolId?: string; justInvited?: boolean }
  | { kind: 'remove-role'; person: Person; assignment: RoleAssignment }
  | { kind: 'archive'; person: Person }
  | undefined;

type Props = { dialog: PeopleDialog; onChange: (next: PeopleDialog) => void };

/** The invite form and the confirmations of the people page; assigning a role has its own modal. */
export function PeopleDialogs({ dialog, onChange }: Props) {
  const removeRole = useRemoveRole();
  const archive = useArchivePerson();
  const close = () => {
    removeRole.reset();
    archive.reset();
    onChange(undefined);
  };

  if (dialog?.kind === 'invite') {
    return (
      <InvitePersonModal
        onClose={close}
        // Straight on to giving the new person a role, so they can see their school when they sign in.
        onInvited={(person, schoolId) => onChange({ kind: 'assign', person, schoolId, justInvited: true })}
      />
    );
  }
  if (dialog?.kind === 'remove-role') {
    const { person, assignment } = dialog;
    return (
      <ConfirmDialog
        opened
        onClose={close}
        title="Remove this role?"
        confirmLabel="Remove role"
        loading={removeRole.isPending}
        error={removeRole.error}
        onConfirm={() =>
          removeRole.mutate(assignment.id, {
            onSuccess: () => {
              notifySuccess(`Removed ${describeRole(assignment)} from ${person.name}.`);
              close();
            },
          })
        }
      >
        {person.name} will no longer be {describeRole(assignment).toLowerCase()}. You can give the role again
        at any time.
      </ConfirmDialog>
    );
  }
  if (dialog?.kind === 'archive') {
    const { person } = dialog;
    return (
      <ConfirmDialog
        opened
        onClose={close}
        title={`Archive ${person.name}?`}
        confirmLabel="Archive person"
        loading={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archive.mutate(person, {
            onSuccess: () => {
              notifySuccess(`${person.name} archived.`);
              close();
            },
          })
        }
      >
        They will no longer be able to sign in. Their name stays on the records they worked on, and their
        history is kept.
      </ConfirmDialog>
    );
  }
  return null;
}
