import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { PupilRecord } from '../../../shared/contracts/pupils';
import { Crumbs } from '../../app/Crumbs';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { StatusBadge } from '../../app/StatusBadge';
import { ErrorState, PageLoader } from '../../app/states';
import { changes, flags, senText, stayText } from './pupil-text';
import { pupilRecordQuery } from './pupils.api';

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = `pupil-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper component="section" p="lg" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="lg" id={id}>
          {title}
          {count !== undefined && (
            <Text span c="dimmed" fz="sm" fw={400} ml={8}>
              {count}
            </Text>
          )}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const None = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

function Facts({ record }: { record: PupilRecord }) {
  const c = record.current;
  const fact = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
  const ks2 =
    c.ks2Reading === null && c.ks2Maths === null
      ? 'None recorded'
      : `Reading ${c.ks2Reading ?? '–'}, maths ${c.ks2Maths ?? '–'}${c.priorAttainmentBand ? ` (${c.priorAttainmentBand} prior attainment)` : ''}`;
  return (
    <Paper p="lg">
      <Stack gap="md">
        <Group gap="xs">
          {flags(c).length ? (
            flags(c).map((f) => <StatusBadge key={f} label={f} tone="brand" />)
          ) : (
            <Text size="sm" c="dimmed">
              Not disadvantaged, no SEN, not EAL
            </Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          {fact('Date of birth', formatDate(record.pupil.dateOfBirth))}
          {fact('Sex', record.pupil.sex)}
          {fact('Ethnicity', c.ethnicity)}
          {fact('SEN', senText(c))}
          {fact('KS2', ks2)}
          {record.pupil.upn !== null && fact('UPN', record.pupil.upn)}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Results({ record }: { record: PupilRecord }) {
  if (!record.results.length) return <None>No results imported for this pupil.</None>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Results" striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Assessment</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Collection point</Table.Th>
            <Table.Th ta="right">Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.results.map((r) => (
            <Table.Tr
              key={`${r.assessment}|${r.subject}|${r.academicYear}|${r.collectionPoint}|${r.yearGroup}`}
            >
              <Table.Td>{formatDate(r.takenOn)}</Table.Td>
              <Table.Td>
                {r.assessment}
                <Text span size="xs" c="dimmed" ml={6}>
                  {r.yearGroup}
                </Text>
              </Table.Td>
              <Table.Td>{r.subject}</Table.Td>
              <Table.Td>
                {r.collectionPoint} {r.academicYear}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {r.result}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Attendance({ record }: { record: PupilRecord }) {
  if (!record.attendance.length) return <None>No attendance imported for this pupil.</None>;
  return (
    <Table aria-label="Attendance" striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Period</Table.Th>
          <Table.Th ta="right">Sessions attended</Table.Th>
          <Table.Th ta="right">Attendance</Table.Th>
          <Table.Th>Persistent absence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.attendance.map((a) => (
          <Table.Tr key={a.from}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(a.from)} to {formatDate(a.to)}
            </Table.Td>
            <Table.Td ta="right">
              {a.attended} of {a.possible}
            </Table.Td>
            <Table.Td ta="right" fw={600}>
              {a.percent === null ? '–' : `${a.percent.toFixed(1)}%`}
            </Table.Td>
            <Table.Td>
              {a.persistentAbsence ? (
                <StatusBadge size="sm" label="Persistently absent" tone="yellow" />
              ) : (
                'No'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Interventions({ record }: { record: PupilRecord }) {
  if (!record.interventions.length) return <None>Not in any intervention.</None>;
  return (
    <Table aria-label="Interventions" striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Intervention</Table.Th>
          <Table.Th>In it</Table.Th>
          <Table.Th ta="right">Sessions attended</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.interventions.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Anchor component={Link} to={`/plan/interventions/${i.id}`} size="sm">
                {i.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              From {formatDate(i.joinedOn)}
              {i.leftOn ? ` to ${formatDate(i.leftOn)}` : ''}
            </Table.Td>
            <Table.Td ta="right">
              {i.sessionsAttended} of {i.sessionsHeld}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function History({ record }: { record: PupilRecord }) {
  if (!record.history.length)
    return <None>No changes recorded: the values above are the only ones held.</None>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Characteristics history" striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>What changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.history.map((h, i) => (
            <Table.Tr key={h.from}>
              <Table.Td>{formatDate(h.from)}</Table.Td>
              <Table.Td>{h.to ? formatDate(h.to) : 'Now'}</Table.Td>
              <Table.Td>{changes(record.history[i + 1]?.values, h.values)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One pupil's record, for a data manager checking an import or a leader looking at one child. */
export function PupilPage() {
  const { pupilId = '' } = useParams();
  const record = useQuery(pupilRecordQuery(pupilId));
  if (record.isPending) return <PageLoader label="Loading the pupil’s record…" />;
  if (record.error) return <ErrorState error={record.error} thing="pupil" />;
  const r = record.data;
  const name = `${r.pupil.givenName} ${r.pupil.familyName}`;
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Crumbs items={[{ label: 'Pupils', to: `/pupils?school=${r.pupil.schoolId}` }, { label: name }]} />
        }
        title={name}
        description={
          <>
            {r.pupil.yearGroup} at {r.pupil.schoolName}
            {!r.pupil.onRoll && ' (left)'}
          </>
        }
      />
      <Facts record={r} />
      <Section title="Results" count={r.results.length}>
        <Results record={r} />
      </Section>
      <Section title="Attendance">
        <Attendance record={r} />
      </Section>
      <Section title="Interventions">
        <Interventions record={r} />
      </Section>
      <Section title="Characteristics over time">
        <History record={r} />
      </Section>
      <Section title="Schools">
        {r.enrolments.length ? (
          <Stack gap={4}>
            {r.enrolments.map((e) => (
              <Text size="sm" key={`${e.schoolName}-${e.start}-${e.end}`}>
                {stayText(e)}
              </Text>
            ))}
          </Stack>
        ) : (
          <None>No enrolment dates recorded.</None>
        )}
      </Section>
    </Stack>
  );
}
