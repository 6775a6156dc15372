import { Alert, Code, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Report, ReportFigure } from '../../../shared/contracts/reports';
import { chartSvg } from '../../../shared/reports/chart-svg';
import { formatDateTime } from '../../app/format';

/** "GET /api/v1/…?a=b": the query that reproduces a figure. */
export function sourceText(s: ReportFigure['source']): string {
  const q = new URLSearchParams(s.params).toString();
  return `${s.endpoint}${q ? `?${q}` : ''}`;
}

function Figure({ figure }: { figure: ReportFigure }) {
  return (
    <Stack gap={6} component="figure" m={0}>
      {figure.kind === 'table' ? (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder withColumnBorders striped fz="sm" captionSide="top">
            <Table.Caption ta="left" fw={700} c="var(--mantine-color-text)">
              {figure.title}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {figure.columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figure.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={figure.columns.length}>Nothing to show for this period.</Table.Td>
                </Table.Tr>
              )}
              {figure.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
                <Table.Tr key={i} fw={figure.totalRows.includes(i) ? 700 : undefined}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <Table.Th key={j} scope="row" fw="inherit">
                        {cell}
                      </Table.Th>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <Table.Td key={j}>{cell}</Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <>
          <Text fw={700} component="figcaption">
            {figure.title}
          </Text>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(figure))}`}
            alt={`${figure.title}. ${figure.series
              .map((s) => `${s.name}: ${s.points.map((p) => `${p.label} ${p.value ?? 'hidden'}`).join(', ')}`)
              .join('. ')}`}
            style={{ maxWidth: '100%', height: 'auto' }}
          />
        </>
      )}
      {figure.notes.map((n) => (
        <Text key={n} size="sm">
          {n}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        Source: <Code>{sourceText(figure.source)}</Code>
      </Text>
    </Stack>
  );
}

/** A report on screen: the same sections, tables and charts as its PDF and Word versions. */
export function ReportView({ report }: { report: Report }) {
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} component="article" aria-labelledby="report-title">
      <Stack gap="lg">
        <div>
          <Title order={2} id="report-title">
            {report.title}
          </Title>
          <Text>{report.subtitle}</Text>
          <Text size="sm" c="dimmed">
            Generated {formatDateTime(report.generatedAt)} by {report.generatedBy}.
          </Text>
        </div>
        {report.audience === 'board' && (
          <Alert variant="light" title="Prepared for governors and trustees">
            Groups of fewer than {report.suppressionThreshold} pupils are hidden (shown as “c”), together with
            any figure that would let them be worked out.
          </Alert>
        )}
        {report.sections.map((s) => (
          <Stack key={s.heading} gap="md" component="section">
            <Title order={3}>{s.heading}</Title>
            {s.paragraphs.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
            {s.figures.map((f) => (
              <Figure key={f.id} figure={f} />
            ))}
          </Stack>
        ))}
        {report.caveats.length > 0 && (
          <Stack gap="xs" component="section">
            <Title order={3}>About these figures</Title>
            <List>
              {report.caveats.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
