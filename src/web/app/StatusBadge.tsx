import { Badge } from '@mantine/core';

type Props = { label: string; tone: 'teal' | 'gray' | 'yellow' | 'brand'; size?: 'sm' | 'md' };

/** A small status label: dark text on a pale tint, so it reads at AA contrast and never by colour alone. */
// Mantine's darkest yellow is still too light for text on its own tint.
const textColour = (tone: Props['tone']) =>
  tone === 'yellow' ? '#7a4800' : `var(--mantine-color-${tone}-9)`;

export function StatusBadge({ label, tone, size = 'md' }: Props) {
  return (
    <Badge
      size={size}
      radius="sm"
      tt="none"
      fw={600}
      miw="max-content"
      styles={{
        root: {
          background: `var(--mantine-color-${tone}-0)`,
          border: `1px solid var(--mantine-color-${tone}-3)`,
        },
        label: { color: textColour(tone) },
      }}
    >
      {label}
    </Badge>
  );
}
