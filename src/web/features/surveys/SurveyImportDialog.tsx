import { Alert, Badge, Button, FileInput, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ColumnUse, SurveyImportResult, SurveySummary } from '../../../shared/contracts/surveys';
import { messageOf } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { schoolsQuery } from '../schools/schools.api';
import { fileBase64, importSurvey } from './surveys.api';

const USE_LABELS: Record<string, string> = {
  likert: 'Scale question',
  text: 'Written answers',
  ignore: 'Leave out',
  yearGroup: 'Year group',
  disadvantaged: 'Disadvantaged (pupil premium)',
  sen: 'SEN',
  eal: 'EAL',
  sex: 'Sex',
  dropped: 'Never stored',
};
const SOURCES: Record<string, string> = { ms_forms: 'Microsoft Forms', google_forms: 'Google Forms' };

type Props = { survey: SurveySummary; opened: boolean; onClose: () => void };

/** Upload an export, see how each column will be read and what is rejected, then import. */
export function SurveyImportDialog({ survey, opened, onClose }: Props) {
  const queryClient = useQueryClient();
  const schools = useQuery(schoolsQuery).data ?? [];
  const options = schools
    .filter((s) => !survey.schoolId || s.id === survey.schoolId)
    .map((s) => ({ value: s.id, label: s.name }));
  const [schoolId, setSchoolId] = useState<string | null>(survey.schoolId);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, ColumnUse>>({});
  const [check, setCheck] = useState<SurveyImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setCheck(null);
    setMapping({});
    setError(null);
    onClose();
  };
  const run = async (dryRun: boolean, nextMapping = mapping) => {
    if (!file || !schoolId) return;
    setBusy(true);
    setError(null);
    try {
      const result = await importSurvey(survey.id, {
        schoolId,
        filename: file.name,
        contentBase64: await fileBase64(file),
        dryRun,
        mapping: nextMapping,
      });
      if (dryRun || result.import.status !== 'committed') setCheck(result);
      else {
        await queryClient.invalidateQueries({ queryKey: ['surveys'] });
        const { rowsAccepted, rowsSkipped } = result.import;
        notifySuccess(
          `Imported ${rowsAccepted} responses${rowsSkipped ? ` (${rowsSkipped} skipped: blank or already imported)` : ''}.`,
        );
        close();
      }
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const override = (header: string, use: ColumnUse) => {
    const next = { ...mapping, [header]: use };
    setMapping(next);
    void run(true, next);
  };
  const useOptions = (
    survey.audience === 'pupil'
      ? ['likert', 'text', 'ignore', 'yearGroup', 'disadvantaged', 'sen', 'eal', 'sex']
      : ['likert', 'text', 'ignore']
  ).map((u) => ({ value: u, label: USE_LABELS[u] ?? u }));
  const ok = check && check.rejected.length === 0;

  return (
    <Modal opened={opened} onClose={close} title={`Import responses: ${survey.title}`} size="xl">
      <Stack gap="md">
        <Text size="sm">
          Export the responses from Microsoft Forms (Open in Excel) or Google Forms (Download responses as
          CSV) and choose the file. Names, email addresses and form IDs are removed before anything is saved.
        </Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="School the responses are from"
            data={options}
            value={schoolId}
            onChange={(v) => {
              setSchoolId(v);
              setCheck(null);
            }}
            w={280}
            disabled={survey.schoolId !== null}
          />
          <FileInput
            label="Export file"
            placeholder="Choose a CSV or XLSX file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setCheck(null);
              setMapping({});
            }}
            w={300}
          />
          <Button onClick={() => run(true)} disabled={!file || !schoolId} loading={busy && !check}>
            Check file
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="The file could not be checked">
            {error}
          </Alert>
        )}
        {check && (
          <Stack gap="sm">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {check.source ? `${SOURCES[check.source]} export` : 'Not a form export'}
              </Text>
              <Badge color={ok ? 'green' : 'red'} variant="light">
                {ok
                  ? `${check.import.rowsAccepted} new responses ready`
                  : `${check.import.rowsRejected} rows need fixing`}
              </Badge>
              {check.import.rowsSkipped > 0 && (
                <Badge color="gray" variant="light">
                  {check.import.rowsSkipped} blank or already imported
                </Badge>
              )}
            </Group>
            {check.columns.length > 0 && (
              <Table.ScrollContainer minWidth={600}>
                <Table aria-label="How each column will be read">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Column</Table.Th>
                      <Table.Th>Read as</Table.Th>
                      <Table.Th>Examples</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {check.columns.map((c) => (
                      <Table.Tr key={c.header}>
                        <Table.Td>
                          <Text size="sm">{c.header}</Text>
                          <Text size="xs" c="dimmed">
                            {c.note}
                            {c.newQuestion ? ' · new question' : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td w={230}>
                          {c.use === 'dropped' || c.questionId ? (
                            <Text size="sm">{USE_LABELS[c.use]}</Text>
                          ) : (
                            <Select
                              aria-label={`Read ${c.header} as`}
                              size="xs"
                              data={useOptions}
                              value={c.use}
                              allowDeselect={false}
                              onChange={(v) => v && override(c.header, v as ColumnUse)}
                            />
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {c.sample.join(' · ')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {check.rejected.length > 0 && (
              <Table aria-label="Rows that need fixing">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Value</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.rejected.slice(0, 50).map((r) => (
                    <Table.Tr key={`${r.row}-${r.column}`}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.column}</Table.Td>
                      <Table.Td>{r.value}</Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={() => run(false)} disabled={!ok || busy} loading={busy}>
                Import {check.import.rowsAccepted} responses
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
