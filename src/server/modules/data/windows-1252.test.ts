import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './windows-1252';

describe('Windows-1252', () => {
  it('turns the bytes Windows puts curly quotes, dashes and the euro sign in into those characters', () => {
    expect(decodeWindows1252(Uint8Array.from([0x4f, 0x92, 0x42, 0x20, 0x96, 0x20, 0x80, 0x93, 0x94]))).toBe(
      'O’B – €“”',
    );
  });

  it('reads every other byte as the character with that code', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const text = decodeWindows1252(bytes);
        expect(text.length).toBe(bytes.length);
        bytes.forEach((b, i) => {
          if (b < 0x80 || b > 0x9f) expect(text.charCodeAt(i)).toBe(b);
        });
      }),
    );
  });
});
