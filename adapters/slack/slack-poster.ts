import { webApi, type types } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/logging.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { maskDeep } from './mrkdwn.ts';

export type SlackBlock = types.KnownBlock;

export interface SlackMessage {
  channel: string;
  /** The notification and accessibility fallback; never empty. */
  text: string;
  blocks?: SlackBlock[];
  thread_ts?: string;
}

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  attempts: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  maxWaitMs: number;
  /** Wait before the second attempt after a 5xx or network error; doubles each time. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 3,
  maxWaitMs: 10_000,
  backoffMs: 250,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The Web API calls this adapter makes, with masking, the empty-message guard and bounded retries. */
export interface SlackPoster {
  postMessage(message: SlackMessage): Promise<{ channel: string; ts: string }>;
  postEphemeral(message: SlackMessage & { user: string }): Promise<void>;
  /** Display name for transcripts and audit; the user ID when Slack cannot tell. */
  userName(userId: string): Promise<string>;
  identity(): Promise<{ userId: string; botId: string }>;
}

export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly reason: string,
  ) {
    super(`Slack ${method} failed: ${reason}`);
    this.name = 'SlackApiError';
  }
}

const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

const postMessageResult = z.object({ channel: z.string(), ts: z.string() });
const authTestResult = z.object({ user_id: z.string(), bot_id: z.string().optional() });
const usersInfoResult = z.object({
  user: z
    .object({
      name: z.string().optional(),
      real_name: z.string().optional(),
      profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
    })
    .optional(),
});

type Failure = { retryable: false; reason: string } | { retryable: true; reason: string; waitMs: number | null };

function classify(error: unknown): Failure {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { retryable: true, reason: `rate limited (retry after ${coded.retryAfter ?? '?'} s)`, waitMs: (coded.retryAfter ?? 1) * 1000 };
    case webApi.ErrorCode.HTTPError:
      return (coded.statusCode ?? 0) >= 500
        ? { retryable: true, reason: `HTTP ${coded.statusCode}`, waitMs: null }
        : { retryable: false, reason: `HTTP ${coded.statusCode}` };
    case webApi.ErrorCode.RequestError:
      return { retryable: true, reason: 'network error', waitMs: null };
    case webApi.ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? 'unknown_error';
      return TRANSIENT_PLATFORM_ERRORS.has(reason) ? { retryable: true, reason, waitMs: null } : { retryable: false, reason };
    }
    default:
      return { retryable: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function createSlackPoster(options: { botToken: string; apiUrl?: string; logger: Logger; retry?: Partial<RetryPolicy> }): SlackPoster {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const log = options.logger.child({ component: 'slack-api' });
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    logger: toBoltLogger(options.logger),
    // Retries are ours (bounded, logged); the client's default retries for half an hour.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  const names = new Map<string, string>();
  let identity: Promise<{ userId: string; botId: string }> | null = null;

  async function call(method: string, args: Record<string, unknown>): Promise<unknown> {
    let backoff = policy.backoffMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await client.apiCall(method, args);
      } catch (error) {
        const failure = classify(error);
        const last = attempt >= policy.attempts;
        log.warn({ method, attempt, reason: failure.reason }, 'Slack API call failed');
        if (!failure.retryable || last) throw new SlackApiError(method, failure.reason);
        const waitMs = failure.waitMs ?? backoff;
        if (waitMs > policy.maxWaitMs) throw new SlackApiError(method, failure.reason);
        backoff *= 2;
        await policy.sleep(waitMs);
      }
    }
  }

  function guard(message: SlackMessage): void {
    if (message.text.trim() === '') throw new Error('slack-poster: refusing to send a message with empty text');
  }

  return {
    async postMessage(message) {
      guard(message);
      const result = postMessageResult.parse(await call('chat.postMessage', maskDeep({ ...message })));
      return { channel: result.channel, ts: result.ts };
    },
    async postEphemeral(message) {
      guard(message);
      await call('chat.postEphemeral', maskDeep({ ...message }));
    },
    async userName(userId) {
      const cached = names.get(userId);
      if (cached !== undefined) return cached;
      try {
        const { user } = usersInfoResult.parse(await call('users.info', { user: userId }));
        const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name || userId;
        if (names.size < 1_000) names.set(userId, name);
        return name;
      } catch (error) {
        log.warn({ userId, reason: error instanceof Error ? error.message : String(error) }, 'could not read a Slack user name');
        return userId;
      }
    },
    identity() {
      identity ??= call('auth.test', {})
        .then((raw) => {
          const result = authTestResult.parse(raw);
          return { userId: result.user_id, botId: result.bot_id ?? '' };
        })
        .catch((error: unknown) => {
          identity = null;
          throw error;
        });
      return identity;
    },
  };
}
