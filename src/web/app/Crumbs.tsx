import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';

type Crumb = { label: string; to?: string };

/** The trail back up from a page, as a navigation landmark; the last crumb is the page itself. */
export function Crumbs({ items, className }: { items: Crumb[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={className}>
      <Breadcrumbs mb="sm" separator="›">
        {items.map((c) =>
          c.to ? (
            <Anchor key={c.label} component={Link} to={c.to} size="sm">
              {c.label}
            </Anchor>
          ) : (
            <Text key={c.label} size="sm" c="dimmed" aria-current="page">
              {c.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
