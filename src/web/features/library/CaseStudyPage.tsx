import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconEdit, IconSend, IconWorldUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type CaseStudy,
  type CaseStudyStatus,
  caseStudyStatusLabels,
  measureKindLabels,
} from '../../../shared/contracts/library';
import { phaseLabels } from '../../../shared/contracts/planning';
import { messageOf } from '../../app/api';
import { formatDate } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { caseStudyQuery, useTransitionCaseStudy } from './library.api';
import { schoolPhaseLabel, statusTone } from './library-text';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg" component="section">
      <Title order={2} fz="lg" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const Prose = ({ text, empty }: { text: string; empty: string }) =>
  text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : <Text c="dimmed">{empty}</Text>;

type Step = { to: CaseStudyStatus; label: string; confirm: string; askNote?: boolean; icon: ReactNode };

/** The next steps this reader may take, from the case study's status and their permissions. */
function stepsFor(c: CaseStudy): Step[] {
  const out: Step[] = [];
  if (c.status === 'draft' && c.permissions.edit)
    out.push({
      to: 'in_review',
      label: 'Submit for review',
      confirm: 'An improvement lead will read it and either publish it or send it back with a note.',
      icon: <IconSend size={16} aria-hidden />,
    });
  if (c.status === 'in_review' && c.permissions.review)
    out.push({
      to: 'draft',
      label: 'Send back to the author',
      confirm: 'Say what needs to change. The case study goes back to draft.',
      askNote: true,
      icon: <IconArrowBackUp size={16} aria-hidden />,
    });
  if (c.status === 'in_review' && c.permissions.publish)
    out.push({
      to: 'published',
      label: 'Publish',
      confirm:
        c.visibility === 'all_trusts'
          ? 'It will be visible to every trust on this platform. The platform checks first that it identifies no pupil.'
          : 'It will be visible to everyone in the trust. The platform checks first that it identifies no pupil.',
      icon: <IconWorldUpload size={16} aria-hidden />,
    });
  if (c.status === 'published' && c.permissions.publish)
    out.push({
      to: 'draft',
      label: 'Withdraw to draft',
      confirm: 'Readers will no longer see it until it is reviewed and published again.',
      askNote: true,
      icon: <IconArrowBackUp size={16} aria-hidden />,
    });
  return out;
}

function StepButton({ c, step }: { c: CaseStudy; step: Step }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const transition = useTransitionCaseStudy(c.id);
  const go = () =>
    transition.mutate(
      { version: c.version, to: step.to, note },
      {
        onSuccess: () => {
          setOpen(false);
          notifySuccess(`${caseStudyStatusLabels[step.to]}: ${c.title}`);
        },
      },
    );
  return (
    <>
      <Button
        variant={step.to === 'published' || step.to === 'in_review' ? 'filled' : 'default'}
        leftSection={step.icon}
        onClick={() => setOpen(true)}
      >
        {step.label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={step.label}>
        <Stack>
          <Text>{step.confirm}</Text>
          {step.askNote && (
            <Textarea
              label="Note to the author"
              autosize
              minRows={3}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          )}
          {transition.error && (
            <Alert color="red" title="That did not work">
              {messageOf(transition.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button onClick={go} loading={transition.isPending}>
              {step.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function CaseStudyPage() {
  const { caseStudyId = '' } = useParams();
  const query = useQuery(caseStudyQuery(caseStudyId));
  if (query.isPending) return <PageLoader label="Loading the case study…" />;
  if (query.error)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} thing="case study" />;
  const c = query.data;
  const d = c.demographics;
  const figures = [
    d.pupils !== null ? `${d.pupils.toLocaleString('en-GB')} pupils` : '',
    d.disadvantagedPercent !== null ? `${d.disadvantagedPercent}% disadvantaged` : '',
    d.senPercent !== null ? `${d.senPercent}% with SEN` : '',
    d.ealPercent !== null ? `${d.ealPercent}% EAL` : '',
  ].filter(Boolean);
  const context = [
    c.ownTrust ? c.schoolName : c.trustName,
    `${c.schoolCount} ${c.schoolCount === 1 ? 'school' : 'schools'}`,
    c.region,
    c.phase ? schoolPhaseLabel(c.phase) : '',
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={c.title}
        above={
          <Breadcrumbs mb="xs">
            <Anchor component={Link} to="/learn" size="sm">
              Learn
            </Anchor>
            <Text size="sm">{c.title}</Text>
          </Breadcrumbs>
        }
        description={
          <>
            {context.join(' · ')}
            <Group gap="xs" mt={6}>
              <StatusBadge label={caseStudyStatusLabels[c.status]} tone={statusTone[c.status]} size="sm" />
              <StatusBadge
                label={c.visibility === 'all_trusts' ? 'Shared with every trust' : 'This trust only'}
                tone="brand"
                size="sm"
              />
              {c.publishedAt && (
                <Text span size="sm" c="dimmed">
                  Published {formatDate(c.publishedAt.slice(0, 10))}
                </Text>
              )}
            </Group>
          </>
        }
        actions={
          <>
            {c.permissions.edit && (
              <Button
                component={Link}
                to={`/learn/case-studies/${c.id}/edit`}
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden />}
              >
                Edit
              </Button>
            )}
            {stepsFor(c).map((s) => (
              <StepButton key={s.label} c={c} step={s} />
            ))}
          </>
        }
      />
      {c.reviewNote && c.status === 'draft' && (
        <Alert color="blue" title="Note from the reviewer" mb="lg">
          {c.reviewNote}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Section title="The problem">
              <Prose text={c.problem} empty="Not written yet." />
            </Section>
            <Section title="What was done">
              <Stack gap="md">
                <Prose text={c.approach} empty="Not written yet." />
                {c.eefPhases.map((p) => (
                  <div key={p.phase}>
                    <Text fw={600}>{phaseLabels[p.phase]}</Text>
                    <Prose text={p.summary} empty="No notes for this phase." />
                  </div>
                ))}
              </Stack>
            </Section>
            <Section title="Evidence of impact">
              {c.impact.length === 0 ? (
                <Text c="dimmed">No measures recorded.</Text>
              ) : (
                <Table.ScrollContainer minWidth={560}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Measure</Table.Th>
                        <Table.Th>Group</Table.Th>
                        <Table.Th ta="right">Before</Table.Th>
                        <Table.Th ta="right">After</Table.Th>
                        <Table.Th ta="right">Target</Table.Th>
                        <Table.Th>Source</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.impact.map((m, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and keep their order
                        <Table.Tr key={i}>
                          <Table.Td>
                            {m.measure}
                            <Text size="xs" c="dimmed">
                              {measureKindLabels[m.kind]}
                            </Text>
                          </Table.Td>
                          <Table.Td>{m.group}</Table.Td>
                          <Table.Td ta="right">
                            {m.before}
                            {m.unit}
                            {m.beforeOn && (
                              <Text size="xs" c="dimmed">
                                {formatDate(m.beforeOn)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">
                            {m.after ? `${m.after}${m.unit}` : '–'}
                            {m.afterOn && (
                              <Text size="xs" c="dimmed">
                                {formatDate(m.afterOn)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{m.target ? `${m.target}${m.unit}` : '–'}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{m.source}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
            <Section title="Lessons">
              <Prose text={c.lessons} empty="Not written yet." />
            </Section>
            <Section title="What we would do differently">
              <Prose text={c.doDifferently} empty="Not written yet." />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {figures.length > 0 && (
              <Section title="Pupils">
                <Text>{figures.join(' · ')}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  Whole-school figures, rounded.
                </Text>
              </Section>
            )}
            <Section title="School improvement model">
              {c.components.length === 0 ? (
                <Text c="dimmed">Not linked to any component.</Text>
              ) : (
                <Stack gap={6}>
                  {c.components.map((x) => (
                    <div key={x.code}>
                      {x.strand && (
                        <Text size="xs" c="dimmed">
                          {x.strand}
                        </Text>
                      )}
                      <Badge
                        variant="outline"
                        color="gray.8"
                        tt="none"
                        radius="sm"
                        size="lg"
                        style={{ whiteSpace: 'normal', height: 'auto' }}
                      >
                        {x.label}
                      </Badge>
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
            {c.statements.length > 0 && (
              <Section title="Evaluation statements">
                <List size="sm" spacing={4}>
                  {c.statements.map((s) => (
                    <List.Item key={s.id}>
                      <Text span ff="monospace" size="sm">
                        {s.code}
                      </Text>{' '}
                      {s.text}
                    </List.Item>
                  ))}
                </List>
              </Section>
            )}
            <Section title="Contacts">
              {c.contacts.length === 0 ? (
                <Text c="dimmed">No contact named.</Text>
              ) : (
                <Stack gap={4}>
                  {c.contacts.map((p) => (
                    <Text key={`${p.name}-${p.role}`}>
                      {p.name}
                      {p.role && <Text span c="dimmed">{`, ${p.role}`}</Text>}
                      {p.email && (
                        <>
                          {' · '}
                          <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor>
                        </>
                      )}
                    </Text>
                  ))}
                </Stack>
              )}
            </Section>
            {c.sourcePriorityId && (
              <Text size="sm" c="dimmed">
                Written from a priority in the school's improvement plan.
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
