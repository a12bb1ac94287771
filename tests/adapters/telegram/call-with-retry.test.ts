import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { callWithRetry } from '../../../adapters/telegram/call-with-retry.ts';

function failing(errors: Error[]): { call: () => Promise<string>; attempts: () => number } {
  let attempts = 0;
  return {
    call: async () => {
      const error = errors[attempts];
      attempts += 1;
      if (error) throw error;
      return 'sent';
    },
    attempts: () => attempts,
  };
}

const tooMany = (retryAfter: number) =>
  new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });
const badGateway = () => new TelegramError({ error_code: 502, description: 'Bad Gateway' });

describe('callWithRetry', () => {
  it('waits what a 429 asks for, then succeeds', async () => {
    const sleeps: number[] = [];
    const calls = failing([tooMany(3), tooMany(1)]);
    await expect(callWithRetry(calls.call, { sleep: async (ms) => void sleeps.push(ms) })).resolves.toBe('sent');
    expect(sleeps).toEqual([3000, 1000]);
    expect(calls.attempts()).toBe(3);
  });

  it('backs off exponentially on 5xx and gives up after maxAttempts', async () => {
    const sleeps: number[] = [];
    const calls = failing([badGateway(), badGateway(), badGateway()]);
    await expect(callWithRetry(calls.call, { maxAttempts: 3, baseDelayMs: 100, sleep: async (ms) => void sleeps.push(ms) })).rejects.toThrow('502');
    expect(sleeps).toEqual([100, 200]);
    expect(calls.attempts()).toBe(3);
  });

  it('does not retry a 400, a 403 or a plain error, nor a 429 asking to wait too long', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const badRequest = new TelegramError({ error_code: 400, description: 'Bad Request: message text is empty' });
    const blocked = new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    for (const error of [badRequest, blocked, new Error('socket hang up')]) {
      const calls = failing([error]);
      await expect(callWithRetry(calls.call, { sleep })).rejects.toBe(error);
      expect(calls.attempts()).toBe(1);
    }
    const longWait = failing([tooMany(600)]);
    await expect(callWithRetry(longWait.call, { sleep, maxWaitMs: 60_000 })).rejects.toThrow('429');
    expect(sleeps).toEqual([]);
  });
});
