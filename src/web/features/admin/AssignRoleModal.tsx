import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people';
import { roleLabels } from '../../../shared/contracts/roles';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { usePermissions } from '../auth/permissions';
import { departmentsQuery, schoolsQuery } from '../schools/schools.api';
import { useAssignRole } from './people.api';
import { assignableRoles, isRole, scopeRules, WHOLE_SCHOOL, WHOLE_TRUST } from './role-scope';
import { describeRole, roleHelp } from './role-text';

type Props = { person: Person; initialSchoolId?: string; justInvited?: boolean; onClose: () => void };

export function AssignRoleModal({ person, initialSchoolId, justInvited, onClose }: Props) {
  const permissions = usePermissions();
  const assign = useAssignRole();
  const [formError, setFormError] = useState<string>();
  const form = useForm({ initialValues: { role: '', schoolId: '', departmentId: '' } });
  const { role, schoolId, departmentId } = form.getValues();
  const chosenRole = isRole(role) ? role : undefined;
  const rules = scopeRules(chosenRole, permissions);

  const schools = useQuery(schoolsQuery);
  const schoolOptions = (schools.data ?? [])
    .filter((s) => s.status !== 'archived')
    .filter((s) => permissions.peopleSchools === 'all' || permissions.peopleSchools.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const atSchool = schoolId !== '' && schoolId !== WHOLE_TRUST;
  const departments = useQuery({ ...departmentsQuery(schoolId), enabled: rules.showDepartment && atSchool });
  const departmentOptions = (departments.data ?? [])
    .filter((d) => d.status === 'active')
    .map((d) => ({ value: d.id, label: d.name }));

  const chooseRole = (value: string | null) => {
    const next = value && isRole(value) ? scopeRules(value, permissions) : undefined;
    const onlySchool = schoolOptions.length === 1 ? schoolOptions[0]?.value : undefined;
    const school = next?.allowTrust ? WHOLE_TRUST : (initialSchoolId ?? onlySchool ?? '');
    form.setValues({
      role: value ?? '',
      schoolId: school,
      departmentId: next?.departmentRequired ? '' : WHOLE_SCHOOL,
    });
    form.clearErrors();
  };

  const submit = form.onSubmit(() => {
    const errors: Record<string, string> = {};
    if (!chosenRole) errors.role = 'Choose a role';
    if (rules.showSchool && !schoolId) errors.schoolId = 'Choose a school';
    if (rules.showDepartment && atSchool && rules.departmentRequired && !departmentId) {
      errors.departmentId = 'Choose a department';
    }
    if (!chosenRole || Object.keys(errors).length > 0) return form.setErrors(errors);
    setFormError(undefined);
    const body = {
      personId: person.id,
      role: chosenRole,
      schoolId: rules.showSchool && atSchool ? schoolId : undefined,
      departmentId:
        rules.showDepartment && atSchool && departmentId !== WHOLE_SCHOOL ? departmentId : undefined,
    };
    assign.mutate(body, {
      onSuccess: (updated) => {
        const added = updated.roles.find((r) => !person.roles.some((old) => old.id === r.id));
        notifySuccess(`${person.name} is now ${added ? describeRole(added) : roleLabels[chosenRole]}.`);
        onClose();
      },
      onError: (err) =>
        setFormError(applyServerErrors(err, ['role', 'schoolId', 'departmentId'], form.setErrors)),
    });
  });

  return (
    <Modal opened onClose={onClose} title={`Assign a role to ${person.name}`} centered size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {justInvited && (
            <Text size="sm">
              {person.name} has been invited. Give them a role now so they see the right school when they
              first sign in, or do it later from this page.
            </Text>
          )}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Select
            label="Role"
            placeholder="Choose a role"
            data={assignableRoles(permissions).map((r) => ({ value: r, label: roleLabels[r] }))}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('role')}
            onChange={chooseRole}
            description={chosenRole ? roleHelp[chosenRole] : 'A role decides what they can see and change.'}
          />
          {rules.showSchool && (
            <Select
              label="Where"
              placeholder="Choose a school"
              data={
                rules.allowTrust
                  ? [{ value: WHOLE_TRUST, label: 'The whole trust' }, ...schoolOptions]
                  : schoolOptions
              }
              allowDeselect={false}
              searchable
              nothingFoundMessage="No school has that name"
              {...form.getInputProps('schoolId')}
              onChange={(v) =>
                form.setValues({
                  schoolId: v ?? '',
                  departmentId: rules.departmentRequired ? '' : WHOLE_SCHOOL,
                })
              }
            />
          )}
          {rules.showDepartment && atSchool && (
            <Select
              label="Department"
              placeholder={departments.isPending ? 'Loading departments…' : 'Choose a department'}
              data={
                rules.departmentRequired
                  ? departmentOptions
                  : [{ value: WHOLE_SCHOOL, label: 'The whole school' }, ...departmentOptions]
              }
              allowDeselect={false}
              nothingFoundMessage="This school has no departments yet"
              {...form.getInputProps('departmentId')}
            />
          )}
          {chosenRole && !rules.showSchool && (
            <Text size="sm" c="dimmed">
              This role covers the whole trust.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={assign.isPending}>
              Assign role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
