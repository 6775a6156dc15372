import {
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileTypeCsv, IconFileTypeXml } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../app/api';
import { schoolsQuery } from '../schools/schools.api';
import { type DfeDataset, type ImportKind, type ImportOutcome, sendImport } from './data.api';
import { GiasImport } from './GiasImport';
import { ImportOutcomeCard } from './ImportOutcomeCard';
import { DFE_DATASETS, KINDS } from './kinds';
import { ResultsImport } from './ResultsImport';

type Props = { kinds: ImportKind[]; schoolIds: 'all' | string[] };

/** Check first, then import: a file is always validated in full before anything is written. */
export function ImportPanel({ kinds, schoolIds }: Props) {
  const schools = useQuery(schoolsQuery).data ?? [];
  const options = schools
    .filter((s) => schoolIds === 'all' || schoolIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'results');

  return (
    <Paper component="section" p="lg" aria-labelledby="import-heading">
      <Stack gap="md">
        <Title order={2} id="import-heading" fz="lg">
          Import a file
        </Title>
        {kinds.length > 1 && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as ImportKind)}
            data={kinds.map((k) => ({ value: k, label: KINDS[k].label }))}
            aria-label="Kind of file"
            // Eight kinds do not fit one row on a laptop: the control wraps rather than overflows.
            styles={{ root: { flexWrap: 'wrap' } }}
          />
        )}
        {kind === 'gias' ? (
          <GiasImport />
        ) : kind === 'results' ? (
          <ResultsImport
            schools={options}
            schoolRequired={schoolIds !== 'all'}
            defaultSchoolId={schoolIds === 'all' ? null : (schoolIds[0] ?? null)}
          />
        ) : (
          <OtherImport key={kind} kind={kind} options={options} schoolIds={schoolIds} />
        )}
      </Stack>
    </Paper>
  );
}

/** Pupil lists, CTFs, attendance, behaviour, staff and DfE downloads: one fixed layout each. */
function OtherImport({
  kind,
  options,
  schoolIds,
}: {
  kind: Exclude<ImportKind, 'results' | 'gias'>;
  options: { value: string; label: string }[];
  schoolIds: 'all' | string[];
}) {
  const queryClient = useQueryClient();
  const [schoolId, setSchoolId] = useState<string | null>(
    schoolIds === 'all' ? null : (schoolIds[0] ?? null),
  );
  const [dataset, setDataset] = useState<DfeDataset>('ks4');
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Attendance, behaviour and staff may span the trust; a school's data manager imports for their school.
  const trustWide = kind === 'attendance' || kind === 'behaviour' || kind === 'staff';
  const needsSchool = kind === 'pupils' || kind === 'ctf' || (trustWide && schoolIds !== 'all');
  const xml = KINDS[kind].xml === true;
  const ready =
    file !== null &&
    (!needsSchool || schoolId !== null) &&
    (kind !== 'ks4_performance' || Number(year) > 2000);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const result = await sendImport(kind, {
        file,
        dryRun,
        ...(schoolId && kind !== 'ks4_performance' ? { schoolId } : {}),
        year: Number(year),
        dataset,
        onProgress: setProgress,
      });
      setOutcome(result);
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['analysis'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setProgress(null);
    }
  };
  const reset = (next: () => void) => {
    next();
    setOutcome(null);
    setError(null);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{KINDS[kind].help}</Text>
      <Text size="sm" c="dimmed">
        {xml
          ? `Read from it: ${KINDS[kind].columns}. Any CTF version; other parts of the file are left aside.`
          : `Columns: ${KINDS[kind].columns}. CSV with commas, semicolons or tabs; UTF-8 or Windows-1252.`}
      </Text>
      <Group align="flex-end" wrap="wrap">
        {kind !== 'ks4_performance' && (
          <Select
            label="School"
            w={280}
            data={options}
            value={schoolId}
            onChange={(v) => reset(() => setSchoolId(v))}
            clearable={trustWide && schoolIds === 'all'}
            placeholder={trustWide ? 'Any school in the trust' : 'Choose a school'}
            description={trustWide ? 'Only this school’s pupils (or staff) may appear' : undefined}
          />
        )}
        {kind === 'ks4_performance' && (
          <Select
            label="Which file"
            w={320}
            data={DFE_DATASETS}
            value={dataset}
            onChange={(v) => reset(() => setDataset((v as DfeDataset | null) ?? 'ks4'))}
            allowDeselect={false}
          />
        )}
        {kind === 'ks4_performance' && (
          <NumberInput
            label="Year the file describes"
            w={200}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => reset(() => setYear(v))}
          />
        )}
        <FileInput
          label="File"
          w={320}
          accept={xml ? '.xml,text/xml,application/xml' : '.csv,.txt,text/csv'}
          placeholder={xml ? 'Choose an XML file' : 'Choose a CSV file'}
          leftSection={
            xml ? <IconFileTypeXml size={18} aria-hidden /> : <IconFileTypeCsv size={18} aria-hidden />
          }
          value={file}
          onChange={(f) => reset(() => setFile(f))}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
        />
        <Button onClick={() => run(true)} disabled={!ready} loading={progress !== null && !outcome}>
          Check file
        </Button>
      </Group>
      {progress !== null && (
        <Stack gap={4}>
          <Progress value={progress * 100} animated={progress >= 1} aria-label="Upload progress" />
          <Text size="xs" c="dimmed">
            {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Checking every line…'}
          </Text>
        </Stack>
      )}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {outcome && (
        <ImportOutcomeCard
          outcome={outcome}
          unit={xml ? 'pupil' : 'line'}
          onCommit={() => run(false)}
          committing={progress !== null}
        />
      )}
    </Stack>
  );
}
