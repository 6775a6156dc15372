import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  checkMethodLabels,
  type ImpactCheck,
  type Priority,
  type RecordCheckBody,
} from '../../../shared/contracts/planning';
import { formatDate, parseUkDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { dateFieldError, todayIso } from './plan-dates';
import { useRecordCheck } from './planning.api';
import { ragText, responseText, withUnit } from './planning-text';

type Rag = RecordCheckBody['rag'];
type Decision = RecordCheckBody['response'];

const fields = [
  'recordedOn',
  'findings',
  'rag',
  'response',
  'responseDetail',
  'deimplementation.evidence',
  'deimplementation.timeFreed',
  'deimplementation.moneyFreed',
] as const;

const detailLabel: Record<Decision, { label: string; description: string }> = {
  continue: { label: 'Anything to add', description: 'Optional' },
  adapt: { label: 'What will change', description: 'Required: what you will do differently, and why' },
  stop: { label: 'Why it is stopping', description: 'Required: what the check showed' },
  scale: { label: 'Where it will go next', description: 'Optional: more classes, subjects or schools' },
};

type Props = { planId: string; priority: Priority; check: ImpactCheck; onClose: () => void };

export function RecordCheckModal({ planId, priority, check, onClose }: Props) {
  const record = useRecordCheck(planId);
  const [formError, setFormError] = useState<string>();
  const outcomes = priority.outcomes.filter((o) => check.outcomeIds.includes(o.id));
  const form = useForm({
    initialValues: {
      recordedOn: formatDate(todayIso()),
      values: Object.fromEntries(outcomes.map((o) => [o.id, ''])) as Record<string, string>,
      findings: '',
      rag: '' as Rag | '',
      response: '' as Decision | '',
      responseDetail: '',
      deimplementation: { evidence: '', timeFreed: '', moneyFreed: '' },
    },
    validate: (v) => ({
      recordedOn: dateFieldError(v.recordedOn, parseUkDate(v.recordedOn)),
      findings: v.findings.trim() ? null : 'Say what the check found',
      rag: v.rag ? null : 'Choose red, amber or green',
      response: v.response ? null : 'Choose what happens next',
      responseDetail:
        (v.response === 'adapt' || v.response === 'stop') && !v.responseDetail.trim()
          ? v.response === 'adapt'
            ? 'Say what will change'
            : 'Say why it is being stopped'
          : null,
      ...Object.fromEntries(
        outcomes.map((o) => {
          const value = v.values[o.id] ?? '';
          const error =
            value.trim() && o.numeric && !Number.isFinite(Number(value))
              ? 'Enter a number, or leave it blank'
              : null;
          return [`values.${o.id}`, error];
        }),
      ),
    }),
  });
  const decision = form.values.response;

  const submit = form.onSubmit((v) => {
    setFormError(undefined);
    if (!v.rag || !v.response) return;
    record.mutate(
      {
        checkId: check.id,
        version: check.version,
        recordedOn: parseUkDate(v.recordedOn) ?? '',
        findings: v.findings.trim(),
        values: outcomes
          .map((o) => ({ outcomeId: o.id, value: (v.values[o.id] ?? '').trim() }))
          .filter((x) => x.value !== ''),
        rag: v.rag,
        response: v.response,
        responseDetail: v.responseDetail.trim(),
        deimplementation: v.response === 'stop' ? v.deimplementation : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(
            v.response === 'stop'
              ? 'Check recorded. The priority is stopped and listed with the trust’s stopped initiatives.'
              : 'Check recorded.',
          );
          onClose();
        },
        onError: (err) => setFormError(applyServerErrors(err, fields, form.setErrors)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title="Record an impact check" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {checkMethodLabels[check.method]} for “{priority.title}”, due {formatDate(check.dueOn)}.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Carried out on"
            description="Day/month/year"
            placeholder="dd/mm/yyyy"
            required
            inputMode="numeric"
            maxLength={10}
            w={{ base: '100%', sm: 220 }}
            data-autofocus
            {...form.getInputProps('recordedOn')}
          />
          {outcomes.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {outcomes.map((o) => (
                <TextInput
                  key={o.id}
                  label={`${o.measure}${o.unit ? ` (${o.unit})` : ''}`}
                  description={`Baseline ${withUnit(o.baselineValue, o.unit)}, target ${withUnit(o.targetValue, o.unit)}. Leave blank if not measured.`}
                  inputMode={o.numeric ? 'decimal' : 'text'}
                  maxLength={50}
                  {...form.getInputProps(`values.${o.id}`)}
                />
              ))}
            </SimpleGrid>
          )}
          <Textarea
            label="What the check found"
            required
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('findings')}
          />
          <Radio.Group label="How is it going" required {...form.getInputProps('rag')}>
            <Stack gap="xs" mt="xs">
              {(Object.keys(ragText) as Rag[]).map((r) => (
                <Radio key={r} value={r} label={ragText[r].label} description={ragText[r].meaning} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label="What happens next" required {...form.getInputProps('response')}>
            <Stack gap="xs" mt="xs">
              {(Object.keys(responseText) as Decision[]).map((r) => (
                <Radio
                  key={r}
                  value={r}
                  label={responseText[r].label}
                  description={responseText[r].meaning}
                />
              ))}
            </Stack>
          </Radio.Group>
          {decision && (
            <Textarea
              label={detailLabel[decision].label}
              description={detailLabel[decision].description}
              required={decision === 'adapt' || decision === 'stop'}
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('responseDetail')}
            />
          )}
          {decision === 'stop' && (
            <Alert color="blue" title="Stopping de-implements this priority">
              <Stack gap="sm">
                <Text size="sm">
                  The priority will be marked as stopped and no further checks will be due. It is added to the
                  trust’s list of stopped initiatives, so the time and money it frees can go to something that
                  works better.
                </Text>
                <Textarea
                  label="Evidence for stopping"
                  description="Optional: if blank, the findings above are used"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  {...form.getInputProps('deimplementation.evidence')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput
                    label="Time freed"
                    description="Optional, for example 1 hour a week per teacher"
                    maxLength={200}
                    {...form.getInputProps('deimplementation.timeFreed')}
                  />
                  <TextInput
                    label="Money freed"
                    description="Optional, for example £2,400 a year"
                    maxLength={200}
                    {...form.getInputProps('deimplementation.moneyFreed')}
                  />
                </SimpleGrid>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending} color={decision === 'stop' ? 'red' : undefined}>
              {decision === 'stop' ? 'Record and stop the priority' : 'Record check'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
