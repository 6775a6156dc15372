import type { Scale } from '../../../shared/contracts/frameworks';

/**
 * ColorBrewer's YlGnBu: sequential, readable by the common kinds of colour blindness, and light to
 * dark so "darker is stronger" holds in greyscale print too. Values are shown as numbers as well.
 */
const SEQUENCE = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];

const DARK_TEXT = '#1a1b1e';
const LIGHT_TEXT = '#ffffff';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type Swatch = { value: number; label: string; background: string; text: string };

/** One colour per scale point, lowest value lightest, each with the more legible text colour. */
export function paletteFor(scale: Scale): Swatch[] {
  const points = [...scale.points].sort((a, b) => a.value - b.value);
  const n = points.length;
  return points.map((p, i) => {
    const background = SEQUENCE[n === 1 ? 0 : Math.round((i * (SEQUENCE.length - 1)) / (n - 1))] ?? '#ffffff';
    const text = contrast(background, DARK_TEXT) >= contrast(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
    return { value: p.value, label: p.label, background, text };
  });
}
