import { Alert, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, PageLoader } from '../../app/states';
import { useSession } from '../auth/session';
import print from '../planning/print.module.css';
import { schoolsQuery } from '../schools/schools.api';
import { AgendaView } from './AgendaView';
import { MeetingLog } from './MeetingLog';
import { schoolAgendaQuery } from './meetings.api';
import { SchoolAgendaExtras } from './SchoolAgendaExtras';

/** A liaison's agenda for a regular meeting with a school, with the log of those meetings. */
export function SchoolMeeting({ schoolId, onChoose }: { schoolId: string; onChoose: (id: string) => void }) {
  const { person } = useSession();
  const schools = useQuery(schoolsQuery);
  const agenda = useQuery({ ...schoolAgendaQuery(schoolId), enabled: schoolId !== '' });
  const options = (schools.data ?? [])
    .filter((s) => s.status !== 'archived')
    .map((s) => ({ value: s.id, label: s.name }));
  const name = options.find((o) => o.value === schoolId)?.label ?? 'this school';

  return (
    <Stack gap="md">
      <Select
        label="School agenda for"
        placeholder={schools.isLoading ? 'Loading schools…' : 'Choose a school'}
        searchable
        data={options}
        value={schoolId || null}
        onChange={(id) => onChoose(id ?? '')}
        nothingFoundMessage="No school by that name"
        maw={420}
        className={print.noPrint}
      />
      {schoolId === '' && (
        <Alert color="blue" variant="light">
          Choose the school you are meeting to see what is due in its plans, the evaluations it has open and
          the support under way, then record what was decided.
        </Alert>
      )}
      {agenda.isLoading && <PageLoader label="Loading the school’s agenda…" />}
      {agenda.error && <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />}
      {agenda.data && (
        <AgendaView
          agenda={{ personId: person.id, on: agenda.data.on, items: agenda.data.items, offTrackOutcomes: [] }}
          title={`Agenda for ${name}`}
          canTick={false}
          emptyText="Actions and impact checks in this school’s plans appear here when they fall due."
        >
          <SchoolAgendaExtras agenda={agenda.data} />
          <MeetingLog
            personId={person.id}
            kind="liaison"
            schoolId={schoolId}
            items={agenda.data.items}
            with={name}
          />
        </AgendaView>
      )}
    </Stack>
  );
}
