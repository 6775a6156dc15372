import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep teal; the primary shade (7) keeps white text on buttons and teal links on tinted rows above AA contrast.
const brand: MantineColorsTuple = [
  '#e7f5f6',
  '#c6e7ea',
  '#9fd6db',
  '#72c1c8',
  '#47abb4',
  '#25939d',
  '#0f7c86',
  '#0b6670',
  '#08505a',
  '#053c44',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 4 },
  colors: { brand },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    // Mantine's close buttons are icon-only; give them a name screen readers can announce.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
  },
});

// Mantine's defaults for secondary text (gray 6), placeholders and field errors (red 6) are too faint for AA
// contrast on white; use darker shades.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // Placeholders (gray 5 by default) also carry meaning, e.g. an empty file field's prompt.
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
