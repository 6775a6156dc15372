import { Button, Group, Paper, Select, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { schoolsQuery } from '../schools/schools.api';

/** Pupil data out, in the same layouts the importer reads: for moving data or checking it. */
export function ExportPanel({ schoolIds }: { schoolIds: 'all' | string[] }) {
  const schools = (useQuery(schoolsQuery).data ?? []).filter(
    (s) => schoolIds === 'all' || schoolIds.includes(s.id),
  );
  const [schoolId, setSchoolId] = useState<string | null>(
    schoolIds === 'all' ? null : (schoolIds[0] ?? null),
  );
  const query = schoolId ? `?schoolId=${schoolId}` : '';
  return (
    <Paper component="section" p="lg" aria-labelledby="export-heading">
      <Title order={2} id="export-heading" fz="lg" mb="xs">
        Export pupil data
      </Title>
      <Text size="sm" mb="md">
        Files in the same layout the importer reads. They hold personal data: keep them on school systems and
        delete them when done.
      </Text>
      <Group align="flex-end">
        <Select
          label="School"
          w={280}
          data={schools.map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={setSchoolId}
          clearable={schoolIds === 'all'}
          placeholder="Every school in the trust"
        />
        <Button
          component="a"
          href={`/api/v1/pupils/export.csv${query}`}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={schoolIds !== 'all' && !schoolId}
        >
          Pupil list
        </Button>
        <Button
          component="a"
          href={`/api/v1/results/export.csv${query}`}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={schoolIds !== 'all' && !schoolId}
        >
          Results
        </Button>
      </Group>
    </Paper>
  );
}
