import { useEffect, useState } from 'react';

const keyFor = (personId: string) => `sip.meeting-notes.${personId}`;

function read(personId: string): string {
  try {
    return window.localStorage.getItem(keyFor(personId)) ?? '';
  } catch {
    return '';
  }
}

/**
 * Meeting notes kept in this browser, one note per person met. The server has no meeting log yet,
 * so they go no further than this device.
 */
export function useMeetingNotes(personId: string): [string, (notes: string) => void] {
  const [notes, setNotes] = useState(() => read(personId));
  const [loadedFor, setLoadedFor] = useState(personId);
  if (loadedFor !== personId) {
    setLoadedFor(personId);
    setNotes(read(personId));
  }
  useEffect(() => {
    try {
      if (notes) window.localStorage.setItem(keyFor(loadedFor), notes);
      else window.localStorage.removeItem(keyFor(loadedFor));
    } catch {
      // Private browsing or a full store: the notes stay on screen for this visit.
    }
  }, [notes, loadedFor]);
  return [notes, setNotes];
}
