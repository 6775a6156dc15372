import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type InterventionDetail,
  type InterventionStatus,
  type InterventionType,
  interventionStatusText,
  interventionTypeText,
} from '../../../shared/contracts/interventions';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { assessmentsQuery } from '../analysis/analysis.api';
import { OwnerSelect } from '../planning/OwnerSelect';
import { dateFieldError, todayIso } from '../planning/plan-dates';
import { schoolsQuery } from '../schools/schools.api';
import { useCreateIntervention, useEditIntervention } from './interventions.api';

const fields = [
  'schoolId',
  'name',
  'type',
  'status',
  'startsOn',
  'endsOn',
  'plannedSessions',
  'leadPersonId',
  'baselineAssessmentId',
  'outcomeAssessmentId',
  'notes',
] as const;
const options = <K extends string>(labels: Record<K, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label: label as string }));

type Props = {
  onClose: () => void;
  /** Editing this intervention; without it a new one is created. */
  intervention?: InterventionDetail;
  /** For a new intervention serving a plan priority. */
  priority?: { id: string; schoolId: string | null };
};

export function InterventionFormModal({ onClose, intervention: iv, priority }: Props) {
  const navigate = useNavigate();
  const create = useCreateIntervention();
  const edit = useEditIntervention(iv?.id ?? '');
  const schools = useQuery({ ...schoolsQuery, enabled: !iv });
  const assessments = useQuery(assessmentsQuery);
  const [formError, setFormError] = useState<string>();
  const form = useForm({
    initialValues: {
      schoolId: iv?.schoolId ?? priority?.schoolId ?? '',
      name: iv?.name ?? '',
      type: (iv?.type ?? 'tutoring') as string,
      status: (iv?.status ?? 'planned') as string,
      startsOn: formatDate(iv?.startsOn ?? todayIso()),
      endsOn: formatDate(iv?.endsOn),
      plannedSessions: (iv?.plannedSessions ?? 12) as number | string,
      leadPersonId: iv?.leadPersonId ?? '',
      baselineAssessmentId: iv?.baselineAssessmentId ?? '',
      outcomeAssessmentId: iv?.outcomeAssessmentId ?? '',
      matchedComparison: iv?.matchedComparison ?? true,
      notes: iv?.notes ?? '',
    },
    validate: {
      schoolId: (v) => (v ? null : 'Choose the school'),
      name: (v) => (v.trim() ? null : 'Give the intervention a name'),
      startsOn: (v) => dateFieldError(v, parseUkDate(v)),
      endsOn: (v) => (v.trim() ? dateFieldError(v, parseUkDate(v)) : null),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      priorityId: iv ? iv.priorityId : (priority?.id ?? null),
      name: v.name.trim(),
      type: v.type as InterventionType,
      status: v.status as InterventionStatus,
      startsOn: parseUkDate(v.startsOn) ?? '',
      endsOn: parseUkDate(v.endsOn) ?? null,
      plannedSessions: Number(v.plannedSessions) || 0,
      leadPersonId: v.leadPersonId || null,
      baselineAssessmentId: v.baselineAssessmentId || null,
      outcomeAssessmentId: v.outcomeAssessmentId || null,
      matchedComparison: v.matchedComparison,
      notes: v.notes.trim(),
    };
    const onError = (err: unknown) => setFormError(applyServerErrors(err, fields, form.setErrors));
    if (iv)
      edit.mutate(
        { ...body, version: iv.version },
        {
          onSuccess: () => {
            notifySuccess('Intervention saved.');
            onClose();
          },
          onError,
        },
      );
    else
      create.mutate(
        { ...body, schoolId: v.schoolId },
        {
          onSuccess: (created) => {
            notifySuccess('Intervention added. Now add its pupils.');
            navigate(`/plan/interventions/${created.id}`);
          },
          onError,
        },
      );
  });
  const assessmentOptions = (assessments.data ?? []).map((a) => ({
    value: a.id,
    label: `${a.name} (${a.academicYear}, ${a.collectionPoint})`,
  }));
  return (
    <Modal opened onClose={onClose} title={iv ? 'Edit intervention' : 'New intervention'} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {!iv && (
            <Select
              label="School"
              required
              data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              searchable
              {...form.getInputProps('schoolId')}
            />
          )}
          <TextInput label="Name" required data-autofocus maxLength={200} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              data={options(interventionTypeText)}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <Select
              label="Status"
              data={options(interventionStatusText)}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <TextInput
              label="Starts on"
              description="Day/month/year"
              required
              maxLength={10}
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              label="Ends on"
              description="Day/month/year, if known"
              maxLength={10}
              {...form.getInputProps('endsOn')}
            />
            <NumberInput
              label="Sessions planned"
              min={0}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('plannedSessions')}
            />
            <OwnerSelect
              label="Led by"
              schoolId={form.values.schoolId || null}
              clearable
              {...form.getInputProps('leadPersonId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Baseline assessment (before)"
              data={assessmentOptions}
              searchable
              clearable
              {...form.getInputProps('baselineAssessmentId')}
            />
            <Select
              label="Outcome assessment (after)"
              data={assessmentOptions}
              searchable
              clearable
              {...form.getInputProps('outcomeAssessmentId')}
            />
          </SimpleGrid>
          <Switch
            label="Compare with similar pupils (matched on baseline and disadvantage)"
            description="Otherwise every other pupil in the year group is the comparison."
            {...form.getInputProps('matchedComparison', { type: 'checkbox' })}
          />
          <Textarea label="Notes" autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || edit.isPending}>
              {iv ? 'Save' : 'Add intervention'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
