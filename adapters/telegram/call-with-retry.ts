import { TelegramError } from 'telegraf';

export interface RetryOptions {
  /** Total attempts including the first one. */
  maxAttempts?: number;
  /** First backoff after a 5xx; doubles on each further attempt. */
  baseDelayMs?: number;
  /** A 429 asking for a longer wait than this is not retried: the caller gets the error. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the Bot API again when Telegram says "too many requests" (waiting the `retry_after` it
 * asks for) or fails with a 5xx (exponential backoff). Any other error is thrown at once: a 400
 * or 403 will not get better by asking again.
 */
export async function callWithRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const waitMs = retryDelay(error, attempt, baseDelayMs);
      if (waitMs === undefined || attempt >= maxAttempts || waitMs > maxWaitMs) throw error;
      await sleep(waitMs);
    }
  }
}

function retryDelay(error: unknown, attempt: number, baseDelayMs: number): number | undefined {
  if (!(error instanceof TelegramError)) return undefined;
  if (error.code === 429) return (error.parameters?.retry_after ?? 1) * 1000;
  if (error.code >= 500) return baseDelayMs * 2 ** (attempt - 1);
  return undefined;
}
