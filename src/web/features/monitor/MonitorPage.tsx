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

/** My week, and for line managers an agenda for a meeting with a colleague. Both print on A4. */
export function MonitorPage() {
  const session = useSession();
  const scopes = usePlanScopes();
  const week = useQuery(myWeekQuery);
  const [params, setParams] = useSearchParams();
  const personId = params.get('person') ?? '';
  const tab = scopes.canOpenAgendas && params.get('view') === 'meeting' ? 'meeting' : 'week';

  const show = (view: string | null) =>
    setParams(view === 'meeting' ? { view: 'meeting', ...(personId ? { person: personId } : {}) } : {}, {
      replace: true,
    });

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
        </Tabs>
      ) : (
        <Stack>{myWeek}</Stack>
      )}
    </div>
  );
}
