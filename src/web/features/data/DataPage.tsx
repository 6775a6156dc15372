import { Stack } from '@mantine/core';
import { PageHeader } from '../../app/PageHeader';
import { usePermissions } from '../auth/permissions';
import { DataCalendar } from './DataCalendar';
import type { ImportKind } from './data.api';
import { ExportPanel } from './ExportPanel';
import { ImportHistory } from './ImportHistory';
import { ImportPanel } from './ImportPanel';

/** Where a data manager brings pupil lists and results in (checked in full first) and takes them out. */
export function DataPage() {
  const permissions = usePermissions();
  const kinds: ImportKind[] = permissions.isTrustAdmin
    ? ['results', 'pupils', 'ctf', 'attendance', 'behaviour', 'staff', 'ks4_performance', 'gias']
    : ['results', 'pupils', 'ctf', 'attendance', 'behaviour'];
  return (
    <>
      <PageHeader
        title="Data"
        description="Bring pupil lists, Common Transfer Files and assessment results in from your MIS, and published DfE tables for the trust. Every file is checked line by line before anything is written."
      />
      <Stack gap="xl">
        <ImportPanel kinds={kinds} schoolIds={permissions.dataSchools} />
        <ImportHistory />
        <ExportPanel schoolIds={permissions.dataSchools} />
        <DataCalendar />
      </Stack>
    </>
  );
}
