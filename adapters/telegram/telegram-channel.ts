import type { FastifyInstance } from 'fastify';
import { Telegraf } from 'telegraf';
import type { Message, TurnResult } from '../../src/engine/types.ts';
import { detectLocale } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import type { ChannelSender, DeliveryLedger } from '../../src/messaging/types.ts';
import { createBotApi } from './bot-api.ts';
import { callWithRetry, type RetryOptions } from './call-with-retry.ts';
import { createCallbackDataStore } from './callback-data.ts';
import { commandMenu } from './commands.ts';
import { createUpdateHandler } from './update-handler.ts';
import { registerTelegramWebhookRoute, TELEGRAM_WEBHOOK_PATH } from './webhook-route.ts';

export interface TelegramChannelOptions {
  token: string;
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server (or a local fake in tests). */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_URL / TELEGRAM_WEBHOOK_SECRET: webhook mode instead of long polling. */
  webhook?: { url: string; secret: string };
  engine: { handleTurn(message: Message): Promise<TurnResult> };
  /** update_id dedupe across instances. */
  ledger: DeliveryLedger;
  logger: Logger;
  /** Retry policy for Bot API calls (429 and 5xx); tests pass a recording `sleep`. */
  retry?: RetryOptions;
}

export interface TelegramChannel {
  /** Channel 'telegram': delivers outbox payloads of kind 'replies' to a chat. */
  sender: ChannelSender;
  /** POST /telegram/webhook, only when a webhook is configured. */
  registerWebhookRoute(app: FastifyInstance): void;
  /** Registers the command menu (zh and en), then long polling, or setWebhook when a webhook is configured. */
  start(): Promise<void>;
  /** Stops polling and waits for the turns in progress. */
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** The Telegram adapter: translates updates to engine messages and neutral replies to Bot API calls. */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const logger = options.logger.child({ channel: 'telegram' });
  const retry = options.retry ?? {};
  const bot = new Telegraf(options.token, {
    telegram: { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  const callbackData = createCallbackDataStore();
  const api = createBotApi(bot.telegram, callbackData, retry);
  const handler = createUpdateHandler({
    engine: options.engine,
    ledger: options.ledger,
    logger,
    api,
    callbackData,
    botUsername: () => bot.botInfo?.username,
  });
  bot.use(async (ctx) => {
    await handler.handle(ctx.update, 'process');
  });
  bot.catch((error) => {
    logger.error({ error: error instanceof Error ? error.name : 'unknown' }, 'telegram: update handling failed');
  });

  let started = false;
  let polling: Promise<void> | undefined;

  async function registerCommands(): Promise<void> {
    try {
      await callWithRetry(() => bot.telegram.setMyCommands(commandMenu('zh')), retry);
      await callWithRetry(() => bot.telegram.setMyCommands(commandMenu('en'), { language_code: 'en' }), retry);
    } catch (error) {
      logger.warn({ error: error instanceof Error ? error.message : 'unknown' }, 'telegram: setMyCommands failed; commands still work when typed');
    }
  }

  const sender: ChannelSender = {
    channel: 'telegram',
    async deliver(chatId, payload, outboxId) {
      if (payload.kind !== 'replies') {
        logger.warn({ outboxId: String(outboxId), kind: payload.kind }, 'telegram: outbox payload kind is not for Telegram; skipped');
        return;
      }
      const locale = detectLocale(payload.replies.map((reply) => reply.text).join('\n'));
      await api.sendReplies(chatId, payload.replies, locale);
    },
  };

  return {
    sender,
    registerWebhookRoute(app) {
      if (!options.webhook) return;
      if (new URL(options.webhook.url).pathname !== TELEGRAM_WEBHOOK_PATH) {
        logger.warn(`telegram: TELEGRAM_WEBHOOK_URL should end with ${TELEGRAM_WEBHOOK_PATH}, where the route listens`);
      }
      registerTelegramWebhookRoute(app, { secret: options.webhook.secret, handler, logger });
    },
    async start() {
      if (started) return;
      bot.botInfo = await callWithRetry(() => bot.telegram.getMe(), retry);
      await registerCommands();
      const webhook = options.webhook;
      if (webhook) {
        await callWithRetry(
          () => bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] }),
          retry,
        );
        started = true;
        logger.info('telegram: webhook registered');
        return;
      }
      // telegraf's launch deletes the webhook too, but without retrying: a 5xx there would end polling.
      await callWithRetry(() => bot.telegram.deleteWebhook(), retry);
      await new Promise<void>((resolve, reject) => {
        polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, resolve).catch((error: unknown) => {
          logger.error({ error: error instanceof Error ? error.message : 'unknown' }, 'telegram: long polling stopped on an error');
          polling = undefined;
          started = false;
          reject(error instanceof Error ? error : new Error('telegram: long polling failed'));
        });
      });
      started = true;
      logger.info('telegram: long polling started');
    },
    async stop() {
      if (polling) {
        bot.stop('stop');
        await polling;
        polling = undefined;
      }
      started = false;
      await handler.idle();
    },
  };
}
