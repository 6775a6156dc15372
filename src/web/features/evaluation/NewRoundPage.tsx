import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ToolSummary } from '../../../shared/contracts/frameworks';
import type { School } from '../../../shared/contracts/org';
import type { Person } from '../../../shared/contracts/people';
import { Crumbs } from '../../app/Crumbs';
import { plural } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { peopleQuery } from '../admin/people.api';
import { usePermissions } from '../auth/permissions';
import { toolsQuery } from '../frameworks/frameworks.api';
import { StarterLibraryButton } from '../frameworks/ToolLibraryPage';
import { schoolsQuery } from '../schools/schools.api';
import { roundsQuery, useCreateRound } from './evaluation.api';
import { completedByLabels, cycleLabels } from './evaluation-text';
import { initialRoundValues, type RoundFormValues, toRoundBody, validateRound } from './round-form';
import { SchoolLiaisonTable } from './SchoolLiaisonTable';

const cycleOptions = Object.entries(cycleLabels).map(([value, label]) => ({ value, label }));

type FormProps = { tools: ToolSummary[]; schools: School[]; people: Person[]; roundNames: string[] };

function NewRoundForm({ tools, schools, people, roundNames }: FormProps) {
  const navigate = useNavigate();
  const create = useCreateRound();
  const [formError, setFormError] = useState<string>();
  const form = useForm<RoundFormValues>({
    initialValues: initialRoundValues(
      schools.map((s) => s.id),
      roundNames,
    ),
    validate: (values) => validateRound(values, tools),
  });
  const liaisonOptions = people
    .filter((p) => p.status !== 'archived' && p.roles.some((r) => r.role === 'improvement_lead'))
    .map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name }));
  const chosenTools = tools.filter((t) => form.values.toolVersionIds.includes(t.versionId));
  const hasTrustTool = chosenTools.some((t) => t.completedBy === 'trust');

  const submit = form.onSubmit((values) => {
    setFormError(undefined);
    create.mutate(toRoundBody(values), {
      onSuccess: (round) => {
        notifySuccess(
          `${round.name} is open, with ${plural(round.subjects.length, 'evaluation')} to complete.`,
        );
        navigate(`/evaluate/rounds/${round.id}`);
      },
      onError: (err) =>
        setFormError(
          applyServerErrors(
            err,
            ['name', 'opensOn', 'closesOn', 'toolVersionIds', 'schools'],
            form.setErrors,
          ),
        ),
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Start a round">
      <Stack gap="lg">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Paper p="lg" component="section" aria-labelledby="round-heading">
          <Title order={2} fz="lg" id="round-heading" mb="sm">
            The round
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
            <Select
              label="How often"
              description="The next round is suggested on this cycle"
              data={cycleOptions}
              allowDeselect={false}
              {...form.getInputProps('cycle')}
            />
            <TextInput
              label="Opens on"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              maxLength={10}
              required
              {...form.getInputProps('opensOn')}
            />
            <TextInput
              label="Closes on"
              description="Schools should have submitted by this date"
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              maxLength={10}
              required
              {...form.getInputProps('closesOn')}
            />
          </SimpleGrid>
        </Paper>
        <Paper p="lg">
          <Checkbox.Group
            label={
              <Title order={2} fz="lg" component="span">
                Tools
              </Title>
            }
            description="Schools judge themselves against every statement of the tools you choose"
            {...form.getInputProps('toolVersionIds')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              {tools.map((t) => (
                <Checkbox.Card key={t.versionId} value={t.versionId} p="sm" radius="md">
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Checkbox.Indicator mt={2} />
                    <div>
                      <Text fw={600}>{t.name}</Text>
                      <Text size="sm" c="dimmed">
                        {completedByLabels[t.completedBy]} · {plural(t.statementCount, 'statement')} · version{' '}
                        {t.version}
                      </Text>
                    </div>
                  </Group>
                </Checkbox.Card>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Paper>
        <Paper p="lg" component="section" aria-labelledby="schools-heading">
          <Title order={2} fz="lg" id="schools-heading" mb={4}>
            Schools and liaisons
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Each school’s liaison reviews its self-evaluation and agrees the judgements with the school.
          </Text>
          <SchoolLiaisonTable form={form} schools={schools} liaisonOptions={liaisonOptions} />
        </Paper>
        {hasTrustTool && (
          <Paper p="lg">
            <Select
              label="Liaison for the trust’s own evaluation"
              description="Agrees the judgements of tools the trust completes once"
              placeholder="No liaison yet"
              data={liaisonOptions}
              clearable
              maw={420}
              {...form.getInputProps('trustLiaisonPersonId')}
            />
          </Paper>
        )}
        <Group justify="flex-end" gap="sm">
          <Button component={Link} to="/evaluate" variant="default">
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Start the round
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewRoundPage() {
  const permissions = usePermissions();
  const tools = useQuery(toolsQuery);
  const schools = useQuery(schoolsQuery);
  const people = useQuery({ ...peopleQuery(undefined), enabled: permissions.canListAllPeople });
  const rounds = useQuery(roundsQuery);
  const error = tools.error ?? schools.error ?? people.error;
  const activeTools = tools.data?.filter((t) => t.status === 'active');

  return (
    <>
      <PageHeader
        above={<Crumbs items={[{ label: 'Self-evaluation', to: '/evaluate' }, { label: 'Start a round' }]} />}
        title="Start a round"
        description="Choose what schools will evaluate, when, and who agrees each school’s judgements."
      />
      {!permissions.canManageRounds ? (
        <Alert color="blue" title="Rounds are started by the trust">
          Only trust administrators and trust-wide improvement leads can start a round. Your school’s
          evaluations appear under Self-evaluation once a round is open.
        </Alert>
      ) : error ? (
        <ErrorState error={error} />
      ) : !activeTools || !schools.data || (permissions.canListAllPeople && !people.data) ? (
        <PageLoader label="Loading tools and schools…" />
      ) : activeTools.length === 0 ? (
        <Paper p="xl">
          <Stack align="flex-start">
            <Text>
              A round needs at least one evaluation tool. Add the starter library, or import your own tools in
              the tool library.
            </Text>
            <Group>
              <StarterLibraryButton />
              <Button component={Link} to="/evaluate/tools" variant="default">
                Open the tool library
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <NewRoundForm
          tools={activeTools}
          schools={schools.data.filter((s) => s.status !== 'archived')}
          people={people.data ?? []}
          roundNames={rounds.data?.map((r) => r.name) ?? []}
        />
      )}
    </>
  );
}
