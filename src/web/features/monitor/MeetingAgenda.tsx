import { Alert, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { usePlanScopes } from '../planning/plan-access';
import print from '../planning/print.module.css';
import { AgendaView } from './AgendaView';
import { MeetingLog } from './MeetingLog';
import { agendaQuery, useAgendaPeople } from './monitor.api';

/** A line manager's agenda for a meeting with one colleague: their due and overdue work, printable. */
export function MeetingAgenda({ personId, onChoose }: { personId: string; onChoose: (id: string) => void }) {
  const permissions = usePermissions();
  const scopes = usePlanScopes();
  const people = useAgendaPeople(permissions.canListAllPeople);
  const agenda = useQuery({ ...agendaQuery(personId), enabled: personId !== '' });
  const name = people.options.find((o) => o.value === personId)?.label.replace(/ \(.*\)$/, '') ?? '';

  return (
    <Stack gap="md">
      <Select
        label="Meeting agenda for"
        placeholder={people.loading ? 'Loading people…' : 'Choose a colleague'}
        searchable
        data={people.options}
        value={personId || null}
        onChange={(id) => onChoose(id ?? '')}
        nothingFoundMessage="Nobody by that name"
        maw={420}
        className={print.noPrint}
      />
      {personId === '' && (
        <Alert color="blue" variant="light">
          Choose the colleague you are meeting to see what is due and overdue in their plans, print it, and
          record what you decided.
        </Alert>
      )}
      {agenda.isLoading && <PageLoader label="Loading their agenda…" />}
      {agenda.error && <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />}
      {agenda.data && (
        <AgendaView
          agenda={agenda.data}
          title={`Agenda for ${name || 'this colleague'}`}
          canTick={scopes.canPlan}
        >
          <MeetingLog
            personId={personId}
            kind="line_management"
            items={agenda.data.items}
            with={name || 'this colleague'}
          />
        </AgendaView>
      )}
    </Stack>
  );
}
