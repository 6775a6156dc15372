import { Button, Stack, Tabs } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { useSession } from '../auth/session';
import { usePlanScopes } from '../planning/plan-access';
import print from '../planning/print.module.css';
import { AgendaView } from './AgendaView';
import { MeetingAgenda } from './MeetingAgenda';
import { myWeekQuery } from './monitor.api';
import { SchoolMeeting } from './SchoolMeeting';

/** My week, and for line managers an agenda for a meeting with a colleague. Both print on A4. */
export function MonitorPage() {
  const session = useSession();
  const scopes = usePlanScopes();
  const week = useQuery(myWeekQuery);
  const [params, setParams] = useSearchParams();
  const personId = params.get('person') ?? '';
  const schoolId = params.get('school') ?? '';
  const isLiaison = session.roles.some((r) => r.role === 'improvement_lead' || r.role === 'trust_admin');
  const view = params.get('view');
  const tab =
    scopes.canOpenAgendas && view === 'meeting'
      ? 'meeting'
      : isLiaison && view === 'school'
        ? 'school'
        : 'week';

  const show = (next: string | null) => {
    if (next === 'meeting')
      setParams({ view: 'meeting', ...(personId ? { person: personId } : {}) }, { replace: true });
    else if (next === 'school')
      setParams({ view: 'school', ...(schoolId ? { school: schoolId } : {}) }, { replace: true });
    else setParams({}, { replace: true });
  };

  const myWeek = (
    <>
      {week.isPending && <PageLoader label="Loading your week…" />}
      {week.error && <ErrorState error={week.error} onRetry={() => week.refetch()} />}
      {week.data && <AgendaView agenda={week.data} title={`My week: ${session.person.name}`} canTick />}
    </>
  );

  return (
    <div className={print.printable}>
      <PageHeader
        title="Monitor"
        description="What is due in the next fortnight and what is overdue, across every plan, overdue first. Each item links to its priority."
        actions={
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            Print
          </Button>
        }
      />
      {scopes.canOpenAgendas ? (
        <Tabs value={tab} onChange={show} keepMounted={false}>
          <Tabs.List mb="md" className={print.noPrint}>
            <Tabs.Tab value="week">My week</Tabs.Tab>
            <Tabs.Tab value="meeting">Meeting agenda</Tabs.Tab>
            {isLiaison && <Tabs.Tab value="school">School meeting</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="week">{myWeek}</Tabs.Panel>
          <Tabs.Panel value="meeting">
            <MeetingAgenda
              personId={personId}
              onChoose={(id) =>
                setParams(id ? { view: 'meeting', person: id } : { view: 'meeting' }, { replace: true })
              }
            />
          </Tabs.Panel>
          {isLiaison && (
            <Tabs.Panel value="school">
              <SchoolMeeting
                schoolId={schoolId}
                onChoose={(id) =>
                  setParams(id ? { view: 'school', school: id } : { view: 'school' }, { replace: true })
                }
              />
            </Tabs.Panel>
          )}
        </Tabs>
      ) : (
        <Stack>{myWeek}</Stack>
      )}
    </div>
  );
}
