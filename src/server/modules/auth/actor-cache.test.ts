import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { ActorCache } from './actor-cache';

const actor = (personId: string): Actor => ({
  personId,
  trustId: 't',
  name: 'n',
  assignments: [],
  via: 'session',
});

describe('ActorCache', () => {
  it('forgets entries after their time to live', () => {
    vi.useFakeTimers();
    const cache = new ActorCache(1000);
    cache.set('k', { actor: actor('p'), csrfToken: 'c' });
    expect(cache.get('k')?.actor.personId).toBe('p');
    vi.advanceTimersByTime(1001);
    expect(cache.get('k')).toBeUndefined();
    vi.useRealTimers();
  });

  it('forgets every session of a person at once', () => {
    const cache = new ActorCache();
    cache.set('a', { actor: actor('p1'), csrfToken: 'c' });
    cache.set('b', { actor: actor('p1'), csrfToken: 'c' });
    cache.set('c', { actor: actor('p2'), csrfToken: 'c' });
    cache.deletePerson('p1');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
    expect(cache.get('c')).toBeDefined();
  });

  it('stays within its size bound by dropping the oldest entry', () => {
    const cache = new ActorCache(10_000, 2);
    cache.set('a', { actor: actor('1'), csrfToken: 'c' });
    cache.set('b', { actor: actor('2'), csrfToken: 'c' });
    cache.set('c', { actor: actor('3'), csrfToken: 'c' });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });
});
