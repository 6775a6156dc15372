import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { invitePersonBody, type Person } from '../../../shared/contracts/people';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { usePermissions } from '../auth/permissions';
import { schoolsQuery } from '../schools/schools.api';
import { useInvitePerson } from './people.api';

type Props = { onClose: () => void; onInvited: (person: Person, schoolId: string | undefined) => void };

const issue = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message ?? null;

export function InvitePersonModal({ onClose, onInvited }: Props) {
  const permissions = usePermissions();
  const invite = useInvitePerson();
  const schools = useQuery(schoolsQuery);
  const [formError, setFormError] = useState<string>();
  // School leaders invite into their own school; trust administrators may invite anyone.
  const needsSchool = permissions.peopleSchools !== 'all';
  const schoolOptions = (schools.data ?? [])
    .filter((s) => permissions.peopleSchools === 'all' || permissions.peopleSchools.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const onlySchool =
    needsSchool && permissions.peopleSchools.length === 1 ? permissions.peopleSchools[0] : undefined;
  const form = useForm({
    initialValues: { name: '', email: '', jobTitle: '', schoolId: onlySchool ?? '' },
    validate: {
      name: (v) => (v.trim() ? issue(invitePersonBody.shape.name.safeParse(v)) : 'Enter their full name'),
      email: (v) =>
        v.trim() ? issue(invitePersonBody.shape.email.safeParse(v)) : 'Enter their email address',
      schoolId: (v) => (needsSchool && !v ? 'Choose the school they work at' : null),
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    const schoolId = needsSchool ? v.schoolId : undefined;
    invite.mutate(
      { name: v.name.trim(), email: v.email.trim(), jobTitle: v.jobTitle.trim(), schoolId },
      {
        onSuccess: (person) => {
          notifySuccess(`Invitation sent to ${person.email}.`);
          onInvited(person, schoolId);
        },
        onError: (err) =>
          setFormError(applyServerErrors(err, ['name', 'email', 'jobTitle', 'schoolId'], form.setErrors)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title="Invite a person" centered size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            They will get an email with a link to set their password. Next, you can give them a role.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Full name"
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Email address"
            type="email"
            required
            maxLength={254}
            {...form.getInputProps('email')}
          />
          <TextInput
            label="Job title"
            description="Optional, for example Head of Maths"
            maxLength={200}
            {...form.getInputProps('jobTitle')}
          />
          {needsSchool && (
            <Select
              label="School"
              required
              data={schoolOptions}
              allowDeselect={false}
              {...form.getInputProps('schoolId')}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
