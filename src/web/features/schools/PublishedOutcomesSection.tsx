import { Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SchoolDetail } from '../../../shared/contracts/org';
import { type Cell, publishedTables } from './published-tables';
import { publishedOutcomesQuery } from './schools.api';

function CellText({ cell }: { cell: Cell }) {
  if (!cell.missing) return <>{cell.text}</>;
  // The DfE's code is kept for those who know it; the reason is there for everyone else.
  return (
    <Tooltip label={cell.missing}>
      <Text span size="sm" c="dimmed" tabIndex={0} aria-label={`${cell.text}: ${cell.missing}`}>
        {cell.text}
      </Text>
    </Tooltip>
  );
}

/** The school's latest published DfE figures beside its local authority and England. */
export function PublishedOutcomesSection({ school }: { school: SchoolDetail }) {
  const outcomes = useQuery(publishedOutcomesQuery(school.id));
  if (!outcomes.data) return null;
  const tables = publishedTables(outcomes.data, school.urn, school.phase);
  return (
    <Paper component="section" p="lg" aria-labelledby="published-heading">
      <Title order={2} id="published-heading" fz="lg" mb={4}>
        Published results
      </Title>
      {tables.length === 0 ? (
        <Text size="sm" c="dimmed">
          No DfE downloads name this school yet. A trust administrator can import the performance tables,
          census, absence and Ofsted files on the Data page.
        </Text>
      ) : (
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            The latest figures from each DfE download imported on the Data page. A code in place of a figure
            is the DfE’s reason for not publishing it; point at it to read the reason.
          </Text>
          {tables.map((t) => (
            <Table.ScrollContainer key={t.dataset} minWidth={420}>
              <Table striped withTableBorder>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
                  {t.title}, {t.year}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Measure</Table.Th>
                    {t.columns.map((c) => (
                      <Table.Th key={c} scope="col" ta="right">
                        {c}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {t.rows.map((r) => (
                    <Table.Tr key={r.label}>
                      <Table.Th scope="row" fw={400}>
                        {r.label}
                      </Table.Th>
                      {r.cells.map((c, i) => (
                        <Table.Td
                          key={t.columns[i]}
                          ta="right"
                          style={{ fontVariantNumeric: 'tabular-nums' }}
                        >
                          <CellText cell={c} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
