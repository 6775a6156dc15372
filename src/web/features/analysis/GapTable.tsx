import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { GapAnalysis } from '../../../shared/contracts/analysis';
import { CAUTION_SIGN, CAUTION_TEXT } from './gap-marks';
import { gapRows, SUPPRESSED } from './gap-table';

const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
// Headings may wrap, so the table fits a laptop screen without scrolling.
const head = { verticalAlign: 'bottom' } as const;
const numericHead = { ...head, textAlign: 'right' } as const;

/** "3.3 (2.8 to 3.8)", the range quieter than the figure it qualifies; "c" alone when hidden. */
function WithRange({ value, from, to }: { value: string; from: string; to: string }) {
  if (!value) return <>–</>;
  if (value === SUPPRESSED || !from || !to) return <>{value}</>;
  return (
    <>
      {value}{' '}
      <Text span inherit c="dimmed">
        ({from} to {to})
      </Text>
    </>
  );
}

/** The chart's numbers as a table: each group's pupils and average with its likely range, and the gap. */
export function GapTable({ analysis, caption }: { analysis: GapAnalysis; caption: string }) {
  const rows = gapRows(analysis);
  const withIndex = analysis.groupBy === 'disadvantaged';
  const first = rows[0];
  const isSmall = (scopeIndex: number, key: string) =>
    analysis.scopes[scopeIndex]?.groups.some((g) => g.key === key && g.smallGroup && !g.suppressed) ?? false;
  return (
    // Focusable, so keyboard users can scroll it sideways on a narrow screen.
    <Box
      tabIndex={0}
      role="region"
      aria-label="Gap table, scrolls sideways on narrow screens"
      style={{ overflowX: 'auto' }}
    >
      <Table
        fz="sm"
        verticalSpacing="xs"
        horizontalSpacing="sm"
        withColumnBorders
        miw={withIndex ? 760 : 680}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <colgroup />
        <colgroup span={2} />
        <colgroup span={2} />
        <colgroup span={2} />
        {withIndex && <colgroup />}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2} style={head}>
              School
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={2}>
              {first?.focus.label}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={2}>
              {first?.other.label}
            </Table.Th>
            <Table.Th scope="colgroup" colSpan={2}>
              Gap
            </Table.Th>
            {withIndex && (
              <Table.Th scope="col" rowSpan={2} style={numericHead}>
                Gap index
              </Table.Th>
            )}
          </Table.Tr>
          <Table.Tr>
            {[0, 1].map((i) => (
              <Fragment key={i}>
                <Table.Th scope="col" style={numericHead}>
                  Pupils
                </Table.Th>
                <Table.Th scope="col" style={numericHead}>
                  Average (likely range)
                </Table.Th>
              </Fragment>
            ))}
            <Table.Th scope="col" style={numericHead}>
              Size (likely range)
            </Table.Th>
            <Table.Th scope="col" style={head}>
              More than chance?
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr
              key={analysis.scopes[i]?.schoolId ?? 'trust'}
              bg={r.scope === 'trust' ? 'gray.0' : undefined}
            >
              <Table.Th scope="row" fw={r.scope === 'trust' ? 700 : 600}>
                {r.label}
                {r.note && (
                  <Text size="xs" fw={600} c={r.note.startsWith(SUPPRESSED) ? 'dimmed' : CAUTION_TEXT}>
                    {r.note.startsWith(SUPPRESSED) ? '' : `${CAUTION_SIGN} `}
                    {r.note}
                  </Text>
                )}
              </Table.Th>
              {[
                { key: 'focus', figures: r.focus },
                { key: 'other', figures: r.other },
              ].map(({ key, figures }) => (
                <Fragment key={key}>
                  <Table.Td style={numeric}>
                    {figures.pupils || '–'}
                    {isSmall(i, key) && (
                      <Text span c={CAUTION_TEXT} fw={700} ml={4}>
                        <span aria-hidden>{CAUTION_SIGN}</span>
                        <VisuallyHidden> (small group)</VisuallyHidden>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={numeric}>
                    <WithRange value={figures.average} from={figures.from} to={figures.to} />
                  </Table.Td>
                </Fragment>
              ))}
              <Table.Td style={numeric}>
                <WithRange value={r.gap} from={r.gapFrom} to={r.gapTo} />
              </Table.Td>
              <Table.Td>{r.verdict || '–'}</Table.Td>
              {withIndex && <Table.Td style={numeric}>{r.gapIndex || '–'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
