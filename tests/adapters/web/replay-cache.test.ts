import { describe, expect, it } from 'vitest';
import { createReplayCache } from '../../../adapters/web/replay-cache.ts';

describe('createReplayCache', () => {
  it('runs once per (scope, id), shares a pending result, and forgets failures', async () => {
    const cache = createReplayCache<number>();
    let runs = 0;
    const produce = async () => ++runs;
    const [first, second] = await Promise.all([cache.once('s1', 'm1', produce), cache.once('s1', 'm1', produce)]);
    expect(first).toEqual({ value: 1, replayed: false });
    expect(second).toEqual({ value: 1, replayed: true });
    expect((await cache.once('s2', 'm1', produce)).value).toBe(2);

    await expect(cache.once('s1', 'm2', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.once('s1', 'm2', produce)).toEqual({ value: 3, replayed: false });
  });

  it('keeps at most perSession ids per session and at most `sessions` sessions', async () => {
    const cache = createReplayCache<string>({ perSession: 2, sessions: 2 });
    for (const id of ['a', 'b', 'c']) await cache.once('s1', id, async () => `first ${id}`);
    expect((await cache.once('s1', 'c', async () => 'again')).value).toBe('first c');
    expect((await cache.once('s1', 'a', async () => 'again')).value).toBe('again');

    await cache.once('s2', 'x', async () => 'x');
    await cache.once('s3', 'x', async () => 'x');
    expect((await cache.once('s1', 'c', async () => 'forgotten')).value).toBe('forgotten');
  });
});
