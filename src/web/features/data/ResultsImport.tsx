import {
  Alert,
  Button,
  FileInput,
  Group,
  LoadingOverlay,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FilePreview, ImportMapping } from '../../../shared/contracts/import-mapping';
import { messageOf } from '../../app/api';
import type { ImportOutcome } from './data.api';
import { ImportOutcomeCard } from './ImportOutcomeCard';
import { MappingEditor } from './MappingEditor';
import {
  importMapped,
  mappingTemplatesQuery,
  previewMapped,
  sameMapping,
  saveMapping,
  tooLargeToSendInline,
  updateMapping,
} from './mapping.api';
import { PreviewTable } from './PreviewTable';

type Props = {
  schools: { value: string; label: string }[];
  /** A school's data manager must choose their school; a trust administrator may leave it open. */
  schoolRequired: boolean;
  defaultSchoolId: string | null;
};

function describeFile(p: FilePreview): string {
  const parts =
    p.format === 'xlsx'
      ? [`Excel workbook, sheet “${p.sheet ?? ''}”`]
      : [
          'CSV',
          p.delimiter === '\t' ? 'tab-separated' : p.delimiter === ';' ? 'semicolons' : 'commas',
          p.encoding ?? '',
        ];
  return [...parts.filter(Boolean), `${p.headers.length} columns`].join(' · ');
}

/**
 * Results in whatever layout the school's MIS exports: the file is read, a mapping suggested from its
 * headings (or a saved one applied), its first rows previewed with their problems, and only then is
 * the whole file checked and imported, all or nothing.
 */
export function ResultsImport({ schools, schoolRequired, defaultSchoolId }: Props) {
  const queryClient = useQueryClient();
  const templates = useQuery(mappingTemplatesQuery).data ?? [];
  const [schoolId, setSchoolId] = useState<string | null>(defaultSchoolId);
  const [file, setFile] = useState<{ file: File; n: number } | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent] = useDebouncedValue(mapping, 400);
  const template = templates.find((t) => t.id === templateId) ?? null;

  // While a change to the mapping is being typed the last preview stays on screen.
  const settled = mapping === null || JSON.stringify(sent) === JSON.stringify(mapping);
  const preview = useQuery({
    queryKey: ['mapped-preview', file?.n, schoolId, sheet, JSON.stringify(mapping)],
    queryFn: async () => ({
      n: file!.n,
      sheet,
      preview: await previewMapped({ file: file!.file, schoolId, sheet, mapping }),
    }),
    enabled: file !== null && settled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // An earlier file's (or sheet's) preview is never shown against a new one.
  const shown =
    file && preview.data?.n === file.n && preview.data.sheet === sheet ? preview.data.preview : null;
  // The first answer carries the suggestion; from then on the editor owns the mapping.
  useEffect(() => {
    if (!shown || mapping !== null || !file) return;
    // The suggestion's own preview is the one just fetched: seed it rather than ask again.
    const key = ['mapped-preview', file.n, schoolId, sheet, JSON.stringify(shown.mapping)];
    queryClient.setQueryData(key, { n: file.n, sheet, preview: shown });
    setMapping(shown.mapping);
  }, [shown, mapping, file, schoolId, sheet, queryClient]);

  const startOver = (next: () => void) => {
    next();
    setOutcome(null);
    setError(null);
  };
  const edit = (m: ImportMapping) => startOver(() => setMapping(m));
  const chooseFile = (f: File | null) =>
    startOver(() => {
      setFile(f ? { file: f, n: (file?.n ?? 0) + 1 } : null);
      setSheet(null);
      setMapping(template?.mapping ?? null);
    });
  const chooseTemplate = (id: string | null) =>
    startOver(() => {
      setTemplateId(id);
      const t = templates.find((x) => x.id === id);
      setMapping(t?.mapping ?? null);
      setSheet(t?.mapping.sheet ?? null);
    });

  const changed = template !== null && !sameMapping(template.mapping, mapping);
  const mustSave = mapping !== null && tooLargeToSendInline(mapping) && (template === null || changed);
  const problems = shown?.mappingProblems ?? [];
  const ready =
    file !== null && mapping !== null && problems.length === 0 && !mustSave && !(schoolRequired && !schoolId);

  const run = async (dryRun: boolean) => {
    if (!file || !mapping) return;
    setError(null);
    setProgress(0);
    try {
      const useSaved = template !== null && !changed && tooLargeToSendInline(mapping);
      const result = await importMapped(
        {
          file: file.file,
          schoolId,
          sheet,
          mapping: useSaved ? null : mapping,
          dryRun,
          ...(useSaved ? { mappingId: template.id } : {}),
        },
        setProgress,
      );
      setOutcome(result);
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['analysis'] });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setProgress(null);
    }
  };

  const save = async () => {
    if (!mapping) return;
    setSaving(true);
    try {
      const saved =
        template && changed && !saveAs.trim()
          ? await updateMapping(template, mapping)
          : await saveMapping({ name: saveAs.trim(), source: '', mapping });
      await queryClient.invalidateQueries({ queryKey: ['import-mappings'] });
      setTemplateId(saved.id);
      setSaveAs('');
      notifications.show({
        color: 'teal',
        message: `Mapping “${saved.name}” saved for the next file like this.`,
      });
    } catch (err) {
      notifications.show({ color: 'red', message: messageOf(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Results exported from your MIS, as CSV or Excel: one row per result, or a marksheet with one row per
        pupil and a column per assessment. The columns are matched for you; check them against the first rows
        before the whole file is checked.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="School"
          w={260}
          data={schools}
          value={schoolId}
          onChange={(v) => startOver(() => setSchoolId(v))}
          clearable={!schoolRequired}
          placeholder={schoolRequired ? 'Choose a school' : 'Any school in the trust'}
          description="Only this school’s pupils may appear"
        />
        <Select
          label="Saved mapping"
          w={260}
          data={templates.map((t) => ({ value: t.id, label: t.name }))}
          value={templateId}
          onChange={chooseTemplate}
          clearable
          placeholder="Suggest from the file"
          description={template?.source || 'A layout saved from an earlier file'}
        />
        <FileInput
          label="File"
          w={300}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          placeholder="Choose a CSV or Excel file"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          value={file?.file ?? null}
          onChange={chooseFile}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
        />
      </Group>

      {file && preview.isError && (
        <Alert color="yellow" title="The file cannot be read" role="alert">
          {messageOf(preview.error)}
        </Alert>
      )}
      {file && shown && mapping && (
        <Stack gap="md" pos="relative">
          <Text size="sm" c="dimmed">
            {describeFile(shown)}
          </Text>
          {shown.sheets.length > 1 && (
            <Select
              label="Sheet"
              w={260}
              data={shown.sheets}
              value={shown.sheet}
              allowDeselect={false}
              onChange={(v) =>
                startOver(() => {
                  setSheet(v);
                  setMapping(null);
                })
              }
            />
          )}
          <Title order={3} fz="md">
            How the columns are read
          </Title>
          <MappingEditor mapping={mapping} headers={shown.headers} onChange={edit} />
          {problems.length > 0 && (
            <Alert color="yellow" title="Finish the mapping first">
              <Stack gap={2}>
                {problems.map((p) => (
                  <Text size="sm" key={p}>
                    {p}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Group align="flex-end">
            <TextInput
              label={
                template && changed
                  ? `Save as a new mapping, or leave blank to update “${template.name}”`
                  : 'Save this mapping as'
              }
              placeholder="e.g. SIMS marksheet"
              w={340}
              value={saveAs}
              onChange={(e) => setSaveAs(e.currentTarget.value)}
            />
            <Button
              variant="default"
              onClick={save}
              loading={saving}
              disabled={!saveAs.trim() && !(template && changed)}
            >
              {template && changed && !saveAs.trim() ? 'Save changes' : 'Save mapping'}
            </Button>
          </Group>
          {mustSave && (
            <Text size="sm" c="yellow.9">
              This mapping has too many columns to send with the file: save it first.
            </Text>
          )}
          <Title order={3} fz="md">
            First rows
          </Title>
          <div style={{ position: 'relative' }}>
            <LoadingOverlay
              visible={preview.isFetching}
              overlayProps={{ blur: 1 }}
              loaderProps={{ size: 'sm' }}
            />
            <PreviewTable rows={shown.rows} />
          </div>
          <Group>
            <Button onClick={() => run(true)} disabled={!ready} loading={progress !== null && !outcome}>
              Check file
            </Button>
          </Group>
        </Stack>
      )}
      {progress !== null && (
        <Stack gap={4}>
          <Progress value={progress * 100} animated={progress >= 1} aria-label="Upload progress" />
          <Text size="xs" c="dimmed">
            {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Checking every row…'}
          </Text>
        </Stack>
      )}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {outcome && (
        <ImportOutcomeCard outcome={outcome} onCommit={() => run(false)} committing={progress !== null} />
      )}
    </Stack>
  );
}
