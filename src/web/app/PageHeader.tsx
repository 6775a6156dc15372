import { Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown before the title, e.g. breadcrumbs. */
  above?: ReactNode;
};

/** The page's one h1, its browser tab title and its main actions. */
export function PageHeader({ title, description, actions, above }: Props) {
  useDocumentTitle(`${title} – School Improvement Platform`);
  return (
    <header>
      {above}
      <Group justify="space-between" align="flex-start" gap="md" mb="xl" wrap="wrap">
        <div>
          <Title order={1} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" mt={6} maw={720}>
              {description}
            </Text>
          )}
        </div>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </header>
  );
}
