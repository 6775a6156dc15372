import {
  Button,
  EmptyState,
  Grid,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBooks, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { measureKindLabels, measureKinds } from '../../../shared/contracts/library';
import { PageHeader } from '../../app/PageHeader';
import { ErrorState } from '../../app/states';
import { componentsQuery } from '../frameworks/frameworks.api';
import { CaseStudyCard } from './CaseStudyCard';
import { type SearchParams, searchQuery } from './library.api';
import { schoolPhaseLabel } from './library-text';
import { SuggestedPanel } from './SuggestedPanel';

const filterKeys = ['component', 'phase', 'region', 'measure'] as const;

export function LearnPage() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as SearchParams;
  const search = useQuery(searchQuery({ q: q || undefined, ...filters }));
  const mine = useQuery(searchQuery({ status: 'mine' }));
  const components = useQuery(componentsQuery);
  const labels = new Map((components.data ?? []).map((c) => [c.code, c.label]));
  const componentLabel = (code: string) => labels.get(code) ?? code;

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const facets = search.data?.facets ?? { regions: [], phases: [] };
  const componentGroups = [...new Set((components.data ?? []).map((c) => c.frameworkName))].map((group) => ({
    group,
    items: (components.data ?? [])
      .filter((c) => c.frameworkName === group)
      .map((c) => ({ value: c.code, label: c.label })),
  }));
  const results = search.data?.results ?? [];
  const filtered = !!q || filterKeys.some((k) => filters[k]);

  return (
    <>
      <PageHeader
        title="Learn"
        description="Case studies of improvement work, each tied to the parts of the school improvement model it addresses and backed by evidence of impact. Search for who has solved a problem like yours."
        actions={
          <Button
            component={Link}
            to="/learn/toolkit"
            variant="default"
            leftSection={<IconBooks size={16} aria-hidden />}
          >
            EEF Toolkit strands
          </Button>
        }
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper p="md" component="search" aria-label="Search case studies">
              <Stack gap="sm">
                <TextInput
                  label="Search case studies"
                  placeholder="For example: phonics catch-up, persistent absence, coaching"
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  onBlur={() => setFilter('q', text.trim() || null)}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label="Component"
                    placeholder="Any component"
                    data={componentGroups}
                    value={filters.component ?? null}
                    onChange={(v) => setFilter('component', v)}
                    clearable
                    searchable
                  />
                  <Select
                    label="Phase"
                    placeholder="Any phase"
                    data={facets.phases.map((p) => ({ value: p, label: schoolPhaseLabel(p) }))}
                    value={filters.phase ?? null}
                    onChange={(v) => setFilter('phase', v)}
                    clearable
                  />
                  <Select
                    label="Region"
                    placeholder="Any region"
                    data={facets.regions}
                    value={filters.region ?? null}
                    onChange={(v) => setFilter('region', v)}
                    clearable
                  />
                  <Select
                    label="Measure"
                    placeholder="Any measure"
                    data={measureKinds.map((k) => ({ value: k, label: measureKindLabels[k] }))}
                    value={filters.measure ?? null}
                    onChange={(v) => setFilter('measure', v)}
                    clearable
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
            {search.error ? (
              <ErrorState error={search.error} onRetry={() => search.refetch()} thing="search" />
            ) : (
              <section aria-labelledby="results-heading">
                <Title order={2} fz="lg" mb="sm" id="results-heading">
                  {filtered ? 'Results' : 'Latest case studies'}
                </Title>
                <Text size="sm" c="dimmed" mb="sm" role="status" aria-live="polite">
                  {search.isPending
                    ? 'Searching…'
                    : results.length === 0
                      ? ''
                      : `${results.length} case ${results.length === 1 ? 'study' : 'studies'}${filtered ? ', best match first' : ''}`}
                </Text>
                {!search.isPending && results.length === 0 ? (
                  <EmptyState
                    icon={<IconSearch size={28} aria-hidden />}
                    withIndicatorBackground
                    title={filtered ? 'Nothing matches that search' : 'No case studies yet'}
                    description={
                      filtered
                        ? 'Try fewer words, or clear a filter.'
                        : 'Write one from a finished plan priority: open the priority and choose "Write a case study".'
                    }
                  />
                ) : (
                  <Stack gap="sm">
                    {results.map((r) => (
                      <CaseStudyCard key={r.id} item={r} componentLabel={componentLabel} />
                    ))}
                  </Stack>
                )}
              </section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {(mine.data?.results.length ?? 0) > 0 && (
              <Paper p="md" component="section" aria-labelledby="mine-heading">
                <Stack gap="sm">
                  <Title order={2} fz="lg" id="mine-heading">
                    Drafts and reviews
                  </Title>
                  {mine.data?.results.map((r) => (
                    <CaseStudyCard key={r.id} item={r} compact componentLabel={componentLabel} />
                  ))}
                </Stack>
              </Paper>
            )}
            <SuggestedPanel componentLabel={componentLabel} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
