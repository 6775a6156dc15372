import { Button, EmptyState, Paper, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBooks, IconFileImport, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Crumbs } from '../../app/Crumbs';
import { plural } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { usePermissions } from '../auth/permissions';
import { toolsQuery, useInstallStarterLibrary } from './frameworks.api';
import { ImportToolModal } from './ImportToolModal';
import { ToolCard } from './ToolCard';

export function StarterLibraryButton({ label = 'Add the starter library' }: { label?: string }) {
  const install = useInstallStarterLibrary();
  return (
    <Button
      leftSection={<IconSparkles size={16} aria-hidden />}
      loading={install.isPending}
      onClick={() =>
        install.mutate(undefined, {
          onSuccess: ({ installed }) =>
            notifySuccess(
              installed > 0
                ? `${plural(installed, 'tool')} added from the starter library.`
                : 'The starter library was already in place.',
            ),
          onError: (err) => notifyError(err),
        })
      }
    >
      {label}
    </Button>
  );
}

export function ToolLibraryPage() {
  const permissions = usePermissions();
  const tools = useQuery(toolsQuery);
  const [importing, importer] = useDisclosure(false);
  const active = (tools.data ?? []).filter((t) => t.status === 'active');

  return (
    <>
      <PageHeader
        above={<Crumbs items={[{ label: 'Self-evaluation', to: '/evaluate' }, { label: 'Tool library' }]} />}
        title="Tool library"
        description="The evaluation tools schools judge themselves against. Each tool groups statements of strong practice into aspects, with one scale for judging them."
        actions={
          permissions.canManageTools &&
          active.length > 0 && (
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={importer.open}>
              Import a tool
            </Button>
          )
        }
      />
      {tools.isPending && <PageLoader label="Loading the tool library…" />}
      {tools.error && <ErrorState error={tools.error} onRetry={() => tools.refetch()} />}
      {tools.data && active.length === 0 && (
        <Paper p="xl">
          <EmptyState
            icon={<IconBooks size={32} aria-hidden />}
            withIndicatorBackground
            title="No evaluation tools yet"
            description={
              permissions.canManageTools
                ? 'Start from the starter library – tools for teaching and learning, behaviour and attendance, inclusion, leadership, early years, the curriculum and trust-led improvement – and adapt them later. Or import tools you already use from a JSON or CSV file.'
                : 'Your trust has not added any evaluation tools yet. Ask your trust administrator or improvement lead to set them up.'
            }
          >
            {permissions.canManageTools && (
              <EmptyState.Actions>
                <StarterLibraryButton />
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  onClick={importer.open}
                >
                  Import a tool
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      )}
      {active.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {active.map((tool) => (
            <ToolCard key={tool.id} tool={tool} />
          ))}
        </SimpleGrid>
      )}
      {importing && <ImportToolModal onClose={importer.close} />}
    </>
  );
}
