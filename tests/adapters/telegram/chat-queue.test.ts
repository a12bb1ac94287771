import { describe, expect, it } from 'vitest';
import { createChatQueue } from '../../../adapters/telegram/chat-queue.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createChatQueue', () => {
  it('runs tasks of one chat in order, other chats alongside, and survives a failing task', async () => {
    const queue = createChatQueue();
    const order: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      await pause(ms);
      order.push(name);
      if (fail) throw new Error(name);
      return name;
    };
    const results = Promise.allSettled([
      queue.run('a', task('a1', 30, true)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 5)),
    ]);
    await queue.idle();
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect((await results).map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});
