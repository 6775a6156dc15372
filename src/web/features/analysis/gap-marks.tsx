import type { ReactNode } from 'react';

/**
 * The marks the gap chart draws, shared with its key so the two always match. Okabe and Ito's
 * vermilion and blue stay apart for the common kinds of colour blindness and both clear 3:1 against
 * white; the groups also differ in shape (circle and square), so nothing depends on colour.
 */
export const FOCUS_COLOUR = '#D55E00';
export const OTHER_COLOUR = '#0072B2';
export const INK = '#212529';
export const CAUTION_TEXT = '#7a4800';
/** Typed as text so it never turns into a coloured emoji. */
export const CAUTION_SIGN = '\u26A0\uFE0E';

type At = { x: number; y: number };

export function FocusMark({ x, y }: At) {
  return <circle cx={x} cy={y} r={5.5} fill={FOCUS_COLOUR} stroke="#ffffff" strokeWidth={1.5} />;
}

export function OtherMark({ x, y }: At) {
  return (
    <rect x={x - 5} y={y - 5} width={10} height={10} fill={OTHER_COLOUR} stroke="#ffffff" strokeWidth={1.5} />
  );
}

export function GroupMark({ focus, x, y }: At & { focus: boolean }) {
  return focus ? <FocusMark x={x} y={y} /> : <OtherMark x={x} y={y} />;
}

/** An interval: capped where it ends on the scale, an arrowhead where it runs off it. */
export function Whisker({
  from,
  to,
  y,
  colour,
  offLow = false,
  offHigh = false,
}: {
  from: number;
  to: number;
  y: number;
  colour: string;
  offLow?: boolean;
  offHigh?: boolean;
}) {
  return (
    <g stroke={colour} strokeWidth={2} fill={colour}>
      <line x1={from} x2={to} y1={y} y2={y} />
      {offLow ? (
        <path d={`M${from - 2} ${y} l7 -4.5 v9 z`} strokeWidth={1} />
      ) : (
        <line x1={from} x2={from} y1={y - 4} y2={y + 4} />
      )}
      {offHigh ? (
        <path d={`M${to + 2} ${y} l-7 -4.5 v9 z`} strokeWidth={1} />
      ) : (
        <line x1={to} x2={to} y1={y - 4} y2={y + 4} />
      )}
    </g>
  );
}

/** A mark drawn in a small inline picture, for the key and the table. */
export function KeySwatch({ children, width = 22 }: { children: ReactNode; width?: number }) {
  return (
    <svg width={width} height={14} viewBox={`0 0 ${width} 14`} aria-hidden focusable="false">
      {children}
    </svg>
  );
}
