import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippet parts', () => {
  it('marks the words the server highlighted', () => {
    expect(snippetParts('Persistent [[absence]] fell in [[Year]] 9')).toEqual([
      { text: 'Persistent ', marked: false },
      { text: 'absence', marked: true },
      { text: ' fell in ', marked: false },
      { text: 'Year', marked: true },
      { text: ' 9', marked: false },
    ]);
  });

  it('leaves text without highlights whole, and never treats markup as markup', () => {
    expect(snippetParts('<b>no</b> match')).toEqual([{ text: '<b>no</b> match', marked: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
