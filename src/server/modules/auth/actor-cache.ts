import type { Actor } from '../../platform/auth/actor';

type Entry = { value: { actor: Actor; csrfToken: string }; expires: number };

/**
 * Remembers the actor behind a session for a few seconds, which saves a database round trip on
 * nearly every request. Sign-out, password changes and role changes on this server clear entries at
 * once; another server process sharing the database sees such a change within `ttlMs`.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): Entry['value'] | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: Entry['value']): void {
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deletePerson(personId: string): void {
    for (const [k, e] of this.entries) if (e.value.actor.personId === personId) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
