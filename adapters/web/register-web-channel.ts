import type { FastifyError, FastifyInstance } from 'fastify';
import type { Message, TurnResult } from '../../src/engine/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import type { OutboxReader, OutboxSignal } from '../../src/messaging/types.ts';
import { registerChatEventsRoute } from './chat-events-route.ts';
import { registerChatMessagesRoute } from './chat-messages-route.ts';
import { registerDemoPage } from './demo-page.ts';
import { createRateLimiter } from './token-bucket.ts';
import { requestLocale, webPhrases } from './web-phrases.ts';
import { loadWidgetBundle } from './widget-bundle.ts';
import { registerWidgetRoute } from './widget-route.ts';

export { createWebSender } from './web-sender.ts';

export interface WebChannelOptions {
  engine: { handleTurn(message: Message): Promise<TurnResult> };
  /** Replay of later messages for a chat (the event stream). */
  outboxReader: OutboxReader;
  /** Wakes event streams when an outbox row is written for a chat. */
  outboxSignal: OutboxSignal;
  logger: Logger;
  /** Messages a minute, per session and per IP, on POST /api/chat/messages. */
  rateLimitPerMinute: number;
  /** Heartbeat comment interval on event streams; 15 s unless a test wants it sooner. */
  heartbeatMs?: number;
}

/**
 * The web chat channel: the demo page (`GET /`), the widget script (`GET /widget.js`, built
 * once here), the chat API (`POST /api/chat/messages`) and its event stream (`GET /api/chat/events`).
 * Registered in its own scope, so its error handler answers only its own routes.
 */
export async function registerWebChannel(app: FastifyInstance, options: WebChannelOptions): Promise<void> {
  const bundle = await loadWidgetBundle();
  await app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const locale = requestLocale(request);
      const status = error.statusCode ?? 500;
      if (status === 413) return reply.code(413).send({ error: 'too_large', message: localize(webPhrases.textTooLong, locale) });
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ error: 'invalid_body', message: localize(webPhrases.invalidBody, locale) });
      }
      options.logger.error({ err: error, url: request.routeOptions.url }, 'web chat: request failed');
      return reply.code(500).send({ error: 'unavailable', message: localize(webPhrases.unavailable, locale) });
    });
    // The widget may be embedded on another origin; the session id travels in the body, never in a cookie.
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    scope.options('/api/chat/messages', async (_request, reply) => {
      reply.header('access-control-allow-methods', 'POST, OPTIONS');
      reply.header('access-control-allow-headers', 'content-type');
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    });

    registerDemoPage(scope);
    registerWidgetRoute(scope, bundle);
    registerChatMessagesRoute(scope, {
      engine: options.engine,
      limiter: createRateLimiter(options.rateLimitPerMinute),
      logger: options.logger,
    });
    registerChatEventsRoute(scope, {
      outboxReader: options.outboxReader,
      outboxSignal: options.outboxSignal,
      logger: options.logger,
      heartbeatMs: options.heartbeatMs ?? 15_000,
    });
  });
}
