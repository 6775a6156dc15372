import { Alert, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { usePlanScopes } from '../planning/plan-access';
import print from '../planning/print.module.css';
import { AgendaView } from './AgendaView';
import { useMeetingNotes } from './meeting-notes';
import { agendaQuery, useAgendaPeople } from './monitor.api';

function Notes({ personId, name }: { personId: string; name: string }) {
  const [notes, setNotes] = useMeetingNotes(personId);
  return (
    <Stack gap={4}>
      <Textarea
        label={`Meeting notes with ${name}`}
        description="Kept in this browser only, on this device. The platform does not keep a meeting log yet, so copy anything that matters into the plan."
        autosize
        minRows={4}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        className={print.noPrint}
      />
      <div className={print.printOnly}>
        <Text fw={600} size="sm">
          Notes
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', minHeight: '6em' }}>
          {notes}
        </Text>
      </div>
    </Stack>
  );
}

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
          jot notes as you go.
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
          <Notes personId={personId} name={name || 'this colleague'} />
        </AgendaView>
      )}
    </Stack>
  );
}
