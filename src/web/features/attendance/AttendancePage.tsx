import { Alert, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AttendanceSummary } from '../../../shared/contracts/attendance';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { AnalyseTabs } from '../surveys/AnalyseTabs';
import { attendanceSummaryQuery, staffRetentionQuery } from './attendance.api';

type GroupFigure = AttendanceSummary['schools'][number]['groups'][number];
const COLUMNS: { key: GroupFigure['group']; label: string }[] = [
  { key: 'all', label: 'All pupils' },
  { key: 'disadvantaged', label: 'Disadvantaged' },
  { key: 'not_disadvantaged', label: 'Other pupils' },
  { key: 'sen', label: 'SEN' },
  { key: 'no_sen', label: 'No SEN' },
  { key: 'eal', label: 'EAL' },
  { key: 'not_eal', label: 'Not EAL' },
];

function Figure({ g }: { g: GroupFigure | undefined }) {
  if (!g)
    return (
      <Text span c="dimmed">
        –
      </Text>
    );
  if (g.suppressed)
    return (
      <Text span c="dimmed" size="sm">
        hidden
      </Text>
    );
  return (
    <Stack gap={0} align="flex-end">
      <Text span fw={600}>
        {g.attendancePct === null ? '–' : `${g.attendancePct.toFixed(1)}%`}
      </Text>
      <Text
        span
        size="xs"
        c={g.persistentAbsencePct !== null && g.persistentAbsencePct >= 15 ? 'red.8' : 'dimmed'}
      >
        {g.persistentAbsencePct === null ? '' : `${g.persistentAbsencePct.toFixed(1)}% PA · ${g.pupils}`}
      </Text>
    </Stack>
  );
}

/** Attendance by pupil group for each school, and staff retention: the Attendance tab of Analyse. */
export function AttendancePage() {
  const [year, setYear] = useState<number | null>(null);
  const summary = useQuery(attendanceSummaryQuery(year));
  const retention = useQuery(staffRetentionQuery);
  // Schools joined the trust (and their records start) in different years: the columns are every year held.
  const yearsHeld = [
    ...new Set(retention.data?.schools.flatMap((s) => s.years.map((y) => y.academicYear)) ?? []),
  ].sort();
  return (
    <>
      <PageHeader
        title="Analyse"
        description="Attendance by pupil group, with persistent absence (missing 10% or more of sessions), and how many staff stay from one September to the next."
      />
      <AnalyseTabs />
      {summary.isPending ? (
        <PageLoader label="Loading attendance…" />
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} thing="attendance" />
      ) : (
        <Stack gap="lg">
          <Paper component="section" p="lg" aria-labelledby="attendance-heading">
            <Group justify="space-between" align="flex-end" mb="sm">
              <div>
                <Title order={2} id="attendance-heading" fz="lg">
                  Attendance by group{summary.data.label ? `, ${summary.data.label}` : ''}
                </Title>
                <Text size="sm" c="dimmed">
                  Each cell: attendance, then the share of pupils persistently absent and how many pupils.
                </Text>
              </div>
              {summary.data.years.length > 1 && (
                <Select
                  label="Academic year"
                  w={160}
                  data={summary.data.years.map((y) => ({
                    value: String(y),
                    label: `${y}/${String(y + 1).slice(2)}`,
                  }))}
                  value={String(summary.data.academicYear)}
                  onChange={(v) => setYear(v ? Number(v) : null)}
                  allowDeselect={false}
                />
              )}
            </Group>
            {summary.data.suppressionThreshold !== null && (
              <Alert color="gray" mb="sm">
                Groups of fewer than {summary.data.suppressionThreshold} pupils are hidden, together with the
                group they pair with, so no pupil can be picked out.
              </Alert>
            )}
            {summary.data.schools.length === 0 ? (
              <Text size="sm" c="dimmed">
                No attendance has been imported yet. A data manager can import it on the Data page.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">School</Table.Th>
                      {COLUMNS.map((c) => (
                        <Table.Th key={c.key} scope="col" ta="right">
                          {c.label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {summary.data.schools.map((s) => (
                      <Table.Tr key={s.schoolId}>
                        <Table.Th scope="row" fw={500}>
                          {s.schoolName}
                        </Table.Th>
                        {COLUMNS.map((c) => (
                          <Table.Td key={c.key} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            <Figure g={s.groups.find((g) => g.group === c.key)} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          <Paper component="section" p="lg" aria-labelledby="retention-heading">
            <Title order={2} id="retention-heading" fz="lg" mb={4}>
              Staff retention
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Of the staff in post on 1 September, the share still in post after 31 August.
            </Text>
            {retention.data && retention.data.schools.length > 0 ? (
              <Table.ScrollContainer minWidth={520}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">School</Table.Th>
                      {yearsHeld.map((y) => (
                        <Table.Th key={y} scope="col" ta="right">
                          {`${y}/${String(y + 1).slice(2)}`}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {retention.data.schools.map((s) => (
                      <Table.Tr key={s.schoolId}>
                        <Table.Th scope="row" fw={500}>
                          {s.schoolName}
                        </Table.Th>
                        {yearsHeld.map((col) => {
                          const y = s.years.find((x) => x.academicYear === col);
                          return (
                            <Table.Td key={col} ta="right">
                              {y?.suppressed
                                ? 'c'
                                : y?.retentionPct == null
                                  ? '–'
                                  : `${y.retentionPct.toFixed(1)}%${y.inProgress ? ' so far' : ''} (${y.stillInPost} of ${y.inPostAtStart})`}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {retention.data.schools.some((s) => s.years.some((y) => y.suppressed)) && (
                  <Text size="xs" c="dimmed" mt="xs">
                    c: too few staff to show without risking identifying someone who left.
                  </Text>
                )}
              </Table.ScrollContainer>
            ) : (
              <Text size="sm" c="dimmed">
                No staff records yet. A trust administrator can import them from the HR system on the Data
                page.
              </Text>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
