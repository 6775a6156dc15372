import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { plural } from '../../app/format';
import { schoolsQuery } from '../schools/schools.api';
import { CaseStudyCard } from './CaseStudyCard';
import { suggestionsQuery } from './library.api';

/** Case studies matched to what a school judged below Secure in its latest evaluation. */
export function SuggestedPanel({ componentLabel }: { componentLabel: (code: string) => string }) {
  const schools = useQuery(schoolsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const active = (schools.data ?? []).filter((s) => s.status !== 'archived');
  const schoolId = chosen ?? active[0]?.id ?? null;
  const suggested = useQuery({ ...suggestionsQuery(schoolId ?? ''), enabled: !!schoolId });
  if (!active.length) return null;
  const s = suggested.data;
  return (
    <Paper p="md" component="section" aria-labelledby="suggested-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="suggested-heading">
          Suggested for you
        </Title>
        <Select
          label="School"
          data={active.map((x) => ({ value: x.id, label: x.name }))}
          value={schoolId}
          onChange={setChosen}
          allowDeselect={false}
        />
        {suggested.isPending && <Text c="dimmed">Finding case studies…</Text>}
        {s && (
          <Text size="sm" c="dimmed">
            {s.roundName
              ? `${plural(s.weakStatements, 'statement')} judged below Secure in ${s.roundName}.`
              : 'This school has no judgements yet, so there is nothing to match.'}
          </Text>
        )}
        {s?.roundName && s.results.length === 0 && (
          <Text size="sm">No published case study covers those areas yet.</Text>
        )}
        {s?.results.map((r) => (
          <CaseStudyCard
            key={r.id}
            item={r}
            compact
            componentLabel={componentLabel}
            extra={
              r.matchedComponents.length > 0 && (
                <Text size="xs" c="dimmed">
                  Matches: {r.matchedComponents.map(componentLabel).join('; ')}
                </Text>
              )
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}
