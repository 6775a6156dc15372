import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { EvaluationResponse } from '../../../shared/contracts/evaluation';
import { ApiError } from '../../app/api';

/**
 * saved: nothing waiting; pending: a change waits for the pause in typing; saving: on its way;
 * blocked: cannot be saved as it stands (e.g. a rationale is missing); conflict: someone else saved
 * first; error: the save failed and will be retried with the next change.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'blocked' | 'conflict' | 'error';
export type OverallSaveState = 'untouched' | SaveState;

const precedence: SaveState[] = ['conflict', 'error', 'blocked', 'saving', 'pending', 'saved'];

/** The page-wide view of every statement's autosave, for the indicator and for "save before submitting". */
export class SaveRegistry {
  private readonly states = new Map<string, SaveState>();
  private readonly flushers = new Map<string, () => Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private overall: OverallSaveState = 'untouched';

  set(key: string, state: SaveState): void {
    this.states.set(key, state);
    const values = new Set(this.states.values());
    const next = precedence.find((s) => values.has(s)) ?? 'untouched';
    if (next === this.overall) return;
    this.overall = next;
    for (const l of this.listeners) l();
  }

  register(key: string, flush: () => Promise<void>): () => void {
    this.flushers.set(key, flush);
    return () => this.flushers.delete(key);
  }

  /** Sends every waiting change now; resolves once all have been answered. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.flushers.values()].map((f) => f()));
  }

  count(state: SaveState): number {
    return [...this.states.values()].filter((s) => s === state).length;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.overall;
}

export const SaveRegistryContext = createContext(new SaveRegistry());

export function useOverallSaveState(): OverallSaveState {
  const registry = useContext(SaveRegistryContext);
  return useSyncExternalStore(registry.subscribe, registry.getSnapshot);
}

/** Returns the request to send for a draft, 'unchanged' when it matches the server, or 'blocked'. */
export type Sender<D> = (
  draft: D,
  base: EvaluationResponse,
) => Promise<EvaluationResponse> | 'unchanged' | 'blocked';

type Options<D> = {
  /** The server's copy; a newer one from elsewhere is adopted when nothing local is waiting. */
  response: EvaluationResponse;
  send: Sender<D>;
  onSaved: (saved: EvaluationResponse) => void;
  /** Fetches the latest copy after a 409, to tell "someone else saved first" from other refusals. */
  latest: () => Promise<EvaluationResponse | undefined>;
  delay?: number;
};

/**
 * Saves a statement's draft a moment after the last change, one request at a time, each carrying
 * the version it was based on so a colleague's newer save is never overwritten silently.
 */
export function useAutosave<D>({ response, send, onSaved, latest, delay = 800 }: Options<D>) {
  const registry = useContext(SaveRegistryContext);
  // Undefined until the first change, so untouched statements make no claim about saving.
  const [state, setState] = useState<SaveState>();
  const [error, setError] = useState<unknown>();
  const [theirs, setTheirs] = useState<EvaluationResponse>();
  const ref = useRef({
    base: response,
    waiting: undefined as D | undefined,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    running: undefined as Promise<void> | undefined,
    conflicted: false,
  });
  const callbacks = useRef({ send, onSaved, latest });
  callbacks.current = { send, onSaved, latest };

  const report = useCallback(
    (s: SaveState) => {
      setState(s);
      registry.set(response.id, s);
    },
    [registry, response.id],
  );

  const run = useCallback(async (): Promise<void> => {
    const c = ref.current;
    if (c.waiting === undefined || c.conflicted) return;
    const draft = c.waiting;
    c.waiting = undefined;
    const request = callbacks.current.send(draft, c.base);
    if (request === 'unchanged' || request === 'blocked') {
      report(request === 'blocked' ? 'blocked' : 'saved');
      return;
    }
    report('saving');
    try {
      const saved = await request;
      c.base = saved;
      callbacks.current.onSaved(saved);
      setError(undefined);
      if (c.waiting !== undefined) return run();
      report('saved');
    } catch (err) {
      c.waiting ??= draft;
      if (err instanceof ApiError && err.isConflict) {
        const fresh = await callbacks.current.latest().catch(() => undefined);
        if (fresh && fresh.version !== c.base.version) {
          c.conflicted = true;
          setTheirs(fresh);
          report('conflict');
          return;
        }
      }
      setError(err);
      report('error');
    }
  }, [report]);

  const flush = useCallback(async (): Promise<void> => {
    const c = ref.current;
    clearTimeout(c.timer);
    c.timer = undefined;
    while (c.running) await c.running;
    if (c.waiting === undefined || c.conflicted) return;
    c.running = run().finally(() => {
      c.running = undefined;
    });
    await c.running;
  }, [run]);

  const schedule = useCallback(
    (draft: D) => {
      const c = ref.current;
      c.waiting = draft;
      if (c.conflicted) return;
      report('pending');
      clearTimeout(c.timer);
      c.timer = setTimeout(() => void flush(), delay);
    },
    [delay, flush, report],
  );

  /** After a conflict: base further changes on their version, and either keep theirs or re-send ours. */
  const resolve = useCallback(
    (keep: 'theirs' | 'mine') => {
      const c = ref.current;
      if (!theirs) return;
      c.base = theirs;
      c.conflicted = false;
      setTheirs(undefined);
      if (keep === 'theirs') {
        c.waiting = undefined;
        report('saved');
      } else {
        void flush();
      }
    },
    [theirs, flush, report],
  );

  // A newer copy from elsewhere (a reload, a colleague) becomes the base when nothing local is waiting.
  const c = ref.current;
  const idle = c.waiting === undefined && !c.running && !c.conflicted;
  if (idle && response.version > c.base.version) c.base = response;

  useEffect(() => {
    const unregister = registry.register(response.id, flush);
    return () => {
      unregister();
      // Leaving the page or the aspect still saves what was typed.
      void flush();
    };
  }, [registry, response.id, flush]);

  /** True when nothing local is waiting, so the card may show a newer server copy as it is. */
  return { state, error, theirs, schedule, flush, resolve, idle };
}
