import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type CaseStudy,
  type ImpactMeasure,
  measureKindLabels,
  measureKinds,
  type UpdateCaseStudyBody,
} from '../../../shared/contracts/library';
import { type Phase, phaseLabels, phases } from '../../../shared/contracts/planning';
import { ApiError, messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { componentsQuery } from '../frameworks/frameworks.api';
import { caseStudyQuery, useUpdateCaseStudy } from './library.api';

type Draft = Omit<UpdateCaseStudyBody, 'version'> & {
  eefNotes: Record<Phase, string>;
  impact: ImpactMeasure[];
  contacts: { name: string; role: string; email: string }[];
};

const draftOf = (c: CaseStudy): Draft => ({
  title: c.title,
  schoolCount: c.schoolCount,
  region: c.region,
  phase: c.phase,
  demographics: c.demographics,
  problem: c.problem,
  approach: c.approach,
  eefNotes: Object.fromEntries(
    phases.map((p) => [p, c.eefPhases.find((e) => e.phase === p)?.summary ?? '']),
  ) as Record<Phase, string>,
  impact: c.impact,
  lessons: c.lessons,
  doDifferently: c.doDifferently,
  contacts: c.contacts,
  componentCodes: c.components.map((x) => x.code),
  visibility: c.visibility,
});

const emptyMeasure: ImpactMeasure = {
  kind: 'attainment',
  measure: '',
  group: 'All pupils',
  unit: '',
  before: '',
  beforeOn: null,
  after: '',
  afterOn: null,
  target: null,
  source: '',
};

function Editor({ c }: { c: CaseStudy }) {
  const navigate = useNavigate();
  const components = useQuery(componentsQuery);
  const save = useUpdateCaseStudy(c.id);
  const [d, setD] = useState<Draft>(() => draftOf(c));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const setMeasure = (i: number, patch: Partial<ImpactMeasure>) =>
    set(
      'impact',
      d.impact.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  const setContact = (i: number, patch: Partial<Draft['contacts'][number]>) =>
    set(
      'contacts',
      d.contacts.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  const demographics = d.demographics!;
  const setFigure = (key: keyof typeof demographics, v: string | number) =>
    set('demographics', { ...demographics, [key]: v === '' ? null : Number(v) });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { eefNotes, ...rest } = d;
    // Awaited rather than a mutate callback, so it still runs when the refreshed case study re-renders the form.
    save
      .mutateAsync({
        ...rest,
        version: c.version,
        eefPhases: phases.filter((p) => eefNotes[p].trim()).map((p) => ({ phase: p, summary: eefNotes[p] })),
        impact: d.impact.map((m) => ({ ...m, target: m.target || null })),
      })
      .then(() => {
        notifySuccess('Case study saved');
        navigate(`/learn/case-studies/${c.id}`);
      })
      .catch(() => {
        // Shown below the form from save.error.
      });
  };
  const err = save.error instanceof ApiError ? save.error : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={900}>
        <Paper p="lg">
          <Stack gap="md">
            <TextInput
              label="Title"
              required
              value={d.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={err?.fieldErrors.title}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Number of schools"
                min={1}
                max={500}
                value={d.schoolCount}
                onChange={(v) => set('schoolCount', Number(v) || 1)}
              />
              <TextInput
                label="Region"
                value={d.region}
                onChange={(e) => set('region', e.currentTarget.value)}
              />
              <Select
                label="Phase"
                data={[
                  { value: 'primary', label: 'Primary' },
                  { value: 'secondary', label: 'Secondary' },
                  { value: 'all_through', label: 'All-through' },
                  { value: 'special', label: 'Special' },
                  { value: 'alternative_provision', label: 'Alternative provision' },
                ]}
                value={d.phase || null}
                onChange={(v) => set('phase', v ?? '')}
                clearable
              />
            </SimpleGrid>
            <Fieldset legend="Pupils (published whole-school figures only)">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <NumberInput
                  label="Pupils on roll"
                  min={0}
                  value={demographics.pupils ?? ''}
                  onChange={(v) => setFigure('pupils', v)}
                />
                <NumberInput
                  label="Disadvantaged %"
                  min={0}
                  max={100}
                  value={demographics.disadvantagedPercent ?? ''}
                  onChange={(v) => setFigure('disadvantagedPercent', v)}
                />
                <NumberInput
                  label="SEN %"
                  min={0}
                  max={100}
                  value={demographics.senPercent ?? ''}
                  onChange={(v) => setFigure('senPercent', v)}
                />
                <NumberInput
                  label="EAL %"
                  min={0}
                  max={100}
                  value={demographics.ealPercent ?? ''}
                  onChange={(v) => setFigure('ealPercent', v)}
                />
              </SimpleGrid>
            </Fieldset>
          </Stack>
        </Paper>

        <Paper p="lg">
          <Stack gap="md">
            <Textarea
              label="The problem"
              description="What the evaluation or the data showed, and why it mattered."
              autosize
              minRows={4}
              value={d.problem}
              onChange={(e) => set('problem', e.currentTarget.value)}
            />
            <Textarea
              label="What was done"
              autosize
              minRows={4}
              value={d.approach}
              onChange={(e) => set('approach', e.currentTarget.value)}
            />
            {phases.map((p) => (
              <Textarea
                key={p}
                label={`${phaseLabels[p]} phase`}
                autosize
                minRows={2}
                value={d.eefNotes[p]}
                onChange={(e) => set('eefNotes', { ...d.eefNotes, [p]: e.currentTarget.value })}
              />
            ))}
          </Stack>
        </Paper>

        <Paper p="lg">
          <Fieldset legend="Evidence of impact" variant="unstyled">
            <Stack gap="md">
              {d.impact.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and keep their order
                <Paper key={i} withBorder p="sm">
                  <Stack gap="xs">
                    <Group align="flex-end" gap="sm" wrap="wrap">
                      <Select
                        label="Kind"
                        data={measureKinds.map((k) => ({ value: k, label: measureKindLabels[k] }))}
                        value={m.kind}
                        onChange={(v) => v && setMeasure(i, { kind: v as ImpactMeasure['kind'] })}
                        allowDeselect={false}
                        w={200}
                      />
                      <TextInput
                        label="Measure"
                        value={m.measure}
                        onChange={(e) => setMeasure(i, { measure: e.currentTarget.value })}
                        style={{ flex: 1 }}
                        miw={200}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={`Remove measure ${i + 1}`}
                        onClick={() =>
                          set(
                            'impact',
                            d.impact.filter((_, j) => j !== i),
                          )
                        }
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                    <SimpleGrid cols={{ base: 2, sm: 5 }}>
                      <TextInput
                        label="Group"
                        value={m.group}
                        onChange={(e) => setMeasure(i, { group: e.currentTarget.value })}
                      />
                      <TextInput
                        label="Unit"
                        value={m.unit}
                        onChange={(e) => setMeasure(i, { unit: e.currentTarget.value })}
                      />
                      <TextInput
                        label="Before"
                        value={m.before}
                        onChange={(e) => setMeasure(i, { before: e.currentTarget.value })}
                      />
                      <TextInput
                        label="After"
                        value={m.after}
                        onChange={(e) => setMeasure(i, { after: e.currentTarget.value })}
                      />
                      <TextInput
                        label="Target"
                        value={m.target ?? ''}
                        onChange={(e) => setMeasure(i, { target: e.currentTarget.value })}
                      />
                    </SimpleGrid>
                    <TextInput
                      label="Source"
                      value={m.source}
                      onChange={(e) => setMeasure(i, { source: e.currentTarget.value })}
                    />
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => set('impact', [...d.impact, emptyMeasure])}
                >
                  Add a measure
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        </Paper>

        <Paper p="lg">
          <Stack gap="md">
            <Textarea
              label="Lessons"
              autosize
              minRows={3}
              value={d.lessons}
              onChange={(e) => set('lessons', e.currentTarget.value)}
            />
            <Textarea
              label="What we would do differently"
              autosize
              minRows={3}
              value={d.doDifferently}
              onChange={(e) => set('doDifferently', e.currentTarget.value)}
            />
            <MultiSelect
              label="School improvement model components"
              data={[...new Set((components.data ?? []).map((x) => x.frameworkName))].map((group) => ({
                group,
                items: (components.data ?? [])
                  .filter((x) => x.frameworkName === group)
                  .map((x) => ({ value: x.code, label: x.label })),
              }))}
              value={d.componentCodes}
              onChange={(v) => set('componentCodes', v)}
              searchable
              error={err?.fieldErrors.componentCodes}
            />
            <Fieldset legend="Contacts" variant="unstyled">
              <Stack gap="xs">
                {d.contacts.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and keep their order
                  <Group key={i} align="flex-end" gap="sm">
                    <TextInput
                      label="Name"
                      value={p.name}
                      onChange={(e) => setContact(i, { name: e.currentTarget.value })}
                    />
                    <TextInput
                      label="Role"
                      value={p.role}
                      onChange={(e) => setContact(i, { role: e.currentTarget.value })}
                    />
                    <TextInput
                      label="Email"
                      value={p.email}
                      onChange={(e) => setContact(i, { email: e.currentTarget.value })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={`Remove contact ${i + 1}`}
                      onClick={() =>
                        set(
                          'contacts',
                          d.contacts.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => set('contacts', [...d.contacts, { name: '', role: '', email: '' }])}
                  >
                    Add a contact
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
            <Radio.Group
              label="Who can read it once published"
              value={d.visibility}
              onChange={(v) => set('visibility', v as Draft['visibility'])}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="trust" label="Everyone in this trust" />
                <Radio value="all_trusts" label="Every trust on this platform" />
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              Never include pupils' names, UPNs or dates of birth: publishing is refused if the text
              identifies a pupil.
            </Text>
          </Stack>
        </Paper>

        {save.error && (
          <Alert
            color="red"
            title={
              save.error instanceof ApiError && save.error.isConflict ? 'Changed elsewhere' : 'Not saved'
            }
          >
            {messageOf(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
          <Button component={Link} to={`/learn/case-studies/${c.id}`} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CaseStudyEditorPage() {
  const { caseStudyId = '' } = useParams();
  const query = useQuery(caseStudyQuery(caseStudyId));
  if (query.isPending) return <PageLoader label="Loading the case study…" />;
  if (query.error)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} thing="case study" />;
  const c = query.data;
  return (
    <>
      <PageHeader
        title={`Edit: ${c.title}`}
        above={
          <Breadcrumbs mb="xs">
            <Anchor component={Link} to="/learn" size="sm">
              Learn
            </Anchor>
            <Anchor component={Link} to={`/learn/case-studies/${c.id}`} size="sm">
              {c.title}
            </Anchor>
            <Text size="sm">Edit</Text>
          </Breadcrumbs>
        }
        description="Pre-filled from the plan priority where there was one. Rewrite it for a reader in another school: what the problem was, what you did, what changed and what you learnt."
      />
      {c.permissions.edit ? (
        <Editor key={c.id} c={c} />
      ) : (
        <Alert color="gray" title="This case study cannot be edited now">
          {c.status === 'published'
            ? 'It is published. An improvement lead can withdraw it to draft if it needs to change.'
            : 'You do not have permission to edit it.'}
        </Alert>
      )}
    </>
  );
}
