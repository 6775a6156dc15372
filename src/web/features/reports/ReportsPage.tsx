import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileTypeCsv, IconFileTypeDocx, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportKind } from '../../../shared/contracts/reports';
import { formatDate, parseUkDate } from '../../app/format';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState, PageLoader } from '../../app/states';
import { roundsQuery } from '../evaluation/evaluation.api';
import { plansQuery } from '../planning/planning.api';
import { schoolsQuery } from '../schools/schools.api';
import { ReportView } from './ReportView';
import { openDataUrl, type ReportParams, reportFileUrl, reportQuery } from './reports.api';

type Choice = ReportKind | 'open-data';
const CHOICES: { value: Choice; label: string }[] = [
  { value: 'board', label: 'Board report' },
  { value: 'self-evaluation', label: 'Self-evaluation summary' },
  { value: 'plan', label: 'Improvement plan' },
  { value: 'open-data', label: 'Open data (CSV)' },
];
const isChoice = (v: string | null): v is Choice => CHOICES.some((c) => c.value === v);

function Downloads({ kind, params }: { kind: ReportKind; params: ReportParams }) {
  return (
    <Group gap="sm">
      <Button
        component="a"
        href={reportFileUrl(kind, params, 'pdf')}
        download
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
      >
        Download PDF
      </Button>
      <Button
        component="a"
        href={reportFileUrl(kind, params, 'docx')}
        download
        variant="default"
        leftSection={<IconFileTypeDocx size={16} aria-hidden />}
      >
        Download Word
      </Button>
      <Button
        component="a"
        href={reportFileUrl(kind, params, 'html')}
        target="_blank"
        variant="subtle"
        leftSection={<IconPrinter size={16} aria-hidden />}
      >
        Printable page
      </Button>
    </Group>
  );
}

function ShownReport({ kind, params }: { kind: ReportKind; params: ReportParams }) {
  const report = useQuery(reportQuery(kind, params));
  return (
    <Stack gap="md">
      <Downloads kind={kind} params={params} />
      {report.isPending && <PageLoader label="Preparing the report…" />}
      {report.error && <ErrorState error={report.error} onRetry={() => report.refetch()} thing="report" />}
      {report.data && <ReportView report={report.data} />}
    </Stack>
  );
}

function SelfEvaluationChooser({
  params,
  set,
}: {
  params: URLSearchParams;
  set: (k: string, v: string | null) => void;
}) {
  const rounds = useQuery(roundsQuery);
  const schools = useQuery(schoolsQuery);
  // A closed round by default: every judgement in it is agreed, so every reader may see it.
  const roundId =
    params.get('roundId') ??
    (rounds.data?.find((r) => r.status === 'closed') ?? rounds.data?.[0])?.id ??
    null;
  const schoolId = params.get('schoolId') ?? schools.data?.[0]?.id ?? null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
        <Select
          label="Round"
          data={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={roundId}
          onChange={(v) => set('roundId', v)}
          allowDeselect={false}
        />
        <Select
          label="School"
          data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={(v) => set('schoolId', v)}
          allowDeselect={false}
          searchable
        />
      </SimpleGrid>
      {roundId && schoolId ? (
        <ShownReport kind="self-evaluation" params={{ roundId, schoolId }} />
      ) : (
        rounds.data && <Text c="dimmed">There are no evaluation rounds yet to report on.</Text>
      )}
    </Stack>
  );
}

function PlanChooser({
  params,
  set,
}: {
  params: URLSearchParams;
  set: (k: string, v: string | null) => void;
}) {
  const plans = useQuery(plansQuery);
  const planId = params.get('planId') ?? plans.data?.[0]?.id ?? null;
  return (
    <Stack gap="md">
      <Select
        label="Plan"
        maw={480}
        data={(plans.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.title}${p.schoolName ? ` (${p.schoolName})` : ''}`,
        }))}
        value={planId}
        onChange={(v) => set('planId', v)}
        allowDeselect={false}
        searchable
      />
      {planId ? (
        <ShownReport kind="plan" params={{ planId }} />
      ) : (
        plans.data && (
          <Text c="dimmed">
            There are no improvement plans yet. When a school makes one, its report appears here.
          </Text>
        )
      )}
    </Stack>
  );
}

/** A date typed as schools write it (dd/mm/yyyy), applied when it is a real date or cleared. */
function UkDateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (iso: string | null) => void;
}) {
  const [text, setText] = useState(formatDate(value));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (!text.trim()) {
      setError(null);
      return onChange(null);
    }
    const iso = parseUkDate(text);
    setError(iso ? null : 'Enter a date as dd/mm/yyyy');
    if (iso) onChange(iso);
  };
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      value={text}
      error={error}
      w={160}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}

function BoardChooser({
  params,
  set,
}: {
  params: URLSearchParams;
  set: (k: string, v: string | null) => void;
}) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const chosen: ReportParams = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return (
    <Stack gap="md">
      <div>
        <Group gap="md" align="flex-start">
          <UkDateInput label="From" value={from} onChange={(v) => set('from', v)} />
          <UkDateInput label="To" value={to} onChange={(v) => set('to', v)} />
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          Leave both empty for everything up to today.
        </Text>
      </div>
      <ShownReport kind="board" params={chosen} />
    </Stack>
  );
}

function OpenData() {
  return (
    <Paper p="lg" maw={760}>
      <Stack gap="sm">
        <Text>
          School-level outcomes in the Department for Education’s open-data format: the published KS4 results
          imported for your schools and the trust’s own gap figures, one row per figure, with a companion file
          that describes every column. Small groups are shown as “c”, figures that do not apply as “z” and
          figures not available as “x”, as in the DfE’s own files.
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={openDataUrl('data')}
            download
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            Download data (CSV)
          </Button>
          <Button
            component="a"
            href={openDataUrl('meta')}
            download
            variant="default"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            Download column descriptions (.meta.csv)
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('report');
  const choice: Choice = isChoice(raw) ? raw : 'board';
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader
        title="Reports"
        description="Reports to share with governors, trustees, staff and parents. Each figure says which query made it, so anyone can check it; the PDF and Word versions hold exactly what you see here."
      />
      <Stack gap="lg">
        <SegmentedControl
          aria-label="Report"
          data={CHOICES}
          value={choice}
          onChange={(v) => setParams({ report: v }, { replace: true })}
          style={{ alignSelf: 'flex-start' }}
        />
        {choice === 'board' && <BoardChooser params={params} set={set} />}
        {choice === 'self-evaluation' && <SelfEvaluationChooser params={params} set={set} />}
        {choice === 'plan' && <PlanChooser params={params} set={set} />}
        {choice === 'open-data' && <OpenData />}
      </Stack>
    </>
  );
}
