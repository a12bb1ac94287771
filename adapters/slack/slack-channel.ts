import { App, SocketModeReceiver } from '@slack/bolt';
import type { FastifyInstance } from 'fastify';
import type { CertificateService } from '../../src/certificates/types.ts';
import type { FaqAnswerer } from '../../src/faq/types.ts';
import type { HandoffDesk } from '../../src/handoff/types.ts';
import type { Logger } from '../../src/logging.ts';
import type { ChannelSender, DeliveryLedger } from '../../src/messaging/types.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { registerCertCommand } from './cert-command.ts';
import { dedupeMiddleware } from './dedupe-middleware.ts';
import { registerFaqAnswers } from './faq-answers.ts';
import { FastifyReceiver } from './fastify-receiver.ts';
import { registerHandoffReplies } from './handoff-replies.ts';
import { createSlackSender } from './outbox-sender.ts';
import { createSlackPoster, type RetryPolicy } from './slack-poster.ts';

export interface SlackChannelOptions {
  botToken: string;
  signingSecret: string;
  /** SLACK_APP_TOKEN: Socket Mode instead of HTTP events. */
  appToken?: string;
  /** SLACK_API_URL: a non-default Web API host (a local fake in tests). */
  apiUrl?: string;
  /** SLACK_STAFF_USER_IDS: who may use /cert. */
  staffUserIds: string[];
  /** SLACK_HANDOFF_CHANNEL: where handoff tickets are posted. */
  handoffChannel: string;
  faq: FaqAnswerer;
  certificates: Pick<CertificateService, 'findByNumber'>;
  handoff: HandoffDesk;
  ledger: DeliveryLedger;
  logger: Logger;
  /** Web API retries (attempts, longest Retry-After honoured, backoff, sleep). */
  retry?: Partial<RetryPolicy>;
  /** Milliseconds since the epoch, for the request timestamp check. */
  now?: () => number;
  /** Path of the events route in HTTP mode (default /slack/events). */
  eventsPath?: string;
}

export interface SlackChannel {
  /** Channel 'slack': delivers outbox payloads `handoff_opened`, `handoff_message` (and `replies` to a Slack chat). */
  sender: ChannelSender;
  /** POST /slack/events for events, slash commands and interactivity (HTTP mode; nothing in Socket Mode). */
  registerRoutes(app: FastifyInstance): void;
  start(): Promise<void>;
  /** Stops receiving and waits for work that was acknowledged but not finished. */
  stop(): Promise<void>;
  /** Resolves when no acknowledged event is still being worked on (HTTP mode). */
  whenIdle(): Promise<void>;
}

/**
 * The Slack desk for support staff, built on Bolt: FAQ answers in DMs, `/cert` look-ups for
 * staff, handoff tickets posted to a channel with staff replies relayed from their threads.
 * Transport lives in the receiver (a fastify route, or Bolt's Socket Mode receiver); every Web
 * API call goes to `apiUrl` through one poster.
 */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  if (!options.botToken) throw new Error('createSlackChannel: botToken (SLACK_BOT_TOKEN) is required');
  if (!options.appToken && !options.signingSecret) {
    throw new Error('createSlackChannel: signingSecret (SLACK_SIGNING_SECRET) is required unless appToken (SLACK_APP_TOKEN) selects Socket Mode');
  }
  if (!options.handoffChannel) throw new Error('createSlackChannel: handoffChannel (SLACK_HANDOFF_CHANNEL) is required');
  const logger = options.logger.child({ channel: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const poster = createSlackPoster({
    botToken: options.botToken,
    logger,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const httpReceiver = options.appToken
    ? null
    : new FastifyReceiver({ signingSecret: options.signingSecret, logger, ...(options.now ? { now: options.now } : {}) });
  const receiver = httpReceiver ?? new SocketModeReceiver({ appToken: options.appToken ?? '', logger: boltLogger });

  const app = new App({
    receiver,
    logger: boltLogger,
    convoStore: false,
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    // auth.test once (cached by the poster); when Slack cannot say who we are, events are still
    // handled and our own posts are recognised by their bot_id/subtype instead.
    authorize: async () => {
      try {
        const identity = await poster.identity();
        return { botToken: options.botToken, botUserId: identity.userId, botId: identity.botId };
      } catch {
        return { botToken: options.botToken };
      }
    },
  });
  app.error(async (error) => {
    logger.error({ reason: error.message, code: error.code }, 'a Slack listener failed');
  });
  app.use(dedupeMiddleware(options.ledger, logger));
  registerFaqAnswers(app, { faq: options.faq, poster, logger });
  registerCertCommand(app, { certificates: options.certificates, staffUserIds: options.staffUserIds, poster, logger });
  registerHandoffReplies(app, { handoff: options.handoff, handoffChannel: options.handoffChannel, poster, logger });

  return {
    sender: createSlackSender({ handoff: options.handoff, handoffChannel: options.handoffChannel, poster, logger }),
    registerRoutes(fastify) {
      httpReceiver?.register(fastify, options.eventsPath);
    },
    async start() {
      await poster.identity().catch((error: unknown) => {
        logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Slack auth.test failed; will retry on the first event');
      });
      await app.start();
    },
    async stop() {
      await app.stop();
    },
    whenIdle: () => httpReceiver?.idle() ?? Promise.resolve(),
  };
}
