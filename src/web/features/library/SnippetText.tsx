import { Text } from '@mantine/core';
import { snippetParts } from './snippet';

/** A search snippet with the matched words marked; built from text, never from HTML. */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <Text size="sm" c="dimmed" lineClamp={3}>
      {snippetParts(snippet).map((p, i) =>
        p.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string in a fixed order
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-1)', color: 'inherit', padding: 0 }}>
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}
