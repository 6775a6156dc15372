import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { interventionStatusText, interventionTypeText } from '../../../shared/contracts/interventions';
import { Crumbs } from '../../app/Crumbs';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { AddPupilsModal } from './AddPupilsModal';
import { AttendanceGrid } from './AttendanceGrid';
import { ImpactPanel } from './ImpactPanel';
import { InterventionFormModal } from './InterventionFormModal';
import { interventionQuery } from './interventions.api';
import { percent, sessionsText } from './interventions-text';

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

export function InterventionPage() {
  const { interventionId = '' } = useParams();
  const query = useQuery(interventionQuery(interventionId));
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} thing="intervention" />;
  const iv = query.data;
  return (
    <>
      <PageHeader
        above={
          <Crumbs
            items={[
              { label: 'Plan', to: '/plan' },
              { label: 'Interventions', to: '/plan/interventions' },
              { label: iv.name },
            ]}
          />
        }
        title={iv.name}
        description={`${interventionTypeText[iv.type]} at ${iv.schoolName}. ${interventionStatusText[iv.status]}.`}
        actions={
          iv.canEdit && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
              {iv.pupilLevel && (
                <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                  Add pupils
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        <Paper p="lg" withBorder>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact
              label="Dates"
              value={`${formatDate(iv.startsOn)}${iv.endsOn ? ` to ${formatDate(iv.endsOn)}` : ''}`}
            />
            <Fact label="Led by" value={iv.leadName ?? 'Not named'} />
            <Fact label="Pupils" value={iv.pupilCount ?? `fewer than ${iv.suppressionThreshold}`} />
            <Fact label="Sessions" value={sessionsText(iv.sessionsHeld, iv.plannedSessions)} />
            <Fact label="Average attendance" value={percent(iv.meanAttendanceRate)} />
            <Fact label="Average dosage" value={percent(iv.meanDosage)} />
            <Fact label="Plan priority" value={iv.priorityTitle ?? 'None'} />
          </SimpleGrid>
          {iv.notes && (
            <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {iv.notes}
            </Text>
          )}
        </Paper>
        <ImpactPanel interventionId={iv.id} />
        <Paper p="lg" withBorder component="section" aria-labelledby="pupils-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="pupils-heading">
              Pupils and attendance
            </Title>
            {!iv.pupilLevel ? (
              <Text c="dimmed">Pupil names and attendance are shown only to staff who work with pupils.</Text>
            ) : iv.pupils?.length ? (
              <AttendanceGrid iv={iv} />
            ) : (
              <Text c="dimmed">
                No pupils yet. {iv.canEdit ? 'Add them from the school roll or upload a list of UPNs.' : ''}
              </Text>
            )}
          </Stack>
        </Paper>
        <Anchor component={Link} to="/plan/interventions" size="sm">
          Back to all interventions
        </Anchor>
      </Stack>
      {editing && <InterventionFormModal intervention={iv} onClose={() => setEditing(false)} />}
      {adding && <AddPupilsModal iv={iv} onClose={() => setAdding(false)} />}
    </>
  );
}
