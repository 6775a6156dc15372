import { Accordion, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { formatDate } from '../../app/format';
import { CAUTION_SIGN, CAUTION_TEXT } from './gap-marks';
import { SUPPRESSED } from './gap-table';

const pupilsIn = (scope: GapAnalysis['scopes'][number]) =>
  scope.groups.some((g) => g.suppressed)
    ? `${SUPPRESSED} – a group is too small`
    : String(scope.groups.reduce((sum, g) => sum + (g.n ?? 0), 0));

function PupilCounts({ scopes }: { scopes: GapAnalysis['scopes'] }) {
  return (
    <Table verticalSpacing={4} horizontalSpacing={0} fz="sm" maw={420}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">School</Table.Th>
          <Table.Th scope="col" ta="right">
            Pupils with a result
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scopes.map((s) => (
          <Table.Tr key={s.schoolId ?? 'trust'}>
            <Table.Th scope="row" fw={s.scope === 'trust' ? 700 : 400}>
              {s.label}
            </Table.Th>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {pupilsIn(s)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HowWeCalculate({ threshold }: { threshold: number }) {
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="methods">
        <Accordion.Control>How we calculate this</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm">
              <strong>Averages and likely ranges.</strong> Each group’s average is shown with a 95% confidence
              interval: the range its true average probably lies in, given how many pupils there are and how
              much their results vary. Small groups get wide ranges, as they should.
            </Text>
            <Text size="sm">
              <strong>The gap.</strong> The other group’s average minus the focus group’s. Its likely range
              uses Welch’s method, which does not assume the two groups’ results are spread equally. When that
              range does not include 0 we say the gap is <em>likely real</em>; when it does, it{' '}
              <em>could be chance</em>.
            </Text>
            <Text size="sm">
              <strong>Disadvantage gap index.</strong> The Department for Education’s mean-rank method: every
              pupil is ranked on the result, each rank becomes a percentile, and the index is 20 times the
              difference between the average percentile of other pupils and of disadvantaged pupils. It runs
              from 0 (no gap) to 10 (every disadvantaged pupil below every other pupil). Because it uses
              ranks, it compares fairly across tests with different grade scales. The national figures (3.94
              at KS4 and 3.21 at KS2 in 2022/23) combine two subjects (reading and maths at KS2, English and
              maths at KS4), so treat one test’s index as a guide rather than a like-for-like comparison.
            </Text>
            <Text size="sm">
              <strong>Small groups.</strong> Where either group has fewer than {threshold} pupils, governors
              and trustees, and anything downloaded for them, see “{SUPPRESSED}” in place of both groups’
              figures, so a hidden number cannot be worked out from the total. Staff who can see pupils’
              records see the figures, marked as a small group to interpret with caution.
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

/** What the figures rest on: the assessment, pupils per school, and how small groups are treated. */
export function DataQualityPanel({ analysis }: { analysis: GapAnalysis }) {
  const a = analysis.assessment;
  const threshold = analysis.suppressionThreshold;
  return (
    <Paper component="section" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="quality-heading">
      <Stack gap="md">
        <Title order={2} fz="lg" id="quality-heading">
          About these figures
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 1 }} spacing="xl" verticalSpacing="md">
          <Stack gap="md">
            <Text size="sm">
              {a.name}, taken on {formatDate(a.takenOn)} ({a.collectionPoint}, {a.academicYear}).
            </Text>
            <PupilCounts scopes={analysis.scopes} />
          </Stack>
          <Stack gap="md">
            <Stack gap={6}>
              <Text size="sm">
                <Text span fw={700} c={CAUTION_TEXT} aria-hidden>
                  {CAUTION_SIGN}{' '}
                </Text>
                <strong>Small group</strong>: fewer than {threshold} pupils. One or two pupils can move the
                average a long way, so interpret with caution.
              </Text>
              <Text size="sm">
                <strong>{SUPPRESSED}</strong>: too few pupils to show without risking identifying them.
              </Text>
              <Text size="sm" c="dimmed">
                {analysis.pupilLevel
                  ? `You see small groups because your role includes pupils’ records. Governors and trustees see “${SUPPRESSED}” instead.`
                  : `Groups with fewer than ${threshold} pupils are hidden for your role. School staff with access to pupils’ records can see them.`}
              </Text>
            </Stack>
            <HowWeCalculate threshold={threshold} />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
