import { Alert, Anchor, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowForward,
  IconChartDots,
  IconChevronDown,
  IconDownload,
  IconGridDots,
  IconLock,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { RoundDetail } from '../../../shared/contracts/evaluation';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { Crumbs } from '../../app/Crumbs';
import { formatDate, plural } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, isMissing, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { roundExportUrl, roundQuery, useCloseRound } from './evaluation.api';
import { cycleLabels, roundStatusText } from './evaluation-text';
import { NextRoundModal } from './NextRoundModal';
import { RoundProgressTable } from './RoundProgressTable';

function ExportMenu({ roundId }: { roundId: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Download
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={roundExportUrl(roundId, 'csv')} download>
          All judgements (CSV)
        </Menu.Item>
        <Menu.Item component="a" href={roundExportUrl(roundId, 'xlsx')} download>
          All judgements (Excel)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function SchoolSummaries({ round }: { round: RoundDetail }) {
  const schools = new Map<string, string>();
  for (const s of round.subjects) if (s.schoolId && s.schoolName) schools.set(s.schoolId, s.schoolName);
  if (schools.size === 0) return null;
  return (
    <Paper p="lg" component="section" aria-labelledby="summaries-heading">
      <Title order={2} fz="lg" id="summaries-heading" mb={4}>
        School summaries
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A printable page per school: judgements by aspect, change since last round and what was left until
        next time.
      </Text>
      <Group gap="lg">
        {[...schools].map(([id, name]) => (
          <Anchor key={id} component={Link} to={`/evaluate/rounds/${round.id}/schools/${id}`}>
            {name}
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}

export function RoundPage() {
  const roundId = useParams().roundId ?? '';
  const permissions = usePermissions();
  const round = useQuery(roundQuery(roundId));
  const close = useCloseRound(roundId);
  const [closing, closer] = useDisclosure(false);
  const [opening, opener] = useDisclosure(false);

  if (round.isPending) return <PageLoader label="Loading the round…" />;
  if (round.error) {
    return (
      <>
        <PageHeader title={isMissing(round.error) ? 'Round not found' : 'Round'} />
        <ErrorState error={round.error} onRetry={() => round.refetch()} thing="round" />
      </>
    );
  }
  const r = round.data;
  const notAgreed = r.subjects.filter((s) => s.status !== 'agreed').length;
  const manage = permissions.canManageRounds;

  return (
    <>
      <PageHeader
        above={<Crumbs items={[{ label: 'Self-evaluation', to: '/evaluate' }, { label: r.name }]} />}
        title={r.name}
        description={`${roundStatusText[r.status].label} · ${formatDate(r.opensOn)} to ${formatDate(r.closesOn)} · ${cycleLabels[r.cycle].toLowerCase()}`}
        actions={
          <>
            <Button
              component={Link}
              to={`/evaluate/rounds/${r.id}/heatmap`}
              variant="default"
              leftSection={<IconGridDots size={16} aria-hidden />}
            >
              Heatmap
            </Button>
            <Button
              component={Link}
              to={`/evaluate/rounds/${r.id}/coverage`}
              variant="default"
              leftSection={<IconChartDots size={16} aria-hidden />}
            >
              Coverage
            </Button>
            <ExportMenu roundId={r.id} />
            {manage && r.status === 'open' && (
              <Button
                variant="default"
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={closer.open}
              >
                Close round
              </Button>
            )}
            {manage && r.status === 'closed' && (
              <Button leftSection={<IconArrowForward size={16} aria-hidden />} onClick={opener.open}>
                Open the next round
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {r.status === 'closed' && (
          <Alert color="gray" icon={<IconLock aria-hidden />} title="This round is closed">
            Its judgements can be read and downloaded but no longer changed.
            {manage && ' Open the next round to carry the agreed judgements forward.'}
          </Alert>
        )}
        <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="progress-heading">
          <Title order={2} fz="lg" id="progress-heading" mb="xs">
            Progress
          </Title>
          {permissions.isOverseer && (
            <Text size="sm" c="dimmed" mb="xs">
              Governors and trustees see each evaluation here once it has been agreed.
            </Text>
          )}
          {r.subjects.length === 0 ? (
            <Text>No evaluations in this round are open to you yet.</Text>
          ) : (
            <RoundProgressTable subjects={r.subjects} />
          )}
        </Paper>
        <SchoolSummaries round={r} />
      </Stack>
      <ConfirmDialog
        opened={closing}
        onClose={closer.close}
        title={`Close ${r.name}?`}
        confirmLabel="Close round"
        loading={close.isPending}
        error={close.error}
        onConfirm={() =>
          close.mutate(r.version, {
            onSuccess: () => {
              notifySuccess(`${r.name} is closed.`);
              closer.close();
            },
          })
        }
      >
        Nobody will be able to change its judgements.{' '}
        {notAgreed > 0
          ? `${plural(notAgreed, 'evaluation is', 'evaluations are')} not agreed yet: only agreed judgements are carried forward to the next round.`
          : 'Every evaluation is agreed, so all its judgements will carry forward to the next round.'}
      </ConfirmDialog>
      {opening && <NextRoundModal round={r} onClose={opener.close} />}
    </>
  );
}
